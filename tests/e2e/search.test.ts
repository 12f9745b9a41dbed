/**
 * Search in Chromium over the site built from the repository's content/: typing, tag filter, Cyrillic, deep links, no
 * results, more results, no JavaScript; and what the Pagefind index holds (posts and hand-written decks, nothing else).
 * Expectations are derived from content/, so they hold for whatever it contains. Screenshots: /tmp/search-e2e-*.png.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexTags, type TagIndex } from '../../src/lib/tags.ts';
import { readSourcePosts, type SourcePost } from '../site/built-site.ts';
import { openBrowser, openPage, site } from './harness.ts';

const root = join(import.meta.dirname, '../..');
let browser: Browser;
let baseUrl: string;
let distDir: string;
let posts: SourcePost[];
let tagIndex: TagIndex<SourcePost>;

beforeAll(async () => {
  ({ baseUrl, distDir } = site());
  posts = (await readSourcePosts(join(root, 'content/posts'))).filter((post) => post.data.draft !== true);
  tagIndex = indexTags(posts, (post) => post.data.tags ?? []);
  browser = await openBrowser();
});
afterAll(() => browser?.close());

const postPath = (post: SourcePost) => `/posts/${post.id}/`;
const pathsOf = (list: SourcePost[]) => list.map(postPath).sort();

/**
 * Waits until the status line reports a finished search: one that mentions `expected` in quotes (the query or the
 * tag), or whose status matches `expected` when it is a pattern.
 */
async function settled(page: Page, expected: string | RegExp): Promise<string> {
  const wanted = typeof expected === 'string' ? { quoted: `“${expected}”` } : { source: expected.source, flags: expected.flags };
  await page.waitForFunction((want) => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    const matches = 'quoted' in want ? status.includes(want.quoted) : new RegExp(want.source, want.flags).test(status);
    return matches && !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy');
  }, wanted);
  return (await page.locator('[data-search-status]').textContent())!;
}

/** Result links on the page, in order. */
const resultPaths = (page: Page) => page.locator('.search-result .post-summary__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));

/** Every result of the current search: clicks "More results" until it disappears. */
async function allResultPaths(page: Page): Promise<string[]> {
  const more = page.locator('[data-search-more] button');
  while (await more.isVisible()) {
    const shown = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, shown);
  }
  return resultPaths(page);
}

/** The post whose title contains every word, or a failure naming them. */
function postTitled(...words: string[]): SourcePost {
  const post = posts.find((p) => words.every((word) => p.data.title.toLowerCase().includes(word)));
  if (!post) throw new Error(`content/posts has no post titled with ${words.join(' + ')}`);
  return post;
}

describe('searching in the browser', () => {
  it('finds the mdadm/paste post as you type, marks the match, keeps the query in the address and opens the post', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1100, height: 900 } });
    const target = postTitled('mdadm', 'paste');
    await page.goto(baseUrl + '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(/\/search\/$/);
    await page.locator('#search-query').pressSequentially('paste', { delay: 40 });
    await settled(page, 'paste');
    expect(await resultPaths(page)).toContain(postPath(target));
    expect(new URL(page.url()).search).toBe('?q=paste');
    const result = page.locator('.search-result', { has: page.locator(`a[href="${postPath(target)}"]`) });
    const marks = await result.locator('.search-result__excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toContain('paste');
    await page.screenshot({ path: '/tmp/search-e2e-light.png' });

    await result.locator('.post-summary__title a').click();
    await page.waitForURL((url) => url.pathname === postPath(target));
    await expect(page.locator('h1').textContent()).resolves.toBe(target.data.title);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds commands inside snippets ("paste - -"), and every post that has all the words ("gluster volume")', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('paste - -')}`);
    await settled(page, 'paste - -');
    expect(await resultPaths(page)).toContain(postPath(postTitled('mdadm', 'paste')));

    // Pagefind matches word prefixes (gluster → GlusterFS, glusterd) and wants every word.
    const withBoth = posts.filter((post) => /\bgluster/i.test(post.body) && /\bvolume/i.test(post.body));
    expect(withBoth.length).toBeGreaterThan(0);
    await page.locator('#search-query').fill('gluster volume');
    await settled(page, 'gluster volume');
    expect(await allResultPaths(page)).toEqual(expect.arrayContaining(pathsOf(withBoth)));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a ?q=gluster deep link with the query filled in, each post once', async () => {
    const { context, page, problems } = await openPage(browser, { colorScheme: 'dark', viewport: { width: 1100, height: 900 } });
    await page.goto(baseUrl + '/search/?q=gluster');
    await expect(page.locator('#search-query').inputValue()).resolves.toBe('gluster');
    const status = await settled(page, 'gluster');
    const paths = await allResultPaths(page);
    expect(status).toBe(`${paths.length} results for “gluster”.`);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(pathsOf(posts.filter((post) => /gluster/i.test(post.data.title)))));
    await page.screenshot({ path: '/tmp/search-e2e-dark.png' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds a Cyrillic word: every reprint marked “перепечатка”, and nothing else', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 });
    const word = 'перепечатка';
    const expected = posts.filter((post) => [JSON.stringify(post.data['reprint'] ?? ''), post.data.title, post.body].some((text) => text.includes(word)));
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(word)}`);
    await settled(page, word);
    expect((await allResultPaths(page)).sort()).toEqual(pathsOf(expected));
    await page.screenshot({ path: '/tmp/search-e2e-phone.png' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('narrows to a tag: alone it lists the tag’s posts; with words, the untagged matches drop out', async () => {
    const { context, page, problems } = await openPage(browser);
    const [tag, tagged] = [...tagIndex.postsByTag].map(([slug, list]) => [tagIndex.tags.find((t) => t.slug === slug)!, list] as const).sort((a, b) => b[1].length - a[1].length)[0]!;
    const word = 'cloud';
    await page.goto(`${baseUrl}/search/?q=${word}`);
    await settled(page, word);
    const unfiltered = await allResultPaths(page);
    const taggedPaths = new Set(pathsOf(tagged));

    await page.locator('select[name=tag]').selectOption(tag.name);
    await settled(page, tag.name);
    expect(new URL(page.url()).searchParams.get('tag')).toBe(tag.name);
    const filtered = await allResultPaths(page);
    expect(filtered.sort()).toEqual(unfiltered.filter((path) => taggedPaths.has(path)).sort());
    for (const tags of await page.locator('.search-result__tags').allTextContents()) expect(tags).toContain(tag.name);

    await page.locator('#search-query').fill('');
    await settled(page, /^\d+ pages? tagged/);
    expect((await allResultPaths(page)).sort()).toEqual([...taggedPaths].sort());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when nothing matches', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(baseUrl + '/search/');
    await page.locator('#search-query').fill('xylophone');
    await page.locator('#search-query').press('Enter');
    await expect(settled(page, 'xylophone')).resolves.toBe('Nothing matches “xylophone”. Try fewer or shorter words.');
    await expect(page.locator('.search-result').count()).resolves.toBe(0);
    await expect(page.locator('[data-search-more]').isVisible()).resolves.toBe(false);
    expect(page.url()).toBe(`${baseUrl}/search/?q=xylophone`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows ten results at a time; More results adds the next ten and moves focus to them', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(baseUrl + '/search/?q=the');
    const status = await settled(page, 'the');
    const total = Number(/^(\d+) results/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(10);
    await expect(page.locator('.search-result').count()).resolves.toBe(10);
    await page.locator('[data-search-more] button').click();
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    await expect(page.locator('.search-result').count()).resolves.toBe(Math.min(20, total));
    await expect(page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10])).resolves.toBe(true);
    await context.close();
  });

  it('without JavaScript, the form lands on the search page and points to other ways in', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(baseUrl + '/search/');
    await page.locator('#search-query').fill('paste');
    await page.locator('#search-query').press('Enter');
    await page.waitForURL(/\/search\/\?q=paste/);
    await expect(page.locator('main').innerText()).resolves.toContain('Search runs in your browser and needs JavaScript.');
    await expect(page.locator('main a[href="/archive/"]').count()).resolves.toBe(1);
    await context.close();
  });
});

/** A Pagefind fragment: one indexed page. */
interface Fragment {
  url: string;
  content: string;
}

/** Every page in the built index, read from its fragment files (gzip: `pagefind_dcd` + JSON). */
async function indexedFragments(): Promise<Fragment[]> {
  const dir = join(distDir, 'pagefind/fragment');
  const files = await readdir(dir);
  return Promise.all(files.map(async (file) => JSON.parse(gunzipSync(await readFile(join(dir, file))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment));
}

describe('the search index', () => {
  it('holds every post and every hand-written deck once, and no listing page', async () => {
    const fragments = await indexedFragments();
    const deckFiles = (await readdir(join(root, 'content/cards'))).filter((file) => file.endsWith('.md'));
    const handWritten = [];
    for (const file of deckFiles) {
      const frontmatter = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(await readFile(join(root, 'content/cards', file), 'utf8'))![1]!) as { source?: unknown };
      if (frontmatter.source === undefined) handWritten.push(`/cards/${file.replace(/\.md$/, '')}/`);
    }
    expect(fragments.map((f) => f.url).sort()).toEqual([...pathsOf(posts), ...handWritten].sort());
    const entry = JSON.parse(await readFile(join(distDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(fragments.length);
  });

  it('indexes post text and code, not snippet buttons, provenance URLs or page furniture', async () => {
    const fragments = await indexedFragments();
    const paste = fragments.find((f) => f.url === postPath(postTitled('mdadm', 'paste')))!;
    expect(paste.content).toContain('paste - -');
    for (const fragment of fragments) {
      // The labels as the snippet toolbar lays them out (a post may well mention one of them in its prose).
      expect(fragment.content, fragment.url).not.toMatch(/Copy commands Copy as script|Download \.sh Run|Originally published at|← All posts|Skip to content|Practise \d+ cards/);
    }
  });
});
