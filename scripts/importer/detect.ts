/**
 * Recognises an input's format from its content, never from its file name.
 */
import { ImportError } from './errors.ts';

/** Every format the importer reads. */
export type FeedFormat = 'rss2' | 'rdf' | 'atom' | 'wxr' | 'html-archive' | 'text-archive';

/** How much of the text is looked at to recognise it. */
const SNIFF_WINDOW = 8192;

/**
 * Detects the format of decoded text.
 * @throws ImportError for empty input, binary data and XML whose root is not a feed.
 */
export function detectFormat(text: string): FeedFormat {
  const head = text.slice(0, SNIFF_WINDOW);
  if (head.trim() === '') throw new ImportError('empty input: nothing to import');
  if (looksBinary(head)) throw new ImportError('binary data: not a feed, export or archive page');
  const root = rootElement(head);
  if (root) return classifyXmlRoot(root, head);
  if (/<(!DOCTYPE\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head)) return 'html-archive';
  // A fragment without <html>/<body> is a page only if it has the post markup the HTML adapter reads; a text dump
  // with a few pasted tags (`<script>`, `<img onerror>` lines) is still a text dump.
  if (countTags(head) >= 3 && POST_MARKUP.test(head)) return 'html-archive';
  return 'text-archive';
}

function classifyXmlRoot(root: string, head: string): FeedFormat {
  const name = root.toLowerCase();
  if (name === 'rss') {
    // WXR is RSS 2.0 with the wp: namespace and a version element; WordPress *feeds* never carry wxr_version.
    return /<wp:wxr_version>|xmlns:wp\s*=\s*["']http:\/\/wordpress\.org\/export\//.test(head) ? 'wxr' : 'rss2';
  }
  if (name.endsWith(':rdf') || name === 'rdf') return 'rdf';
  if (name === 'feed' || name.endsWith(':feed')) return 'atom';
  if (name === 'html') return 'html-archive';
  throw new ImportError(`well-formed XML but not a feed: the root element is <${root}> (expected <rss>, <rdf:RDF> or <feed>)`);
}

/**
 * The name of the first element after the XML prolog (declaration, comments, processing instructions,
 * DOCTYPE), or undefined if the text does not start like XML. A hand-written scanner: a regex over
 * hostile input could backtrack for ever.
 */
function rootElement(head: string): string | undefined {
  let at = 0;
  for (;;) {
    while (at < head.length && /\s/.test(head[at]!)) at += 1;
    if (head[at] !== '<') return undefined;
    if (head.startsWith('<?', at)) at = skipPast(head, '?>', at);
    else if (head.startsWith('<!--', at)) at = skipPast(head, '-->', at);
    else if (/^<!DOCTYPE/i.test(head.slice(at, at + 9))) {
      if (/^<!DOCTYPE\s+html/i.test(head.slice(at, at + 14))) return 'html';
      const bracket = head.indexOf('[', at);
      const close = head.indexOf('>', at);
      at = bracket >= 0 && bracket < close ? skipPast(head, ']', bracket) : close;
      at = at < 0 ? -1 : skipPast(head, '>', at - 1);
    } else {
      return /^<([A-Za-z_][\w:.-]*)/.exec(head.slice(at, at + 256))?.[1];
    }
    if (at < 0) return undefined;
  }
}

function skipPast(text: string, marker: string, from: number): number {
  const index = text.indexOf(marker, from + 1);
  return index < 0 ? -1 : index + marker.length;
}

/** NULs, other C0 controls or replacement characters in more than 1% of the text mean it is not text. */
function looksBinary(head: string): boolean {
  const odd = head.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\uFFFD]/g)?.length ?? 0;
  return odd > head.length / 100;
}

/** Classes and elements WordPress themes wrap archive posts in (what html-archive.ts looks for). */
const POST_MARKUP = /<article[\s>]|class\s*=\s*["'][^"']*\b(hentry|entry-title|type-post|post|wp-block-post)\b/i;

function countTags(head: string): number {
  return head.match(/<\/?(p|div|a|span|article|h[1-6]|ul|li|table|br|img)\b[^>]*>/gi)?.length ?? 0;
}
