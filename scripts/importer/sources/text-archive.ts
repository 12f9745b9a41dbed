/**
 * Adapter for plain-text saved archive pages (a WordPress category or tag archive saved as text,
 * with every bit of markup gone). Splits the page into posts, strips boilerplate, recovers
 * metadata the text still carries, and converts each body to Markdown with text-to-markdown.
 */

import { basename } from 'node:path';
import { ImportError } from '../errors.ts';
import { textToMarkdown } from '../text-to-markdown.ts';
import type { AdapterResult, ImportedEntry } from '../types.ts';
import { parseCopyright } from './archive/copyright.ts';
import { approxDateOfArchive, type ArchiveHeading } from './archive/heading.ts';
import { splitReprintMarker } from './archive/reprint.ts';
import { segmentTextPage, type TextPost } from './archive/segment-text.ts';

/** Where the page came from. */
export interface TextArchiveContext {
  /** File path or URL as given to the importer, for messages and source ids. */
  input: string;
  /** The page's URL, when it was fetched. */
  url?: string;
}

/** The heading's term as a tag, for category and tag archives. */
function headingTags(heading: ArchiveHeading | undefined): string[] {
  return heading !== undefined && (heading.kind === 'category' || heading.kind === 'tag') ? [heading.term] : [];
}

/** The page's title, as the source's feed title: "Category Archives: CTO/CIO", with the site name. */
function pageTitle(siteName: string | undefined, heading: ArchiveHeading | undefined, headingLine: string | undefined): string | undefined {
  const parts = [siteName, headingLine ?? heading?.term].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(': ') : undefined;
}

/** Author and year from the post's copyright line, else from the page's single copyright holder. */
function copyrightOf(post: TextPost, pageHolders: ReadonlySet<string>): { holder?: string; year?: string } {
  for (const marker of post.markers) {
    if (marker.name !== 'copyright') continue;
    const copyright = parseCopyright(marker.text);
    if (copyright !== undefined) return copyright;
  }
  const [holder] = pageHolders;
  return pageHolders.size === 1 && holder !== undefined ? { holder } : {};
}

/** A body's blocks back to text; no-break-space lines keep marking empty lines inside code. */
function bodyText(post: TextPost): string {
  return post.blocks.map((block) => block.lines.map((line) => (line === '' ? '\u00A0' : line)).join('\n')).join('\n\n');
}

/**
 * Parses a plain-text archive page.
 * @throws ImportError when no post can be found in the text.
 */
export function parseTextArchive(text: string, ctx: TextArchiveContext): AdapterResult {
  const page = segmentTextPage(text);
  const warnings: string[] = [];
  if (page.posts.length === 0) {
    throw new ImportError('no posts found in the text: expected title lines followed by paragraphs (is this an archive page?)');
  }
  if (page.heading === undefined) warnings.push('no archive heading ("Category Archives: …", "Архив рубрики …") found; posts get no archive tag');
  if (page.orphanBlocks > 0) warnings.push(`${page.orphanBlocks} paragraph(s) before the first post title were not imported`);
  const headingLine = page.heading === undefined ? undefined : findHeadingLine(text, page.heading);
  const feedTitle = pageTitle(page.siteName, page.heading, headingLine);
  const pageId = ctx.url ?? basename(ctx.input);
  const holders = new Set(
    page.posts.flatMap((post) => post.markers.flatMap((m) => (m.name === 'copyright' ? [parseCopyright(m.text)?.holder ?? ''] : []))).filter(Boolean),
  );
  const archiveDate = page.heading === undefined ? undefined : approxDateOfArchive(page.heading);
  const seenIds = new Map<string, number>();

  const entries = page.posts.map((post, order): ImportedEntry => {
    // The title is literal text: a "<script>" in a text dump is words, not markup.
    const { title, marker } = splitReprintMarker(post.title);
    const { holder, year } = copyrightOf(post, holders);
    const entryWarnings: string[] = [];
    const id = `${pageId}#${title}`;
    const seen = seenIds.get(id) ?? 0;
    seenIds.set(id, seen + 1);
    const entry: ImportedEntry = {
      guid: seen === 0 ? id : `${id}#${seen + 1}`,
      title,
      tags: headingTags(page.heading),
      content: { kind: 'markdown', value: textToMarkdown(bodyText(post)) },
      order,
      warnings: entryWarnings,
    };
    if (feedTitle !== undefined) entry.feedTitle = feedTitle;
    if (holder !== undefined) entry.author = holder;
    const approxDate = year ?? archiveDate;
    if (approxDate !== undefined) entry.approxDate = approxDate;
    else entryWarnings.push('date missing: the text gives none; the post keeps its place in the archive order');
    if (marker !== undefined) {
      if (holder !== undefined) entry.reprint = { author: holder, marker };
      else entryWarnings.push(`reprint marker "${marker}" found but no original author (no copyright line); not recorded as a reprint`);
    }
    if (post.blocks.length === 0) entryWarnings.push('post has no text');
    if (page.heading?.kind === 'author' && entry.author === undefined) entry.author = page.heading.term;
    return entry;
  });
  return { entries, skipped: [], warnings };
}

/** The heading line as written on the page, for the feed title. */
function findHeadingLine(text: string, heading: ArchiveHeading): string | undefined {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .find((line) => line.includes(heading.term));
}
