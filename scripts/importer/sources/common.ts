/**
 * The parts of building an ImportedEntry that every feed adapter shares: title and date fallbacks with
 * their warnings, the context adapters receive, and the body rule RSS 1.0 and 2.0 items share.
 */
import { parseFeedDate, type DateResult } from '../dates.ts';
import { child, plainText, rawText, summaryFromHtml, type XmlNode } from '../fields.ts';
import type { EntryContent, ImportedEntry } from '../types.ts';

/** What an adapter knows about its input besides the text. */
export interface FeedContext {
  /** File path or URL, as given on the command line; used in messages. */
  input: string;
  /** The URL the input was fetched from, the base for relative links. */
  url?: string;
  /** Import WordPress drafts as `draft: true` posts instead of skipping them. @default false */
  drafts?: boolean;
}

/** What an RSS channel says about all its items: the feed's title, its link (the base for item links) and its date. */
export interface ChannelInfo {
  feedTitle: string | undefined;
  feedLink: string | undefined;
  built: Date | undefined;
}

/** An entry before titles and dates are settled. */
export interface EntryParts {
  guid?: string | undefined;
  title?: string | undefined;
  link?: string | undefined;
  /** Candidate date fields in order of preference, with their names for messages. */
  dates: Array<[field: string, value: string | undefined]>;
  author?: string | undefined;
  tags: string[];
  summary?: string | undefined;
  content: EntryContent;
  feedTitle?: string | undefined;
  order: number;
  draft?: boolean;
  warnings?: string[];
  /** The feed's own date (lastBuildDate, updated): the last resort for an approximate date. */
  feedDate?: Date | undefined;
}

/**
 * The body of an RSS 1.0 or 2.0 item: `content:encoded` when it holds anything, else `description`; when the
 * body is `content:encoded`, the description becomes the summary. Relative URLs resolve against baseUrl.
 */
export function itemBody(item: XmlNode, baseUrl: string | undefined): Pick<EntryParts, 'summary' | 'content'> {
  const encoded = rawText(child(item, 'content:encoded'));
  const description = rawText(child(item, 'description'));
  const fromEncoded = encoded !== undefined && encoded.trim() !== '';
  const value = fromEncoded ? encoded : (description ?? '');
  return {
    summary: fromEncoded ? summaryFromHtml(description) : undefined,
    content: baseUrl ? { kind: 'html', value, baseUrl } : { kind: 'html', value },
  };
}

/** How long a title made from the summary or body may be. */
const DERIVED_TITLE_LENGTH = 80;

/**
 * Settles title and date and drops undefined fields. A missing title is made from the summary or body;
 * a missing or impossible date is reported, and an approximate date is taken from a `/YYYY/MM/` permalink
 * or else from the feed's own date.
 */
export function buildEntry(parts: EntryParts): ImportedEntry {
  const warnings = [...(parts.warnings ?? [])];
  const entry: ImportedEntry = {
    title: parts.title ?? deriveTitle(parts, warnings),
    tags: parts.tags,
    content: parts.content,
    order: parts.order,
    warnings,
  };
  if (parts.guid) entry.guid = parts.guid;
  if (parts.link) entry.link = parts.link;
  if (parts.author) entry.author = parts.author;
  if (parts.summary) entry.summary = parts.summary;
  if (parts.feedTitle) entry.feedTitle = parts.feedTitle;
  if (parts.draft) entry.draft = true;
  const date = firstValidDate(parts.dates, warnings);
  if (date) entry.date = date;
  else {
    const approx = parts.link ? /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\//.exec(parts.link) : null;
    if (approx) {
      entry.approxDate = `${approx[1]}-${approx[2]}`;
      warnings.push(`approximate date ${entry.approxDate} taken from the link`);
    } else if (parts.feedDate) {
      // The feed was built after the post was written, so its month is an upper bound, not a guess.
      entry.approxDate = parts.feedDate.toISOString().slice(0, 7);
      warnings.push(`approximate date ${entry.approxDate} taken from the feed's own date`);
    }
  }
  return entry;
}

function firstValidDate(dates: EntryParts['dates'], warnings: string[]): Date | undefined {
  const present = dates.filter(([, value]) => value?.trim());
  if (present.length === 0) {
    warnings.push(`date missing: no ${dates.map(([field]) => field).join(' or ')}`);
    return undefined;
  }
  const failures: string[] = [];
  for (const [field, value] of present) {
    const result: DateResult = parseFeedDate(value, field);
    if (result.ok) return result.date;
    failures.push(result.reason);
  }
  warnings.push(`date rejected: ${failures.join('; ')}`);
  return undefined;
}

function deriveTitle(parts: EntryParts, warnings: string[]): string {
  const body = parts.content.kind === 'html' ? summaryFromHtml(parts.content.value) : plainText(parts.content.value);
  const source = parts.summary ?? body;
  const words = source?.slice(0, DERIVED_TITLE_LENGTH).replace(/\s+\S*$/, '');
  const title = words ? `${words}…` : 'Untitled';
  warnings.push(`title missing; using "${title}"`);
  return title;
}

/** The feed-level date from the first of `fields` that parses; undefined if none does. */
export function feedDate(values: Array<string | undefined>): Date | undefined {
  for (const value of values) {
    const result = parseFeedDate(value, 'feed date');
    if (result.ok) return result.date;
  }
  return undefined;
}
