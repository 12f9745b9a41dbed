import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSnippets } from '../snippets/render.ts';
import { openBrowser, site } from './harness.ts';
import { serveStatic } from './serve-static.ts';

/**
 * Snippets in Chromium, on the posts the site is built from: found by their content, so the tests follow the
 * imported seeds (the mdadm/paste post, the GlusterFS post) wherever the importer puts them.
 */
const postsDir = join(import.meta.dirname, '../../content/posts');

/** The page path of the first post whose Markdown contains `text`. */
function postWith(text: string): string {
  const file = readdirSync(postsDir).find((f) => f.endsWith('.md') && readFileSync(join(postsDir, f), 'utf8').includes(text));
  if (!file) throw new Error(`no post in content/posts contains ${JSON.stringify(text)}: import the seeds first (npm run import -- content/sources/*)`);
  return `/posts/${file.replace(/\.md$/, '')}/`;
}

/** The snippet figure whose code contains `text`. */
function snippetWith(page: Page, text: string): Locator {
  return page.locator('figure.snippet').filter({ has: page.locator('pre code', { hasText: text }) }).first();
}

/** The output lines the post prints after the command on the snippet's first command line. */
async function printedOutput(figure: Locator): Promise<string> {
  const lines = await figure.locator('code > [data-line]').evaluateAll((spans) => spans.map((s) => [s.getAttribute('data-role'), s.textContent ?? '']));
  const start = lines.findIndex(([role]) => role === 'command');
  const output: string[] = [];
  for (const [role, text] of lines.slice(start + 1)) {
    if (role === 'command') break;
    if (role === 'output') output.push(text ?? '');
  }
  return `${output.join('\n')}\n`;
}

/** Clicks Run and waits until the terminal shows the result of every command. */
async function run(figure: Locator): Promise<Locator> {
  const session = (await figure.getAttribute('data-kind')) === 'session';
  const expected = session ? await figure.locator('code > [data-role="command"]').count() : 1;
  await figure.locator('button[data-action="run"]').click();
  const terminal = figure.locator('.snippet-terminal');
  await terminal.locator('.snippet-run-status').nth(expected - 1).waitFor({ timeout: 30_000 });
  return terminal;
}

let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('snippets in the browser', () => {
  it('copies exactly the mdadm | paste command', async () => {
    const { baseUrl } = site();
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(baseUrl + postWith('paste - -'));
    const figure = snippetWith(page, 'paste - -');
    const button = figure.locator('button[data-action="copy"]');
    await button.focus();
    await page.keyboard.press('Enter'); // keyboard accessible
    await figure.locator('.snippet-status', { hasText: 'Copied' }).waitFor();
    expect(await figure.locator('.snippet-status').textContent()).toBe('Copied 1 command');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('mdadm --brief --verbose --detail /dev/md0 | paste - -');
    await context.close();
  });

  it('runs mdadm | paste and prints what the post prints', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(site().baseUrl + postWith('paste - -'));
    const scriptsBefore = requests.filter((u) => u.endsWith('.js')).length;
    const figure = snippetWith(page, 'paste - -');
    const terminal = await run(figure);
    expect(await terminal.locator('[data-stream="stdout"]').textContent()).toBe(await printedOutput(figure));
    expect(await terminal.textContent()).toContain('mdadm: replayed from output recorded in this post');
    expect(await terminal.locator('.snippet-run-status').textContent()).toMatch(/^exit status 0 /);
    // the sandbox loaded on the click, not with the page
    expect(requests.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(scriptsBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the GlusterFS mkdir, echo and cat in one session', async () => {
    const page = await browser.newPage();
    await page.goto(site().baseUrl + postWith('/mnt/glusterfs/test.txt'));
    const mkdir = snippetWith(page, 'mkdir -p /mnt/glusterfs');
    const echo = snippetWith(page, '> /mnt/glusterfs/test.txt');
    const cat = snippetWith(page, 'cat /mnt/glusterfs/test.txt');
    const ran = new Set<string>();
    for (const figure of [mkdir, echo, cat]) {
      const id = (await figure.getAttribute('id'))!;
      if (ran.has(id)) continue;
      ran.add(id);
      await run(figure);
    }
    const catEntry = cat.locator('.snippet-result').filter({ has: page.locator('.snippet-run-command', { hasText: 'cat /mnt/glusterfs/test.txt' }) });
    expect(await catEntry.locator('[data-stream="stdout"]').textContent()).toBe("We're testing GlusterFS\n");
    expect(await catEntry.getAttribute('data-exit')).toBe('0');
    await page.close();
  });

  it('says when a command needs a real Linux host, and does not fake it', async () => {
    const page = await browser.newPage();
    await page.goto(site().baseUrl + postWith('yum install'));
    const figure = page.locator('figure.snippet[data-host-only~="yum"]').first();
    expect(await figure.locator('.snippet-note-host').textContent()).toMatch(/^Needs a real Linux host/);
    const yumLine = figure.locator('code > [data-exec="host"]').first();
    expect(await yumLine.getAttribute('title')).toBe('needs a real Linux host');
    const runButton = figure.locator('button[data-action="run"]');
    if (await runButton.isEnabled()) {
      const terminal = await run(figure);
      expect(await terminal.textContent()).toContain('yum: needs a real Linux host, not run');
      expect(await terminal.locator('.snippet-result').first().getAttribute('data-exit')).toBe('127');
    } else {
      expect(await runButton.getAttribute('title')).toBe('Nothing here runs in the browser');
    }
    await page.close();
  });

  it('shows hidden characters of a Trojan Source snippet and will not run it', async () => {
    // No seed carries one, so the fixture post is rendered by the site's snippet plugins and served with the built
    // site's snippet script and styles.
    const { baseUrl, distDir } = site();
    const postHtml = await (await fetch(baseUrl + postWith('paste - -'))).text();
    const assets = [...postHtml.matchAll(/<(?:script type="module" src|link rel="stylesheet" href)="(\/_astro\/[^"]+)"/g)].map((m) => m[1]!);
    const { html } = await renderSnippets(readFileSync(join(import.meta.dirname, '../fixtures/snippets/trojan-source/input.md'), 'utf8'));
    const dir = await mkdtemp(join(tmpdir(), 'opsdeck-trojan-'));
    await symlink(join(distDir, '_astro'), join(dir, '_astro'));
    const head = assets.map((a) => (a.endsWith('.css') ? `<link rel="stylesheet" href="${a}">` : `<script type="module" src="${a}"></script>`)).join('');
    await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${html}</body></html>`);
    const server = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      await page.goto(server.url + '/');
      const figure = page.locator('figure.snippet').first();
      await figure.locator('.snippet-actions').waitFor({ state: 'visible' }); // the island ran
      expect(await figure.locator('.snippet-hidden-char').allTextContents()).toEqual(['⟨U+202E⟩', '⟨U+202C⟩', '⟨U+200B⟩']);
      expect(await figure.locator('.snippet-warning').isVisible()).toBe(true);
      const runButton = figure.locator('button[data-action="run"]');
      expect(await runButton.isDisabled()).toBe(true);
      await runButton.click({ force: true });
      expect(await figure.locator('.snippet-terminal').count()).toBe(0);
      await page.close();
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads correctly without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site().baseUrl + postWith('paste - -'));
    const figure = snippetWith(page, 'paste - -');
    expect(await figure.locator('pre').isVisible()).toBe(true);
    expect(await figure.locator('code').textContent()).toContain('# mdadm --brief --verbose --detail /dev/md0 | paste - -');
    expect(await figure.locator('[data-role="output"]').first().isVisible()).toBe(true);
    expect(await figure.locator('.snippet-label').isVisible()).toBe(true);
    // buttons that would do nothing stay hidden
    expect(await figure.locator('.snippet-actions').isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(0);
    await context.close();
  });

  it('ships no JavaScript with posts without snippets', async () => {
    const { distDir } = site();
    const withoutCode = readdirSync(postsDir).filter((f) => f.endsWith('.md') && !/^(```|~~~)/m.test(readFileSync(join(postsDir, f), 'utf8')));
    expect(withoutCode.length).toBeGreaterThan(0);
    for (const file of withoutCode) {
      const html = readFileSync(join(distDir, 'posts', file.replace(/\.md$/, ''), 'index.html'), 'utf8');
      expect(html, file).not.toMatch(/<script\b/);
    }
  });
});
