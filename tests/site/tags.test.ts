/**
 * Tag slugs and merging, over the cases in tests/fixtures/tags/<case>/: `input.json` gives the tags of each post
 * (and optional aliases); `expected.json` the tags the site shows, with slug, display name and post count.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexTags, slugifyTag } from '../../src/lib/tags.ts';
import { caseNames, expectFixture, FIXTURES } from './fixture-cases.ts';

interface Input {
  posts: string[][];
  aliases?: Record<string, string>;
}

describe('tag index fixtures', async () => {
  for (const name of caseNames('tags')) {
    it(name, async () => {
      const input = JSON.parse(await readFile(join(FIXTURES, 'tags', name, 'input.json'), 'utf8')) as Input;
      const index = indexTags(input.posts, (tags) => tags, input.aliases ?? {});
      const shown = index.tags.map(({ slug, name: display }) => ({ slug, name: display, posts: index.postsByTag.get(slug)!.length }));
      expectFixture('tags', name, 'expected.json', JSON.stringify(shown, null, 2) + '\n');
    });
  }
});

describe('slugifyTag', () => {
  it('gives URL-safe ASCII slugs for any text', () => {
    for (const text of ['CTO/CIO', 'best practices', 'Облака', 'a/../b', '%2F', '<script>', ' ', '日本語', 'x'.repeat(300)]) {
      expect(slugifyTag(text), text).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('keeps texts with no letters apart by hashing them', () => {
    expect(slugifyTag('?!')).not.toBe(slugifyTag('…'));
    expect(slugifyTag('?!')).toBe(slugifyTag('?!'));
  });
});
