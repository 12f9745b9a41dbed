/**
 * End to end proof of the safety rule: hostile feeds, exports and archive pages (tests/fixtures/hostile/<case>/input.*)
 * go through the real import CLI into a throwaway copy of the project whose content/ holds nothing else, the real
 * `astro build` builds it, and then no built file (pages, feed, sitemap, card exports, search index, bundles) carries
 * a script, handler, frame, style or javascript:/data:/vbscript: URL from them: checked by parse5, by Debian's
 * feedparser, and by Chromium, which opens every page, clicks every snippet button, practises the deck and searches,
 * while watching for dialogs, a payload-set `window.__pwned`, and requests to the payloads' hosts.
 *
 * A case is a folder with `input.<ext>` and `expected.json` ({ format, posts, decks, survivor }): the import must
 * recognise the format and create that many posts and decks, and the survivor sentence must reach a built page, so
 * the test cannot pass by the importer dropping everything.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../scripts/importer/frontmatter.ts';
import type { ImportReport } from '../../scripts/importer/report.ts';
import { PROJECT_ROOT, buildProject, createTempProject, type TempProject } from '../../scripts/bench/temp-project.ts';
import { caseNames, FIXTURES } from '../site/fixture-cases.ts';
import {
  PAYLOAD_MARKER, delimitedRows, htmlDocumentFindings, htmlFragmentFindings, markdownFindings, unsafeUrl,
} from './active-content.ts';
import { openBrowser } from './harness.ts';
import { serveStatic } from './serve-static.ts';

const run = promisify(execFile);

/** What a hostile case must give. */
interface Expected {
  format: string;
  posts: number;
  decks: number;
  /** A sentence of the input's safe text that must reach a built page. */
  survivor: string;
}

interface Case {
  name: string;
  input: string;
  expected: Expected;
}

/** Hosts only payloads point at (iframes, stylesheets, scheme-relative links): the page must never request them. */
const PAYLOAD_HOSTS = /evil\.example/;

let cases: Case[];
let project: TempProject;
let distDir: string;
let report: ImportReport;
let importOutput: string;

beforeAll(async () => {
  cases = await Promise.all(
    caseNames('hostile').map(async (name) => {
      const dir = join(FIXTURES, 'hostile', name);
      const input = (await readdir(dir)).find((file) => file.startsWith('input.'));
      if (!input) throw new Error(`${dir} has no input.* file`);
      return { name, input: relative(PROJECT_ROOT, join(dir, input)), expected: JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Expected };
    }),
  );
  project = await createTempProject();
  // content/ holds only what the hostile import writes: no seeds, no hand-written posts or decks.
  await rm(join(project.root, 'content'), { recursive: true, force: true });
  const reportFile = join(project.root, 'import-report.json');
  // The real CLI, as `npm run import` runs it, on the Node 24 that runs this test. One run for every input.
  const cli = [join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import.ts', '--out', join(project.root, 'content'), '--report', reportFile];
  const result = await run(process.execPath, [...cli, ...cases.map((c) => c.input)], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  importOutput = result.stdout + result.stderr;
  report = JSON.parse(await readFile(reportFile, 'utf8')) as ImportReport;
  distDir = join(project.root, 'dist');
  const build = await buildProject(project.root, distDir);
  if (!build.ok) throw new Error(`the hostile site did not build:\n${build.output}\nimport:\n${importOutput}`);
}, 600_000);

afterAll(() => project?.remove());

/** Every file of the build, relative to it, with `/` separators. */
async function builtFiles(): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(distDir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

describe('hostile import', () => {
  it('imports every case in the format its content shows, with the posts and decks it holds', () => {
    for (const { input, expected } of cases) {
      const inputReport = report.inputs.find((i) => i.input === input);
      expect(inputReport, `${input} in the report:\n${importOutput}`).toBeDefined();
      expect(inputReport!.error, input).toBeUndefined();
      expect(inputReport!.format, input).toBe(expected.format);
      expect(inputReport!.items.filter((item) => item.status === 'new').length, `${input}: new posts`).toBe(expected.posts);
      expect(inputReport!.items.filter((item) => item.deck?.status === 'new').length, `${input}: new decks`).toBe(expected.decks);
    }
  });

  it('carries each case\'s safe text through to a built page', async () => {
    const pages = (await builtFiles()).filter((file) => file.startsWith('posts/') && file.endsWith('.html'));
    const texts = await Promise.all(pages.map((file) => readFile(join(distDir, file), 'utf8')));
    for (const { name, expected } of cases) expect(texts.some((html) => html.includes(expected.survivor)), `${name}: "${expected.survivor}"`).toBe(true);
  });
});

describe('no active content from the sources in any imported file', () => {
  it('post and deck Markdown: no raw HTML, no unsafe link, image or frontmatter URL, no control or bidi characters in frontmatter', async () => {
    const content = join(project.root, 'content');
    const files = (await readdir(content, { recursive: true })).filter((file) => file.endsWith('.md'));
    expect(files.length).toBe(report.summary.new + cases.reduce((sum, c) => sum + c.expected.decks, 0));
    const findings: string[] = [];
    for (const file of files) {
      const parsed = parseFrontmatter(await readFile(join(content, file), 'utf8'));
      if (parsed === null) throw new Error(`${file}: no frontmatter`);
      findings.push(...markdownFindings(parsed.body, file));
      const walk = (value: unknown, path: string): void => {
        if (typeof value === 'string') {
          if (/(^|\.)url$/.test(path) && !/^https?:\/\//.test(value)) findings.push(`${file} ${path}: ${value}`);
          if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(value)) findings.push(`${file} ${path}: hidden characters in ${JSON.stringify(value)}`);
        } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
          for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
        }
      };
      walk(parsed.data, '');
    }
    expect(findings).toEqual([]);
  });
});

describe('no active content from the sources in any built file', () => {
  it('HTML pages: scripts are the site\'s own, and no handler, frame, style or unsafe URL', async () => {
    const findings: string[] = [];
    const files = (await builtFiles()).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(cases.length);
    for (const file of files) findings.push(...htmlDocumentFindings(await readFile(join(distDir, file), 'utf8'), file));
    expect(findings).toEqual([]);
  });

  it('the site\'s JavaScript bundles hold no payload', async () => {
    const scripts = (await builtFiles()).filter((file) => file.endsWith('.js') || file.endsWith('.mjs'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(await readFile(join(distDir, file), 'utf8'), file).not.toMatch(PAYLOAD_MARKER);
  });

  it('Anki exports: every field, read as the HTML Anki renders, is inert', async () => {
    const files = (await builtFiles()).filter((file) => file.endsWith('.anki.txt'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const findings: string[] = [];
    for (const file of files) {
      const rows = delimitedRows(await readFile(join(distDir, file), 'utf8'), '\t');
      expect(rows.length, file).toBeGreaterThan(0);
      rows.forEach((row, i) => row.forEach((field, j) => findings.push(...htmlFragmentFindings(field, `${file} row ${i + 1} field ${j + 1}`))));
    }
    expect(findings).toEqual([]);
  });

  it('CSV exports: answers are inert Markdown, sources are http(s)', async () => {
    const files = (await builtFiles()).filter((file) => file.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const findings: string[] = [];
    for (const file of files) {
      const [header, ...rows] = delimitedRows(await readFile(join(distDir, file), 'utf8'), ',');
      expect(header).toEqual(['id', 'deck', 'topic', 'kind', 'question', 'answer', 'source']);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const [i, row] of rows.entries()) {
        findings.push(...markdownFindings(row[5] ?? '', `${file} row ${i + 1} answer`));
        if (row[6] && !/^https?:\/\//.test(row[6])) findings.push(`${file} row ${i + 1}: source ${row[6]}`);
      }
    }
    expect(findings).toEqual([]);
  });

  it('sitemaps list only the site\'s own URLs', async () => {
    const files = (await builtFiles()).filter((file) => /^sitemap.*\.xml$/.test(file));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const xml = await readFile(join(distDir, file), 'utf8');
      expect(xml, file).not.toMatch(/<script|javascript:|data:/i);
      for (const [, loc] of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) expect(loc, file).toMatch(/^https:\/\/opsdeck\.example\.org\/[\w/.%-]*$/);
    }
  });

  it('the search index: page, anchor and image URLs are the site\'s or http(s)', async () => {
    const fragments = (await builtFiles()).filter((file) => file.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    for (const file of [...(await builtFiles()).filter((f) => f.endsWith('.json'))]) JSON.parse(await readFile(join(distDir, file), 'utf8'));
    for (const file of fragments) {
      // A fragment is gzip of "pagefind_dcd" + JSON.
      const json = gunzipSync(await readFile(join(distDir, file))).toString('utf8').replace(/^pagefind_dcd/, '');
      const fragment = JSON.parse(json) as { url: string; meta: Record<string, string>; anchors: { id: string }[] };
      expect(fragment.url, file).toMatch(/^\/[\w/.%-]*$/);
      if (fragment.meta['image'] !== undefined) expect(unsafeUrl(fragment.meta['image']), `${file} image ${fragment.meta['image']}`).toBe(false);
      for (const anchor of fragment.anchors) expect(anchor.id, file).toMatch(/^[\w-]+$/);
    }
  });

  it('rss.xml, read by feedparser with its own sanitiser off, has no active content in any field', async () => {
    const fields = await feedFields(await readFile(join(distDir, 'rss.xml')));
    expect(fields.filter(([path]) => /content\[\d+\]\.value$/.test(path)).length).toBe(report.summary.new);
    const findings: string[] = [];
    for (const [path, value] of fields) {
      findings.push(...htmlFragmentFindings(value, `rss.xml ${path}`));
      if (/(^|\.)(link|href)$/.test(path) && !/^https:\/\/opsdeck\.example\.org\//.test(value)) findings.push(`rss.xml ${path}: ${value}`);
    }
    expect(findings).toEqual([]);
  });
});

/**
 * Every string feedparser reads from a feed, as `[path, value]`, with its HTML sanitiser and relative-URI resolution
 * off: a feed reader that trusts the feed would show exactly these.
 */
async function feedFields(xml: Buffer): Promise<[string, string][]> {
  const script = `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read(), sanitize_html=False, resolve_relative_uris=False)
out = []
def walk(path, value):
    if isinstance(value, str): out.append([path, value])
    elif isinstance(value, dict):
        for k, v in value.items(): walk(path + "." + k if path else k, v)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value): walk(path + "[" + str(i) + "]", v)
if d.bozo: raise SystemExit("feedparser: " + str(d.bozo_exception))
walk("feed", d.feed)
for i, e in enumerate(d.entries): walk("entries[" + str(i) + "]", e)
print(json.dumps(out))
`;
  const child = run('/usr/bin/python3', ['-c', script], { maxBuffer: 64 * 1024 * 1024 });
  child.child.stdin!.end(xml);
  return JSON.parse((await child).stdout) as [string, string][];
}

describe('every built page in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await serveStatic(distDir);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What went wrong on a page: dialogs, requests to payload hosts, the payload global, live markup the DOM grew. */
  async function watch(page: Page): Promise<{ problems: string[]; check: (when: string) => Promise<void> }> {
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`${dialog.type()} dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (PAYLOAD_HOSTS.test(url)) problems.push(`request to a payload host: ${url}`);
      // Nothing outside the local server is reachable anyway; fail such requests fast instead of waiting on DNS.
      return url.startsWith(server.url) ? route.continue() : route.abort();
    });
    const check = async (when: string) => {
      const live = await page.evaluate(() => {
        const found: string[] = [];
        if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('window.__pwned was set');
        for (const element of document.querySelectorAll('*')) {
          for (const attr of element.getAttributeNames()) if (attr.toLowerCase().startsWith('on')) found.push(`<${element.localName} ${attr}>`);
          if (/^(iframe|frame|object|embed|base)$/.test(element.localName)) found.push(`<${element.localName}>`);
          const script = element as HTMLScriptElement;
          if (element.localName === 'script' && script.type !== 'application/json' && !script.src.includes('/_astro/') && /pwned|msgbox/i.test(script.text)) found.push('payload script');
          const href = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? element.getAttribute('xlink:href');
          if (href !== null && /^(javascript|data|vbscript):/i.test(href.replace(/[\u0000-\u0020]/g, ''))) found.push(`<${element.localName}> ${href}`);
        }
        return found;
      });
      problems.push(...live.map((problem) => `${when}: ${problem}`));
    };
    return { problems, check };
  }

  it('opens every page without a dialog, a payload request or live payload markup', async () => {
    const pages = (await builtFiles()).filter((file) => file.endsWith('.html')).map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
    const context = await browser.newContext();
    const problems: string[] = [];
    for (const path of pages) {
      const page = await context.newPage();
      const watcher = await watch(page);
      await page.goto(server.url + path, { waitUntil: 'load' });
      await watcher.check(path);
      problems.push(...watcher.problems.map((problem) => `${path}: ${problem}`));
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('clicks Copy, Copy as script and Run on every snippet of every post', async () => {
    const posts = (await builtFiles()).filter((file) => /^posts\/.+\/index\.html$/.test(file)).map((file) => `/${file.replace(/index\.html$/, '')}`);
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const problems: string[] = [];
    let ran = 0;
    for (const path of posts) {
      const page = await context.newPage();
      const watcher = await watch(page);
      await page.goto(server.url + path);
      const figures = page.locator('figure.snippet');
      for (let i = 0; i < (await figures.count()); i++) {
        const figure = figures.nth(i);
        for (const action of ['copy', 'copy-script']) {
          const button = figure.locator(`button[data-action="${action}"]`);
          if ((await button.count()) > 0) await button.click();
        }
        const runButton = figure.locator('button[data-action="run"]');
        if ((await runButton.count()) > 0 && (await runButton.isEnabled())) {
          const before = await figure.locator('.snippet-run-status').count();
          await runButton.click();
          await figure.locator('.snippet-run-status').nth(before).waitFor({ timeout: 30_000 });
          ran++;
        }
        await watcher.check(`${path} snippet ${i + 1}`);
      }
      problems.push(...watcher.problems.map((problem) => `${path}: ${problem}`));
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
    expect(ran, 'snippets run in the sandbox').toBeGreaterThan(0);
  });

  it('shows the hidden characters of the Trojan Source snippet and will not run it', async () => {
    const page = await browser.newPage();
    const posts = (await builtFiles()).filter((file) => /^posts\/.+\/index\.html$/.test(file));
    const trojan: string[] = [];
    for (const file of posts) if ((await readFile(join(distDir, file), 'utf8')).includes('data-hidden-chars')) trojan.push(file);
    expect(trojan.length, 'posts with a Trojan Source snippet').toBeGreaterThan(0);
    for (const file of trojan) {
      await page.goto(`${server.url}/${file.replace(/index\.html$/, '')}`);
      const figure = page.locator('figure.snippet[data-hidden-chars]').first();
      expect(await figure.locator('.snippet-hidden-char').count(), file).toBeGreaterThan(0);
      expect(await figure.locator('button[data-action="run"]').isDisabled(), file).toBe(true);
      // What is shown and copied contains no bidi control: each is replaced by a visible marker.
      expect(await figure.locator('pre').textContent(), file).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    await page.close();
  });

  it('practises every card of the imported deck', async () => {
    const decks = (await builtFiles()).filter((file) => /^cards\/[^/]+\/index\.html$/.test(file));
    expect(decks.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of decks) {
      const page = await browser.newPage();
      const watcher = await watch(page);
      await page.goto(`${server.url}/${file.replace(/index\.html$/, '')}`);
      const cards = await page.locator('[data-card-id]').count();
      expect(cards).toBeGreaterThan(0);
      const summary = page.locator('[data-role="summary"]');
      // Good on a new card may bring it back in the same session (a learning step), so rate until the session ends.
      for (let shown = 0; !(await summary.isVisible()); shown++) {
        expect(shown, `${file}: the session never ends`).toBeLessThan(cards * 4);
        await page.keyboard.press('Space');
        await page.locator('[data-practice] [data-role="answer"]').waitFor({ state: 'visible' });
        await watcher.check(`${file} card ${shown + 1} revealed`);
        await page.keyboard.press(shown < cards ? '3' : '4');
      }
      await watcher.check(`${file} summary`);
      problems.push(...watcher.problems);
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('searches for the payloads and renders the results inertly', async () => {
    const page = await browser.newPage();
    const watcher = await watch(page);
    for (const query of ['pwned', 'script', 'onerror', 'javascript']) {
      await page.goto(`${server.url}/search/?q=${query}`);
      await page.locator('.search-result').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.search-result__excerpt *:not(mark)').count(), query).toBe(0);
      await watcher.check(`search ${query}`);
    }
    await page.goto(`${server.url}/snippets/`);
    await page.locator('#snippet-filter').fill('pwned');
    await watcher.check('command filter');
    await page.close();
    expect(watcher.problems).toEqual([]);
  });
});
