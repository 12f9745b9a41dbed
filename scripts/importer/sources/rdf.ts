/**
 * RSS 1.0 (RDF) adapter: items are siblings of the channel; Dublin Core gives date, author and subjects.
 */
import { ImportError } from '../errors.ts';
import { attr, child, children, httpUrl, plainText, rawText, text, uniqueTags, type XmlNode } from '../fields.ts';
import { parseXml } from '../xml.ts';
import type { AdapterResult } from '../types.ts';
import { buildEntry, feedDate, itemBody, type ChannelInfo, type FeedContext } from './common.ts';

/** Parses an RSS 1.0 document. @throws ImportError when it is not well-formed or has no rdf:RDF root. */
export function parseRdf(source: string, ctx: FeedContext): AdapterResult {
  const { root, warnings } = parseXml(source);
  const rdfKey = Object.keys(root).find((key) => /(^|:)RDF$/i.test(key));
  const rdf = rdfKey ? root[rdfKey] : undefined;
  if (rdf === undefined) throw new ImportError('RSS 1.0 document without an <rdf:RDF> root');
  const channel = child(rdf, 'channel');
  const feedTitle = plainText(rawText(child(channel, 'title')));
  const feedLink = httpUrl(text(child(channel, 'link')), ctx.url) ?? ctx.url;
  const built = feedDate([text(child(channel, 'dc:date'))]);
  const entries = children(rdf, 'item').map((item, order) => readItem(item, order, { feedTitle, feedLink, built }));
  return { entries, skipped: [], warnings };
}

function readItem(item: XmlNode, order: number, { feedTitle, feedLink, built }: ChannelInfo) {
  const about = attr(item, 'rdf:about')?.trim();
  const link = httpUrl(text(child(item, 'link')), feedLink) ?? httpUrl(about, feedLink);
  return buildEntry({
    guid: about,
    title: plainText(rawText(child(item, 'title'))),
    link,
    dates: [['dc:date', text(child(item, 'dc:date'))]],
    author: plainText(text(child(item, 'dc:creator'))),
    tags: uniqueTags(children(item, 'dc:subject').map(text)),
    ...itemBody(item, link ?? feedLink),
    feedTitle,
    order,
    feedDate: built,
  });
}
