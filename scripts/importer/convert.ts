/**
 * One ImportedEntry → one post FileDraft: frontmatter exactly as PostSchema wants it, and a Markdown body.
 */

import type { Paragraph, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { PostSchema } from '../../src/schemas/post.ts';
import { htmlToMarkdownTree } from './html-to-markdown.ts';
import { sanitizeText } from './sanitize.ts';
import { slugify } from './slugs.ts';
import type { FileDraft, ImportedEntry } from './types.ts';

/** A post's title when the source gave none that survives sanitising. */
const UNTITLED = 'Untitled';

/** What convertEntry produced. */
export interface ConvertedEntry {
  draft: FileDraft;
  /** Conversion warnings (images left remote, unsafe markup removed, title missing). */
  warnings: string[];
  /** The mdast the body was written from, when the body was converted from HTML. */
  tree?: Root;
}

/** Plain text → Markdown paragraphs: blank lines separate paragraphs; Markdown syntax in the text is escaped. */
export function textToParagraphs(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const root: Root = {
    type: 'root',
    children: paragraphs.map((value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
  return paragraphs.length === 0 ? '' : toMarkdown(root);
}

/** The body of an entry as Markdown, with the conversion's warnings (and its mdast, for HTML). */
function bodyOf(entry: ImportedEntry): { markdown: string; warnings: string[]; tree?: Root } {
  switch (entry.content.kind) {
    case 'html': {
      const baseUrl = entry.content.baseUrl ?? entry.link;
      return htmlToMarkdownTree(entry.content.value, baseUrl === undefined ? {} : { baseUrl });
    }
    case 'text':
      return { markdown: textToParagraphs(entry.content.value), warnings: [] };
    case 'markdown':
      return { markdown: entry.content.value, warnings: [] };
  }
}

/** Cleans a list of tags: sanitised, empty ones dropped, the first spelling of case variants kept. */
function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags.map(sanitizeText)) {
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/** Only http(s) URLs may be a post's source or reprint link. */
function httpUrl(url: string | undefined): string | undefined {
  const parsed = url === undefined ? null : URL.parse(url.trim());
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.href : undefined;
}

/** A non-empty sanitised string, or undefined. */
function text(value: string | undefined): string | undefined {
  const clean = value === undefined ? '' : sanitizeText(value);
  return clean === '' ? undefined : clean;
}

/**
 * Builds the post draft for an entry. Text fields are sanitised again here (defence in depth: every path to a
 * post passes this point). @throws Error naming the input, the item and the field when the frontmatter would
 * fail PostSchema (no date and no approximate date, a date out of range, …).
 */
export function convertEntry(entry: ImportedEntry, sourceId: string, input: string): ConvertedEntry {
  const warnings: string[] = [];
  let title = text(entry.title);
  if (title === undefined) {
    warnings.push(`title missing: using "${UNTITLED}"`);
    title = UNTITLED;
  }
  const reprintAuthor = text(entry.reprint?.author);
  const frontmatter: Record<string, unknown> = {
    title,
    date: entry.date,
    approxDate: entry.date === undefined ? entry.approxDate : undefined,
    author: text(entry.author),
    tags: cleanTags(entry.tags),
    summary: text(entry.summary),
    draft: entry.draft === true ? true : undefined,
    source: {
      id: sourceId,
      url: httpUrl(entry.link),
      feed: text(entry.feedTitle),
      input,
      order: entry.order,
    },
    reprint:
      reprintAuthor === undefined
        ? undefined
        : { author: reprintAuthor, url: httpUrl(entry.reprint?.url), marker: text(entry.reprint?.marker) },
  };
  for (const [key, value] of Object.entries(frontmatter)) if (value === undefined) delete frontmatter[key];
  validate(frontmatter, input, title);
  const body = bodyOf(entry);
  warnings.push(...body.warnings);
  const draft: FileDraft = { collection: 'posts', sourceId, slug: slugify(title), frontmatter, body: body.markdown };
  return body.tree ? { draft, warnings, tree: body.tree } : { draft, warnings };
}

/** Checks the frontmatter against PostSchema (with a placeholder hash, which the writer adds). */
function validate(frontmatter: Record<string, unknown>, input: string, title: string): void {
  const source = frontmatter['source'] as Record<string, unknown>;
  const probe = { ...frontmatter, source: { ...dropUndefined(source), hash: '0'.repeat(64) } };
  const result = PostSchema.safeParse(probe);
  if (result.success) return;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`).join('; ');
  throw new Error(`${input}: item "${title}": ${problems}`);
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
