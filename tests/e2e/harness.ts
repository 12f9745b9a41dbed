import { chromium, type Browser } from 'playwright-core';
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
