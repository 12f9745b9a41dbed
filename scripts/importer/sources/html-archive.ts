/**
 * Adapter for WordPress archive pages in HTML (category, tag, date and author archives; classic
 * themes Twenty Ten … Twenty Twenty-One and block themes like Twenty Twenty-Four; English and
 * Russian). Each post's body stays HTML, so html-to-markdown treats it exactly as a feed's.
 */

import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { ImportError } from '../errors.ts';
import { clean, httpUrl, uniqueTags } from '../fields.ts';
import type { AdapterResult, ImportedEntry } from '../types.ts';
import { approxDateOfArchive, type ArchiveHeading, parseArchiveHeading } from './archive/heading.ts';
import { parseDisplayedDate } from './archive/html-dates.ts';
import { findPostElements, type HtmlPost, readPost } from './archive/html-posts.ts';
import { nextPageUrlOf } from './archive/next-page.ts';
import { parseRfc3339 } from '../dates.ts';

export { nextPageUrl } from './archive/next-page.ts';

/** Where the page came from and how to treat it. */
export interface HtmlArchiveContext {
  /** File path or URL as given to the importer, for messages. */
  input: string;
  /** The page's URL, when it was fetched; relative links resolve against it (else against the page's own `<base>`, canonical link or og:url). */
  url?: string;
  /** Whether the caller follows "older posts" links (it fetches them; see nextPageUrl). */
  followPages?: boolean;
}

/** Where themes print the archive's heading, most specific first. */
const HEADING_SELECTORS = ['.page-title', '.archive-title', '.wp-block-query-title', '.archive-header h1', 'h1', 'title'];
const SITE_TITLE_SELECTOR = '.site-title, #site-title, .wp-block-site-title, .blog-title';

type Tree = ReturnType<typeof fromHtml>;

/** The archive heading and the text it was read from. */
function findHeading(tree: Tree): { heading: ArchiveHeading; text: string } | undefined {
  for (const selector of HEADING_SELECTORS) {
    const element = select(selector, tree);
    // Displayed text is final: it is not parsed as HTML again.
    const text = element === undefined ? undefined : clean(toText(element));
    // <title> carries " | Site name" or " – Site name" after the heading.
    const heading = text === undefined ? undefined : parseArchiveHeading(text.split(/\s+[|–—]\s+/)[0] ?? text);
    if (heading !== undefined && text !== undefined) return { heading, text: text.split(/\s+[|–—]\s+/)[0] ?? text };
  }
  return undefined;
}

/** The URL a saved page says it came from (`<base>`, canonical link, og:url), for relative links. */
function pageUrl(tree: Tree): string | undefined {
  const base = select('base[href]', tree)?.properties['href'];
  const canonical = select('link[rel~=canonical][href]', tree)?.properties['href'];
  const og = select('meta[property="og:url"][content]', tree)?.properties['content'];
  return [base, canonical, og].map((value) => (typeof value === 'string' ? httpUrl(value) : undefined)).find((url) => url !== undefined);
}

/** The post's date: the `datetime` attribute, else the displayed date; a warning when neither reads. */
function dateOf(post: HtmlPost, warnings: string[]): Date | undefined {
  if (post.datetime !== undefined) {
    const parsed = parseRfc3339(post.datetime);
    if (parsed.ok) return parsed.date;
    warnings.push(`date ignored: ${parsed.reason}`);
  }
  if (post.dateText !== undefined) {
    const parsed = parseDisplayedDate(post.dateText);
    if (parsed.ok) return parsed.date;
    warnings.push(`date ignored: ${parsed.reason}`);
  }
  return undefined;
}

/**
 * Parses an HTML archive page into entries.
 * @throws ImportError when the page has no posts in any markup this adapter knows.
 */
export function parseHtmlArchive(text: string, ctx: HtmlArchiveContext): AdapterResult {
  const tree = fromHtml(text);
  const baseUrl = ctx.url ?? pageUrl(tree);
  const elements = findPostElements(tree);
  if (elements.length === 0) {
    throw new ImportError('no posts found on the HTML page: expected WordPress archive markup (article/.hentry with .entry-title)');
  }
  const warnings: string[] = [];
  const found = findHeading(tree);
  if (found === undefined) warnings.push('no archive heading ("Category Archives: …", "Архив рубрики …") found; posts get no archive tag');
  const heading = found?.heading;
  const siteElement = select(SITE_TITLE_SELECTOR, tree);
  const siteTitle = siteElement === undefined ? undefined : clean(toText(siteElement));
  const feedTitle = [siteTitle, found?.text].filter((part): part is string => part !== undefined).join(': ') || undefined;
  const archiveTags = heading !== undefined && (heading.kind === 'category' || heading.kind === 'tag') ? [heading.term] : [];
  const archiveDate = heading === undefined ? undefined : approxDateOfArchive(heading);

  const next = baseUrl === undefined ? undefined : nextPageUrlOf(tree, baseUrl);
  if (ctx.followPages === true && baseUrl === undefined && select('.nav-previous a, a.next.page-numbers, a.wp-block-query-pagination-next', tree) !== undefined) {
    warnings.push('--follow-pages needs the page to come from a URL; the "older posts" link of this file was not followed');
  }
  if (ctx.followPages !== true && next !== undefined) warnings.push(`the archive continues at ${next}; use --follow-pages to import it too`);

  const entries = elements.map((element, order): ImportedEntry => {
    const post = readPost(element, baseUrl);
    const entryWarnings: string[] = [];
    const title = post.title ?? '';
    if (title === '') entryWarnings.push('post has no title');
    const entry: ImportedEntry = {
      title,
      tags: uniqueTags([...archiveTags, ...post.terms]),
      content: post.html === undefined ? { kind: 'html', value: '' } : { kind: 'html', value: post.html },
      order,
      warnings: entryWarnings,
    };
    if (post.href !== undefined) {
      entry.link = post.href;
      if (entry.content.kind === 'html') entry.content.baseUrl = post.href;
    } else if (baseUrl !== undefined && entry.content.kind === 'html') entry.content.baseUrl = baseUrl;
    if (feedTitle !== undefined) entry.feedTitle = feedTitle;
    const author = post.author ?? (heading?.kind === 'author' ? heading.term : undefined);
    if (author !== undefined) entry.author = author;
    const date = dateOf(post, entryWarnings);
    if (date !== undefined) entry.date = date;
    else if (archiveDate !== undefined) entry.approxDate = archiveDate;
    else entryWarnings.push('date missing: the page shows none; the post keeps its place in the archive order');
    if (post.html === undefined) entryWarnings.push('post has no body on the archive page');
    else if (post.partial) entryWarnings.push('the archive page shows only an excerpt or a teaser of this post; import its feed or permalink for the full text');
    return entry;
  });
  return next === undefined ? { entries, skipped: [], warnings } : { entries, skipped: [], warnings, nextPage: next };
}
