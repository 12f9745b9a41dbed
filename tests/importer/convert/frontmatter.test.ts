import { parseFrontmatter as astroParseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, renderFile, stringifyFrontmatter } from '../../../scripts/importer/frontmatter.ts';
import { PostSchema } from '../../../src/schemas/post.ts';

const HOSTILE_TITLES = [
  'Yes', 'no', 'On', 'off', 'null', 'Null', '~', 'true', 'FALSE', '1e3', '0x1F', '012', '.inf', '.NaN',
  ': x', 'a: b', '- item', '? key', '---', '...', '--- x', '#hash', '&anchor', '*alias', '!tag', '%directive',
  '@at', '`tick`', '|', '>', "it's", '"quoted"', `'single' and "double"`, 'back\\slash', '{a: 1}', '[1, 2]',
  'line\nbreak', 'tab\there', '   leading and trailing   ', 'Привет: мир', '2010-03-14', '12:30:00', '<script>',
  'x'.repeat(300),
];

/** The frontmatter a post would have, with the given title. */
function post(title: string) {
  return {
    title,
    date: new Date('2010-03-14T17:34:33Z'),
    author: 'Adrian Otto',
    tags: ['Yes', 'CTO/CIO', 'null', '#1'],
    summary: title,
    source: { id: `http://adrianotto.com/?p=${title.length}`, url: 'http://adrianotto.com/2010/03/x/', input: 'feed.xml', order: 0, hash: 'a'.repeat(64) },
  };
}

describe('frontmatter YAML', () => {
  it.each(HOSTILE_TITLES)('%j survives a round trip through Astro and PostSchema', (title) => {
    const file = renderFile(post(title), 'Body.');
    const parsed = PostSchema.parse(astroParseFrontmatter(file).frontmatter);
    // PostSchema trims titles; everything else survives exactly
    expect(parsed.title).toBe(title.trim());
    expect(parsed.summary).toBe(title);
    expect(parsed.tags).toEqual(['Yes', 'CTO/CIO', 'null', '#1']);
    expect(parsed.date?.toISOString()).toBe('2010-03-14T17:34:33.000Z');
    expect(parseFrontmatter(file)?.data['title']).toBe(title);
  });

  it('writes keys in the schema order whatever the input order', () => {
    const yaml = stringifyFrontmatter({ source: { hash: 'h', id: 'i' }, tags: [], title: 't', zeta: 1, date: new Date(0) });
    expect(yaml).toBe('title: t\ndate: 1970-01-01\ntags: []\nsource:\n  id: i\n  hash: h\nzeta: 1\n');
  });

  it('never folds long lines, so the bytes are stable', () => {
    const yaml = stringifyFrontmatter({ summary: 'word '.repeat(100).trim() });
    expect(yaml.split('\n')).toHaveLength(2);
    expect(stringifyFrontmatter({ summary: 'word '.repeat(100).trim() })).toBe(yaml);
  });

  it('ends the body with one newline after dropping its leading blank lines and trailing whitespace of every kind', () => {
    // Every Unicode space and line terminator JavaScript knows (what /\s/ matches), after text and at the very end.
    const spaces = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    expect(renderFile({ title: 't' }, `\n\n  Body.\u00a0x${spaces}`)).toBe('---\ntitle: t\n---\n\n  Body.\u00a0x\n');
    expect(renderFile({ title: 't' }, `\n${spaces}`)).toBe('---\ntitle: t\n---\n');
    // Characters outside that set are content: the zero-width space and the next-line control stay.
    expect(renderFile({ title: 't' }, 'Body.\u200b\u0085\n')).toBe('---\ntitle: t\n---\n\nBody.\u200b\u0085\n');
  });

  it('reads no frontmatter from a file without fences or with broken YAML', () => {
    expect(parseFrontmatter('# Title\n')).toBeNull();
    expect(parseFrontmatter('---\ntitle: [unclosed\n---\n')).toBeNull();
    expect(parseFrontmatter('---\ntitle: a\ntitle: b\n---\n')).toBeNull();
  });
});
