/**
 * Atom 1.0 adapter: html, xhtml and text content; links and content resolved against `xml:base`
 * (document URL → feed → entry → element).
 */
import { ImportError } from '../errors.ts';
import {
  attr, child, children, httpUrl, plainText, rawMarkup, rawText, resolveBase, summaryFromHtml, text, uniqueTags,
  type XmlNode,
} from '../fields.ts';
import { parseXml } from '../xml.ts';
import { xhtmlToHtml } from '../xhtml.ts';
import type { AdapterResult, EntryContent } from '../types.ts';
import { buildEntry, feedDate, type FeedContext } from './common.ts';

/** Parses an Atom 1.0 document. @throws ImportError when it is not well-formed or has no feed root. */
export function parseAtom(source: string, ctx: FeedContext): AdapterResult {
  const { root, warnings } = parseXml(source);
  const feedKey = Object.keys(root).find((key) => key === 'feed' || key.endsWith(':feed'));
  const feed = feedKey ? root[feedKey] : undefined;
  if (feed === undefined || typeof feed !== 'object') throw new ImportError('Atom document without a <feed> root');
  const feedBase = resolveBase(attr(feed, 'xml:base'), ctx.url);
  const feedTitle = plainText(textConstruct(child(feed, 'title'))?.value);
  const feedAuthor = personName(children(feed, 'author'));
  const updated = feedDate([text(child(feed, 'updated'))]);
  const entries = children(feed, 'entry').map((entry, order) => readEntry(entry, order, { feedBase, feedTitle, feedAuthor, updated }));
  return { entries, skipped: [], warnings };
}

interface FeedInfo {
  feedBase: string | undefined;
  feedTitle: string | undefined;
  feedAuthor: string | undefined;
  updated: Date | undefined;
}

function readEntry(entry: XmlNode, order: number, feed: FeedInfo) {
  const base = resolveBase(attr(entry, 'xml:base'), feed.feedBase);
  const link = alternateLink(children(entry, 'link'), base);
  const warnings: string[] = [];
  const summaryNode = child(entry, 'summary');
  const summary = textConstruct(summaryNode);
  const content = entryContent(child(entry, 'content'), base ?? link, warnings) ?? asContent(summary, resolveBase(attr(summaryNode, 'xml:base'), base) ?? link);
  return buildEntry({
    guid: text(child(entry, 'id'))?.trim(),
    title: plainText(textConstruct(child(entry, 'title'))?.value),
    link,
    dates: [['published', text(child(entry, 'published'))], ['updated', text(child(entry, 'updated'))]],
    author: personName(children(entry, 'author')) ?? personName(children(child(entry, 'source'), 'author')) ?? feed.feedAuthor,
    tags: uniqueTags(children(entry, 'category').map((category) => attr(category, 'label') ?? attr(category, 'term'))),
    summary: summary?.kind === 'html' ? summaryFromHtml(summary.value) : plainText(summary?.value),
    content: content ?? { kind: 'text', value: '' },
    feedTitle: feed.feedTitle,
    order,
    warnings,
    feedDate: feed.updated,
  });
}

/** The `rel="alternate"` (or rel-less) link, resolved against its own and the entry's `xml:base`. */
function alternateLink(links: XmlNode[], base: string | undefined): string | undefined {
  const preferred = links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate' && /html|^$/.test(attr(link, 'type') ?? ''));
  const chosen = preferred ?? links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate');
  return chosen ? httpUrl(attr(chosen, 'href'), resolveBase(attr(chosen, 'xml:base'), base)) : undefined;
}

/** An Atom text construct (`title`, `summary`): text, html or xhtml. xhtml is returned as html markup. */
function textConstruct(node: XmlNode | undefined): { kind: 'html' | 'text'; value: string } | undefined {
  if (node === undefined) return undefined;
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return { kind: 'html', value: xhtmlAsHtml(rawMarkup(node)) };
  return { kind: type === 'html' ? 'html' : 'text', value: rawText(node) ?? '' };
}

function asContent(construct: { kind: 'html' | 'text'; value: string } | undefined, base: string | undefined): EntryContent | undefined {
  if (!construct?.value.trim()) return undefined;
  if (construct.kind === 'text') return { kind: 'text', value: construct.value };
  return base ? { kind: 'html', value: construct.value, baseUrl: base } : { kind: 'html', value: construct.value };
}

/** Atom `content`: inline text/html/xhtml (or their MIME types); out-of-line `src` content is not fetched. */
function entryContent(node: XmlNode | undefined, base: string | undefined, warnings: string[]): EntryContent | undefined {
  if (node === undefined) return undefined;
  const contentBase = resolveBase(attr(node, 'xml:base'), base);
  if (attr(node, 'src')) {
    warnings.push(`content is out of line (src="${attr(node, 'src')}") and is not fetched; the summary is used`);
    return undefined;
  }
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return asContent({ kind: 'html', value: xhtmlAsHtml(rawMarkup(node), warnings) }, contentBase);
  if (type === 'html' || type === 'text/html') return asContent({ kind: 'html', value: rawText(node) ?? '' }, contentBase);
  if (type === 'text' || type.startsWith('text/')) return asContent({ kind: 'text', value: rawText(node) ?? '' }, contentBase);
  warnings.push(`content of type "${type}" cannot be imported; the summary is used`);
  return undefined;
}

/** XHTML markup as the HTML it means; markup that is not well-formed XML is read as HTML, with a warning. */
function xhtmlAsHtml(markup: string, warnings?: string[]): string {
  const html = xhtmlToHtml(markup);
  if (html !== undefined) return html;
  warnings?.push('xhtml content is not well-formed XML; read as HTML');
  return markup;
}

function personName(authors: XmlNode[]): string | undefined {
  for (const author of authors) {
    const name = plainText(text(child(author, 'name')));
    if (name) return name;
  }
  return undefined;
}
