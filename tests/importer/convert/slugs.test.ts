import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify, uniqueSlug } from '../../../scripts/importer/slugs.ts';

const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('slugify', () => {
  it.each([
    ['Bandwidth != Network Performance', 'bandwidth-network-performance'],
    ['Put WiFi on your cell phone’s SIM Card!', 'put-wifi-on-your-cell-phones-sim-card'],
    ['Scale -> Complexity -> Reliability -> Support', 'scale-complexity-reliability-support'],
    ['Настройка nginx на CentOS', 'nastroyka-nginx-na-centos'],
    ['Щука и ёлка', 'shchuka-i-yolka'],
    ['CTO/CIO', 'cto-cio'],
    ['../../x', 'x'],
    ['..\\..\\windows\\system32', 'windows-system32'],
    ['CON', 'con-post'],
    ['lpt1', 'lpt1-post'],
    ['', 'untitled'],
    ['   \u0000\u200b ', 'untitled'],
    ['Straße café', 'strasse-cafe'],
  ])('%j → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('gives emoji-only titles a stable, distinct, safe slug', () => {
    expect(slugify('🚀🔥')).toMatch(/^post-[0-9a-f]{8}$/);
    expect(slugify('🚀🔥')).toBe(slugify('🚀🔥'));
    expect(slugify('🚀🔥')).not.toBe(slugify('🎉'));
  });

  it('caps 300-character titles at a word boundary', () => {
    const slug = slugify('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SAFE);
    expect(slugify('x'.repeat(300))).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });

  it('always yields a plain file name that stays inside its folder', () => {
    const root = resolve('/content/posts');
    for (const title of ['../../etc/passwd', '/abs/path', 'a/../../b', '.', '..', 'NUL.md', '<script>alert(1)</script>']) {
      const slug = slugify(title);
      expect(slug).toMatch(SAFE);
      expect(resolve(root, `${slug}.md`).startsWith(root + sep)).toBe(true);
    }
  });
});

describe('uniqueSlug', () => {
  it('numbers repeats and records what it returns', () => {
    const taken = new Set<string>();
    expect([uniqueSlug('post', taken), uniqueSlug('post', taken), uniqueSlug('post', taken)]).toEqual(['post', 'post-2', 'post-3']);
    expect([...taken]).toEqual(['post', 'post-2', 'post-3']);
  });

  it('keeps titles that differ only in case in distinct files', () => {
    const taken = new Set<string>();
    const a = uniqueSlug(slugify('Linux'), taken);
    const b = uniqueSlug(slugify('LINUX'), taken);
    expect(a).not.toBe(b);
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
  });

  it('slugifies an unsafe slug and keeps the suffix within the cap', () => {
    const taken = new Set(['x'.repeat(MAX_SLUG_LENGTH)]);
    expect(uniqueSlug('../Secret', new Set())).toBe('secret');
    expect(uniqueSlug('CON', new Set())).toBe('con-post');
    const long = uniqueSlug('x'.repeat(MAX_SLUG_LENGTH), taken);
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long.endsWith('-2')).toBe(true);
  });
});
