/**
 * The posts imported from the two bundled plain-text archives (content/sources/000_… and 002_…),
 * read in Chromium: each reads cleanly (no boilerplate, no leftover [quote] tags), code sits in
 * code blocks and never in paragraphs, seed 000's posts say they are reprints and seed 002's are
 * tagged CTO/CIO. Works on whatever content/posts holds after the seed import.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, site } from './harness.ts';

const POSTS = fileURLToPath(new URL('../../content/posts/', import.meta.url));
const SEEDS = { reprints: '000_3cbe4b6aeaa5defa', cto: '002_c732ab83688a24d9' } as const;

interface ImportedPost {
  id: string;
  title: string;
  seed: keyof typeof SEEDS;
}

/** Posts in content/posts whose source is one of the two text archives. */
function archivePosts(): ImportedPost[] {
  return readdirSync(POSTS)
    .filter((file) => file.endsWith('.md'))
    .flatMap((file): ImportedPost[] => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(POSTS, file), 'utf8'))?.[1];
      const data = (frontmatter === undefined ? {} : parseYaml(frontmatter)) as { title?: string; source?: { input?: string } };
      const input = data.source?.input ?? '';
      const seed = (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).find((key) => input.includes(SEEDS[key]));
      return seed === undefined || data.title === undefined ? [] : [{ id: basename(file, '.md'), title: data.title, seed }];
    });
}

const posts = archivePosts();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

/** Text of every paragraph of the post body, outside code blocks. */
function paragraphs(): Promise<string[]> {
  return page.locator('.prose p').evaluateAll((nodes) => nodes.filter((p) => !p.closest('pre')).map((p) => p.textContent ?? ''));
}

describe('imported text archives in the browser', () => {
  it('are all imported: ten posts from each archive', () => {
    const count = (seed: keyof typeof SEEDS) => posts.filter((post) => post.seed === seed).length;
    expect(
      { reprints: count('reprints'), cto: count('cto') },
      'import content/sources/000_3cbe4b6aeaa5defa.txt and 002_c732ab83688a24d9.txt into content/posts first',
    ).toEqual({ reprints: 10, cto: 10 });
  });

  for (const post of posts) {
    it(`${post.seed}: "${post.title}" reads cleanly`, async () => {
      const response = await page.goto(`${site().baseUrl}/posts/${post.id}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').first().textContent()).resolves.toBe(post.title);
      const texts = await paragraphs();
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text).not.toMatch(/Комментариев нет|©2010|All Rights Reserved|Read this far|\[\/?quote\]/);
        // Commands and prompts belong in code blocks.
        expect(text).not.toMatch(/^(?:# |\$ |\[root@[\w.-]+ [^\]]*\][#$] )\S|^(?:yum|mkdir|iptables|gem|mdadm) -?\w/);
      }
      if (post.seed === 'reprints') await expect(page.locator('.post__reprint').textContent()).resolves.toContain('Racker Hacker');
      else await expect(page.locator('.post__header').textContent()).resolves.toContain('CTO/CIO');
    });
  }

  it('shows the mdadm | paste session as three code blocks and the Ruby script as one', async () => {
    const mdadm = posts.find((post) => post.title === 'Parsing mdadm output with paste');
    const ruby = posts.find((post) => post.title.startsWith("Reincarnation of Twitter's realtime XMPP"));
    expect(mdadm && ruby).toBeTruthy();
    await page.goto(`${site().baseUrl}/posts/${mdadm!.id}/`);
    const sessions = await page.locator('.prose pre').evaluateAll((pres) => pres.map((pre) => pre.textContent ?? ''));
    expect(sessions.filter((text) => text.includes('mdadm --brief --verbose --detail /dev/md0'))).toHaveLength(3);
    await page.goto(`${site().baseUrl}/posts/${ruby!.id}/`);
    const blocks = await page.locator('.prose pre').evaluateAll((pres) => pres.map((pre) => pre.textContent ?? ''));
    const script = blocks.filter((text) => text.includes('#!/usr/bin/ruby'));
    expect(script).toHaveLength(1);
    expect(script[0]).toContain('jabber.disconnect');
  });
});
