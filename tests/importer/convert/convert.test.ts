import { parseFrontmatter as astroParseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { convertForSync, convertTask, type ConvertTask } from '../../../scripts/importer/convert-task.ts';
import { convertEntry, textToParagraphs } from '../../../scripts/importer/convert.ts';
import type { ImportedEntry } from '../../../scripts/importer/types.ts';
import { isIntact, renderDraft, renderFileOf, sourceIdOf } from '../../../scripts/importer/write.ts';
import { PostSchema } from '../../../src/schemas/post.ts';

function entry(overrides: Partial<ImportedEntry> = {}): ImportedEntry {
  return {
    guid: 'http://adrianotto.com/?p=237',
    title: 'Bandwidth != Network Performance',
    link: 'http://adrianotto.com/2010/03/bandwidth-network-performance/',
    date: new Date('2010-03-14T17:34:33Z'),
    author: 'Adrian Otto',
    tags: ['Cloud', 'best practices', 'cloud', 'CTO/CIO'],
    summary: 'You might think…',
    content: { kind: 'html', value: '<p>See <a href="/about/">me</a>.</p>' },
    feedTitle: "Adrian Otto's Blog",
    order: 0,
    warnings: [],
    ...overrides,
  };
}

/** The frontmatter as the site reads it back from the written file. */
function readBack(e: ImportedEntry) {
  const { draft } = convertEntry(e, e.guid ?? 'id', 'content/sources/feed.xml');
  return PostSchema.parse(astroParseFrontmatter(renderDraft(draft)).frontmatter);
}

describe('convertEntry', () => {
  it('builds PostSchema frontmatter and a Markdown body from an RSS item', () => {
    const { draft, warnings } = convertEntry(entry(), 'http://adrianotto.com/?p=237', 'content/sources/feed.xml');
    expect(draft).toMatchObject({ collection: 'posts', sourceId: 'http://adrianotto.com/?p=237', slug: 'bandwidth-network-performance' });
    expect(Object.keys(draft.frontmatter)).toEqual(['title', 'date', 'author', 'tags', 'summary', 'source']);
    expect(draft.frontmatter['tags']).toEqual(['Cloud', 'best practices', 'CTO/CIO']);
    expect(draft.frontmatter['source']).toEqual({
      id: 'http://adrianotto.com/?p=237',
      url: 'http://adrianotto.com/2010/03/bandwidth-network-performance/',
      feed: "Adrian Otto's Blog",
      input: 'content/sources/feed.xml',
      order: 0,
    });
    // relative links resolve against the item link when the entry gives no other base
    expect(draft.body).toBe('See [me](http://adrianotto.com/about/).\n');
    expect(warnings).toEqual([]);
    expect(readBack(entry()).source?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('strips script, tags and control characters from every text field', () => {
    const hostile = '<script>alert(1)</script><b onclick="x()">Bold</b>\u0007\u202e title';
    const post = readBack(
      entry({ title: hostile, author: hostile, tags: [hostile, '<img src=x onerror=alert(1)>'], summary: hostile, feedTitle: hostile, reprint: { author: hostile, url: 'javascript:alert(1)' } }),
    );
    for (const value of [post.title, post.author, post.summary, post.source?.feed, post.reprint?.author, ...post.tags]) {
      expect(value).not.toMatch(/[<>]|alert|onclick|[\u0000-\u001f\u202e]/);
    }
    expect(post.title).toBe('Bold title');
    expect(post.tags).toEqual(['Bold title']);
    expect(post.reprint).toEqual({ author: 'Bold title' });
  });

  it('drops a non-http link and an unsafe body URL', () => {
    const { draft } = convertEntry(entry({ link: 'javascript:alert(1)', content: { kind: 'html', value: '<a href="javascript:alert(1)">x</a>' } }), 'id', 'in');
    expect((draft.frontmatter['source'] as Record<string, unknown>)['url']).toBeUndefined();
    expect(draft.body).toBe('x\n');
  });

  it('uses an approximate date when there is no exact one, and drafts are marked', () => {
    const { date: _date, ...undated } = entry();
    const post = readBack({ ...undated, approxDate: '2010-03', draft: true });
    expect(post.approxDate).toBe('2010-03');
    expect(post.date).toBeUndefined();
    expect(post.draft).toBe(true);
  });

  it('keeps an imported post undated when the source gives no date, inventing none', () => {
    const { date: _date, ...undated } = entry();
    const { draft } = convertEntry(undated, 'id', 'feed.xml');
    expect(draft.frontmatter).not.toHaveProperty('date');
    expect(draft.frontmatter).not.toHaveProperty('approxDate');
  });

  it('fails with the input, the item and the field when the frontmatter would be invalid', () => {
    const { date: _date, ...undated } = entry();
    expect(() => convertEntry({ ...undated, approxDate: '2010-13' }, 'id', 'feed.xml')).toThrow(
      /^feed\.xml: item "Bandwidth != Network Performance": approxDate: use YYYY or YYYY-MM/,
    );
  });

  it('names an untitled post and warns', () => {
    const { draft, warnings } = convertEntry(entry({ title: ' <b></b> ' }), 'id', 'in');
    expect(draft.frontmatter['title']).toBe('Untitled');
    expect(draft.slug).toBe('untitled');
    expect(warnings).toEqual(['title missing: using "Untitled"']);
  });

  it('turns text content into escaped paragraphs and keeps Markdown content', () => {
    expect(convertEntry(entry({ content: { kind: 'text', value: 'First *line*\n<script>x</script>\n\n\n# Not a heading' } }), 'id', 'in').draft.body).toBe(
      'First \\*line\\*\n\\<script>x\\</script>\n\n\\# Not a heading\n',
    );
    expect(textToParagraphs('  \n\n ')).toBe('');
    expect(convertEntry(entry({ content: { kind: 'markdown', value: '## Kept\n' } }), 'id', 'in').draft.body).toBe('## Kept\n');
  });
});

describe('convertForSync', () => {
  const interview = '<h2>What does fsck do?</h2><p>It checks and repairs a file system.</p><h2>What is an inode?</h2>'
    + '<p>The record of a file: owner, mode, blocks.</p><h2>What does mdadm manage?</h2><p>Linux software RAID arrays.</p>';
  const task: ConvertTask = { entry: entry({ content: { kind: 'html', value: interview } }), sourceId: 'post-1', input: 'feed.xml' };

  it('renders the post and its deck to exactly the files the drafts render to, hashes included', () => {
    const drafts = convertTask(task);
    expect(drafts.deck).not.toBeNull();
    const post = renderFileOf(drafts.post);
    const deck = renderFileOf(drafts.deck!);
    expect(convertForSync(task)).toEqual({ post, deck, warnings: drafts.warnings });
    expect([sourceIdOf(post.text), isIntact(post.text)]).toEqual(['post-1', true]);
    expect([sourceIdOf(deck.text), isIntact(deck.text)]).toEqual(['deck:post-1', true]);
  });

  it('gives the post back as its draft when asked (--download-images renders it after the rewrite), the deck rendered', () => {
    const drafts = convertTask(task);
    expect(convertForSync({ ...task, postAsDraft: true })).toEqual({ post: drafts.post, deck: renderFileOf(drafts.deck!), warnings: drafts.warnings });
  });
});
