/**
 * Reads /rss.xml of the harness-built site with a real feed parser (Debian's python3-feedparser) and checks it
 * against the posts' Markdown: item count, titles, dates, links, categories, author, and absolute URLs in content.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { site as siteConfig } from '../../src/site.config.ts';
import { site } from '../e2e/harness.ts';
import { readSourcePosts, type SourcePost } from './built-site.ts';
import { parseFeed, type ParsedFeed } from './feedparser.ts';
import { tagMergeKey } from '../../src/lib/tags.ts';

let feed: ParsedFeed;
let posts: SourcePost[];

beforeAll(async () => {
  const xml = await readFile(join(site().distDir, 'rss.xml'));
  feed = await parseFeed(xml);
  posts = (await readSourcePosts(join(import.meta.dirname, '../../content/posts'))).filter((p) => p.data.draft !== true);
});

const postOf = (link: string) => posts.find((post) => link === `${siteConfig.url}/posts/${post.id}/`);

describe('/rss.xml read by feedparser', () => {
  it('is well-formed RSS 2.0 for the site', () => {
    expect(feed.bozo_exception).toBe('');
    expect(feed.bozo).toBe(false);
    expect(feed.version).toBe('rss20');
    expect(feed.title).toBe(siteConfig.title);
    expect(feed.link).toBe(`${siteConfig.url}/`);
  });

  it('has one item per published post, up to site.feedItems, with its title and permalink as guid', () => {
    expect(feed.entries).toHaveLength(Math.min(posts.length, siteConfig.feedItems));
    for (const entry of feed.entries) {
      const post = postOf(entry.link);
      expect(post, entry.link).toBeDefined();
      expect(entry.title).toBe(post!.data.title.trim());
      expect(entry.id).toBe(entry.link);
    }
  });

  it('carries the ten items of the bundled seed 001 feed with their original titles', () => {
    const seed = posts.filter((post) => String((post.data['source'] as { input?: string } | undefined)?.input).includes('001_cbf49603f4a87da8'));
    expect(seed).toHaveLength(10);
    const titles = new Set(feed.entries.map((entry) => entry.title));
    for (const post of seed) expect(titles.has(post.data.title.trim()), post.file).toBe(true);
    expect(titles.has('Bandwidth != Network Performance')).toBe(true);
  });

  it('dates each item with its post date, newest first; approximate dates get none', () => {
    const times: number[] = [];
    for (const entry of feed.entries) {
      const post = postOf(entry.link)!;
      if (post.data.date === undefined) {
        expect(entry.published, entry.link).toBeNull();
        continue;
      }
      const [y, mo, d, h, mi, s] = entry.published_parsed!;
      const parsed = Date.UTC(y!, mo! - 1, d, h, mi, s);
      expect(parsed, entry.link).toBe(new Date(post.data.date).getTime());
      times.push(parsed);
    }
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('names the author and lists the tags as categories', () => {
    for (const entry of feed.entries) {
      const post = postOf(entry.link)!;
      expect(entry.author).toBe(String(post.data['author'] ?? siteConfig.author).trim());
      // One category per distinct tag: spellings that share a slug are one tag.
      const keys = entry.tags.map((tag) => tagMergeKey(tag));
      expect(new Set(keys), entry.link).toEqual(new Set((post.data.tags ?? []).map((tag) => tagMergeKey(tag))));
      expect(keys.length, entry.link).toBe(new Set(keys).size);
    }
  });

  it('carries the full rendered post with only absolute, safe URLs', () => {
    for (const entry of feed.entries) {
      expect(entry.content, entry.link).toBeTruthy();
      const tree = fromHtml(entry.content!, { fragment: true });
      expect(selectAll('p, pre, ul, ol, h2, h3, blockquote, figure', tree).length, entry.link).toBeGreaterThan(0);
      for (const node of selectAll('[href], [src]', tree)) {
        const url = String(node.properties['href'] ?? node.properties['src']);
        expect(url, entry.link).toMatch(/^(https?:|mailto:)/);
      }
      expect(entry.content).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    }
  });
});
