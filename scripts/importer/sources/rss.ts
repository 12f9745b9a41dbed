/**
 * RSS 2.0 adapter, WordPress feeds included: `content:encoded` is the body (else `description`),
 * `dc:creator` the author, categories the tags.
 */
import { ImportError } from '../errors.ts';
import { attr, child, children, httpUrl, plainText, rawText, text, uniqueTags, type XmlNode } from '../fields.ts';
import { parseXml } from '../xml.ts';
import type { AdapterResult } from '../types.ts';
import { buildEntry, feedDate, itemBody, type ChannelInfo, type FeedContext } from './common.ts';

/** Parses an RSS 2.0 document. @throws ImportError when it is not well-formed or has no channel. */
export function parseRss(source: string, ctx: FeedContext): AdapterResult {
  const { root, warnings } = parseXml(source);
  const channel = child(child(root, 'rss'), 'channel');
  if (channel === undefined) throw new ImportError('RSS document without a <channel> element');
  const feedTitle = plainText(rawText(child(channel, 'title')));
  const feedLink = httpUrl(text(child(channel, 'link')), ctx.url) ?? ctx.url;
  const built = feedDate([text(child(channel, 'lastBuildDate')), text(child(channel, 'pubDate'))]);
  const entries = children(channel, 'item').map((item, order) => readItem(item, order, { feedTitle, feedLink, built }));
  return { entries, skipped: [], warnings };
}

function readItem(item: XmlNode, order: number, { feedTitle, feedLink, built }: ChannelInfo) {
  const link = httpUrl(text(child(item, 'link')), feedLink);
  const guidNode = child(item, 'guid');
  const guid = text(guidNode)?.trim();
  // A permalink guid is the best link when <link> is missing (some generators only emit the guid).
  const guidLink = attr(guidNode, 'isPermaLink') !== 'false' ? httpUrl(guid, feedLink) : undefined;
  return buildEntry({
    guid,
    title: plainText(rawText(child(item, 'title'))),
    link: link ?? guidLink,
    dates: [['pubDate', text(child(item, 'pubDate'))], ['dc:date', text(child(item, 'dc:date'))]],
    author: plainText(text(child(item, 'dc:creator'))) ?? authorName(text(child(item, 'author'))),
    tags: uniqueTags(children(item, 'category').map(text)),
    ...itemBody(item, link ?? guidLink ?? feedLink),
    feedTitle,
    order,
    feedDate: built,
  });
}

/** RSS `<author>` is `email (Name)`; only the name is kept, since an email address should not be published. */
function authorName(value: string | undefined): string | undefined {
  const name = value ? /\(([^)]+)\)/.exec(value)?.[1] : undefined;
  return plainText(name ?? (value && !value.includes('@') ? value : undefined));
}
