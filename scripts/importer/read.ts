/**
 * The reading half of an import, pure and synchronous: bytes → charset → format → adapter. Everything it
 * throws is an ImportError; the orchestrator (index.ts) adds conversion and writing.
 */
import { decodeBytes } from './decode.ts';
import { detectFormat, type FeedFormat } from './detect.ts';
import { parseAtom } from './sources/atom.ts';
import type { FeedContext } from './sources/common.ts';
import { parseHtmlArchive } from './sources/html-archive.ts';
import { parseRdf } from './sources/rdf.ts';
import { parseRss } from './sources/rss.ts';
import { parseTextArchive } from './sources/text-archive.ts';
import { parseWxr } from './sources/wxr.ts';
import type { AdapterResult } from './types.ts';

/** What reading an input found. `result.warnings` includes the charset warnings. */
export interface ReadResult {
  format: FeedFormat;
  charset: string;
  result: AdapterResult;
}

/** Options of {@link readEntries} beyond the feed context. */
export interface ReadOptions extends FeedContext {
  /** HTTP Content-Type of a fetched input. */
  contentType?: string;
  /** Follow "older posts" links of HTML archive pages. */
  followPages?: boolean;
}

/** Decodes, detects and parses one input. @throws ImportError when the input as a whole is unusable. */
export function readEntries(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const decoded = decodeBytes(bytes, options.contentType);
  const format = detectFormat(decoded.text);
  const ctx: FeedContext = { input: options.input };
  if (options.url) ctx.url = options.url;
  if (options.drafts) ctx.drafts = true;
  const result = adapt(format, decoded.text, ctx, options.followPages === true);
  return { format, charset: decoded.charset, result: { ...result, warnings: [...decoded.warnings, ...result.warnings] } };
}

function adapt(format: FeedFormat, text: string, ctx: FeedContext, followPages: boolean): AdapterResult {
  switch (format) {
    case 'rss2': return parseRss(text, ctx);
    case 'rdf': return parseRdf(text, ctx);
    case 'atom': return parseAtom(text, ctx);
    case 'wxr': return parseWxr(text, ctx);
    case 'html-archive': return parseHtmlArchive(text, { ...ctx, followPages });
    case 'text-archive': return parseTextArchive(text, ctx);
  }
}
