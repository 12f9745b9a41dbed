/**
 * WordPress export (WXR) adapter. Published posts become entries; drafts become `draft: true` entries only
 * with `--drafts`; pages, attachments, menu items, private and password-protected posts are reported as
 * skipped. Categories and post tags both become tags; shortcodes and block markup are expanded first.
 */
import { ImportError } from '../errors.ts';
import { attr, child, children, httpUrl, plainText, rawText, summaryFromHtml, text, uniqueTags, type XmlNode } from '../fields.ts';
import { expandWordPressMarkup } from '../shortcodes.ts';
import { parseXml } from '../xml.ts';
import type { AdapterResult, ImportedEntry } from '../types.ts';
import { buildEntry, feedDate, type FeedContext } from './common.ts';

/** Statuses of unpublished posts that `--drafts` imports as drafts. */
const DRAFT_STATUSES = new Set(['draft', 'pending', 'future']);

/** Why each non-post type is not imported. */
const SKIPPED_TYPES: Record<string, string> = {
  page: 'page: WordPress pages are not imported as posts',
  attachment: 'attachment: media library items are not posts',
  nav_menu_item: 'menu item: navigation menus are not posts',
  revision: 'revision: only the current version of a post is imported',
};

/** Parses a WXR export. @throws ImportError when it is not well-formed or has no channel. */
export function parseWxr(source: string, ctx: FeedContext): AdapterResult {
  const { root, warnings } = parseXml(source);
  const channel = child(child(root, 'rss'), 'channel');
  if (channel === undefined) throw new ImportError('WordPress export without a <channel> element');
  const feedTitle = plainText(rawText(child(channel, 'title')));
  const siteLink = httpUrl(text(child(channel, 'link')), ctx.url) ?? httpUrl(text(child(channel, 'wp:base_site_url')));
  const authors = authorNames(channel);
  const exported = feedDate([text(child(channel, 'pubDate'))]);
  const result: AdapterResult = { entries: [], skipped: [], warnings };
  children(channel, 'item').forEach((item, index) => {
    const label = plainText(rawText(child(item, 'title'))) ?? `post ${text(child(item, 'wp:post_id')) ?? `#${index + 1}`}`;
    const reason = skipReason(item, ctx.drafts === true);
    if (reason) result.skipped.push({ item: label, reason });
    else result.entries.push(readPost(item, result.entries.length, { feedTitle, siteLink, authors, exported }));
  });
  return result;
}

function skipReason(item: XmlNode, drafts: boolean): string | undefined {
  const type = text(child(item, 'wp:post_type'))?.trim() || 'post';
  if (type !== 'post') return SKIPPED_TYPES[type] ?? `post type "${type}" is not imported`;
  const status = text(child(item, 'wp:status'))?.trim() || 'publish';
  if (text(child(item, 'wp:post_password'))?.trim()) return 'password-protected post';
  if (status === 'publish') return undefined;
  if (DRAFT_STATUSES.has(status)) return drafts ? undefined : `${status} post (use --drafts to import drafts)`;
  if (status === 'private') return 'private post';
  return `post with status "${status}"`;
}

interface ExportInfo {
  feedTitle: string | undefined;
  siteLink: string | undefined;
  authors: Map<string, string>;
  exported: Date | undefined;
}

function readPost(item: XmlNode, order: number, info: ExportInfo): ImportedEntry {
  const status = text(child(item, 'wp:status'))?.trim() || 'publish';
  const link = httpUrl(text(child(item, 'link')), info.siteLink);
  const login = text(child(item, 'dc:creator'))?.trim();
  const expanded = expandWordPressMarkup(rawText(child(item, 'content:encoded')) ?? '');
  const base = link ?? info.siteLink;
  // Drafts have no GMT date ("0000-00-00 00:00:00") and a nonsense pubDate; their local date is all there is.
  const gmt = text(child(item, 'wp:post_date_gmt'))?.trim();
  const dates: Array<[string, string | undefined]> = [
    ['wp:post_date_gmt', gmt?.startsWith('0000') ? undefined : gmt],
    ['pubDate', status === 'publish' ? text(child(item, 'pubDate')) : undefined],
    ['wp:post_date', text(child(item, 'wp:post_date'))?.replace(/^0000.*/, '')],
  ];
  return buildEntry({
    guid: text(child(item, 'guid'))?.trim(),
    title: plainText(rawText(child(item, 'title'))),
    link,
    dates,
    author: plainText(login ? (info.authors.get(login) ?? login) : undefined),
    tags: uniqueTags(
      children(item, 'category')
        .filter((category) => ['category', 'post_tag'].includes(attr(category, 'domain') ?? 'category'))
        .map(text)
        .filter((name) => name?.trim() !== 'Uncategorized'),
    ),
    summary: summaryFromHtml(rawText(child(item, 'excerpt:encoded'))),
    content: base ? { kind: 'html', value: expanded.html, baseUrl: base } : { kind: 'html', value: expanded.html },
    feedTitle: info.feedTitle,
    order,
    draft: status !== 'publish',
    warnings: expanded.warnings,
    feedDate: info.exported,
  });
}

/** Maps author logins (what `dc:creator` holds in an export) to display names. */
function authorNames(channel: XmlNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const author of children(channel, 'wp:author')) {
    const login = text(child(author, 'wp:author_login'))?.trim();
    const display = plainText(text(child(author, 'wp:author_display_name')));
    if (login && display) names.set(login, display);
  }
  return names;
}
