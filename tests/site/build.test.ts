/**
 * Checks the site built from the repository's content/ (by the test harness) against the posts' Markdown files:
 * expectations are derived from the frontmatter, so they hold for whatever content/posts holds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { site as siteConfig } from '../../src/site.config.ts';
import { indexTags, type TagIndex } from '../../src/lib/tags.ts';
import { site } from '../e2e/harness.ts';
import { allPagePaths, hasCodeFence, hrefs, readPage, readSourcePosts, textOf, type SourcePost } from './built-site.ts';

const root = join(import.meta.dirname, '../..');
let distDir: string;
let posts: SourcePost[];
/** Published posts under each tag slug. */
let postsByTag: Map<string, SourcePost[]>;
let tagIndex: TagIndex<SourcePost>;

beforeAll(async () => {
  distDir = site().distDir;
  posts = (await readSourcePosts(join(root, 'content/posts'))).filter((post) => post.data.draft !== true);
  // Which spellings merge is unit-tested over fixtures (tags.test.ts); here the pages must match the index.
  tagIndex = indexTags(posts, (post) => post.data.tags ?? []);
  postsByTag = tagIndex.postsByTag;
});

const pageCount = (n: number) => Math.max(1, Math.ceil(n / siteConfig.postsPerPage));
const listedPosts = (path: string) =>
  readPage(distDir, path).then(({ tree }) => hrefs(tree, '.post-list .post-summary__title a'));

/** Posts listed on a paginated list, following its "Older" links to the last page. */
async function listedOnAllPages(path: string): Promise<string[]> {
  const { tree } = await readPage(distDir, path);
  const [next] = hrefs(tree, '.pagination a[rel=next]');
  return [...hrefs(tree, '.post-list .post-summary__title a'), ...(next ? await listedOnAllPages(next) : [])];
}

describe('post pages', () => {
  it('has one page per published post with title, date, author, tags and provenance', async () => {
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      const { tree } = await readPage(distDir, `/posts/${post.id}/`);
      expect(textOf(tree, 'h1'), post.file).toBe(post.data.title.trim());
      expect(textOf(tree, '.post__meta :is(time, .undated)'), post.file).not.toBe('');
      expect(textOf(tree, '.post__author'), post.file).toBe(`by ${String(post.data['author'] ?? siteConfig.author).trim()}`);
      const tagLinks = hrefs(tree, '.post__header .tag-list a');
      expect(new Set(tagLinks), post.file).toEqual(new Set((post.data.tags ?? []).map((tag) => `/tags/${tagIndex.tagOf(tag).slug}/`)));
      const source = post.data['source'] as { url?: string } | undefined;
      if (source?.url) {
        expect(textOf(tree, '.post__origin'), post.file).toContain('Originally published at');
        expect(hrefs(tree, '.post__origin a'), post.file).toContain(source.url);
      }
      const reprint = post.data['reprint'] as { author: string } | undefined;
      if (reprint) expect(textOf(tree, '.post__reprint'), post.file).toContain(reprint.author);
    }
  });

  it('has a page, with its tag pages, for each of the ten items of the bundled seed 001 feed', async () => {
    const seed = posts.filter((post) => String((post.data['source'] as { input?: string } | undefined)?.input).includes('001_cbf49603f4a87da8'));
    expect(seed).toHaveLength(10);
    for (const post of seed) {
      const { tree } = await readPage(distDir, `/posts/${post.id}/`);
      const tagLinks = hrefs(tree, '.post__header .tag-list a');
      expect(tagLinks.length, post.file).toBeGreaterThan(0);
      for (const link of tagLinks) expect(await listedOnAllPages(link), link).toContain(`/posts/${post.id}/`);
    }
  });

  it('builds no page for a draft and no page for a post that does not exist', async () => {
    const paths = await allPagePaths(distDir);
    const postPages = paths.filter((path) => path.startsWith('/posts/'));
    expect(postPages.sort()).toEqual(posts.map((post) => `/posts/${post.id}/`).sort());
  });
});

describe('home', () => {
  it('lists every published post once, newest first, paginated by site.postsPerPage', async () => {
    const pages = pageCount(posts.length);
    const listed: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const links = await listedPosts(page === 1 ? '/' : `/${page}/`);
      expect(links.length).toBeLessThanOrEqual(siteConfig.postsPerPage);
      listed.push(...links);
    }
    expect(listed.sort()).toEqual(posts.map((post) => `/posts/${post.id}/`).sort());
    await expect(readPage(distDir, `/${pages + 1}/`)).rejects.toThrow(/ENOENT/);

    const dates = (await Promise.all(Array.from({ length: pages }, (_, i) => readPage(distDir, i ? `/${i + 1}/` : '/'))))
      .flatMap(({ tree }) => selectAll('.post-list time', tree).map((time) => String(time.properties['dateTime'])))
      .filter((value) => value.includes('T'))
      .map((value) => Date.parse(value));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe('tags', () => {
  it('has a tags index with the number of posts under each tag', async () => {
    const { tree } = await readPage(distDir, '/tags/');
    const shown = new Map(
      selectAll('.tag-cloud a', tree).map((a) => [String(a.properties['href']), Number(textOf(a, '.tag__count'))]),
    );
    expect(shown).toEqual(new Map([...postsByTag].map(([slug, list]) => [`/tags/${slug}/`, list.length])));
  });

  it('has paginated tag pages listing exactly the posts under each tag', async () => {
    for (const [slug, tagged] of postsByTag) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const listed: string[] = [];
      for (let page = 1; page <= pageCount(tagged.length); page++) {
        listed.push(...(await listedPosts(page === 1 ? `/tags/${slug}/` : `/tags/${slug}/${page}/`)));
      }
      expect(listed.sort(), slug).toEqual(tagged.map((post) => `/posts/${post.id}/`).sort());
    }
  });
});

describe('archive and 404', () => {
  it('lists every post once under its year', async () => {
    const { tree } = await readPage(distDir, '/archive/');
    expect(hrefs(tree, '.archive-list a').sort()).toEqual(posts.map((post) => `/posts/${post.id}/`).sort());
    for (const section of selectAll('.archive-year', tree)) {
      const year = textOf(section, 'h2').split(' ')[0];
      for (const time of selectAll('time', section)) expect(String(time.properties['dateTime'])).toMatch(new RegExp(`^${year}`));
    }
  });

  it('has a 404 page that leads back home', async () => {
    const { tree } = await readPage(distDir, '/404.html');
    expect(textOf(tree, 'h1')).toBe('Page not found');
    expect(hrefs(tree, 'main a')).toContain('/');
  });
});

describe('every page', () => {
  it('links the RSS feed for autodiscovery', async () => {
    for (const path of await allPagePaths(distDir)) {
      const { tree } = await readPage(distDir, path);
      expect(hrefs(tree, 'head link[rel=alternate][type="application/rss+xml"]'), path).toEqual([`${siteConfig.url}/rss.xml`]);
    }
  });

  it('ships no JavaScript on pages that need none', async () => {
    const plain = (await allPagePaths(distDir)).filter((path) => {
      const post = posts.find((p) => path === `/posts/${p.id}/`);
      // Snippet, card and search pages are interactive; a post with code blocks may load the snippet scripts.
      return !path.startsWith('/snippets/') && !path.startsWith('/cards/') && path !== '/search/' && !(post && hasCodeFence(post));
    });
    expect(plain).toContain('/');
    for (const path of plain) {
      const { tree, html } = await readPage(distDir, path);
      expect(selectAll('script', tree).length, path).toBe(0);
      expect(html, path).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

describe('sitemap', () => {
  it('lists every post and tag page with absolute URLs, and not the 404 page', async () => {
    const index = await readFile(join(distDir, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const urls = (await Promise.all(sitemaps.map((path) => readFile(join(distDir, path), 'utf8'))))
      .flatMap((xml) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    for (const post of posts) expect(urls).toContain(`${siteConfig.url}/posts/${post.id}/`);
    for (const slug of postsByTag.keys()) expect(urls).toContain(`${siteConfig.url}/tags/${slug}/`);
    expect(urls).toContain(`${siteConfig.url}/`);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
  });
});
