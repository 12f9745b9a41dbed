import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The site built once for this test run (see global-setup.ts). */
export function site(): { baseUrl: string; distDir: string } {
  const baseUrl = inject('baseUrl');
  if (!baseUrl) throw new Error('the site was not built for this run: run the file path under tests/e2e or tests/site');
  return { baseUrl, distDir: inject('distDir') };
}

/** Debian's Chromium (`apt-get install chromium`), headless, with the flags this sandboxed machine needs. */
export function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A page in a fresh context that records uncaught script errors and failed requests to the site in `problems`. */
export async function openPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  const { baseUrl } = site();
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('response', (response) => {
    if (response.url().startsWith(baseUrl) && response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return { context, page, problems };
}
