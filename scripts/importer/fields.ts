/**
 * Reading values out of the parsed XML tree (see xml.ts) as plain, safe strings. Adapters use these
 * instead of touching parser output directly, so entity decoding happens exactly once and in one place.
 */
import { decodeHTML } from 'entities';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { ATTR, CDATA, TEXT, decodeEntities, rawToText, stripControlChars } from './xml.ts';

/** A parsed element: an object of children/attributes, or a bare string for text-only elements. */
export type XmlNode = Record<string, unknown> | string;

/** The child elements named `name` (always an array; missing → empty). */
export function children(node: unknown, name: string): XmlNode[] {
  if (!isObject(node)) return [];
  const value = node[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

/** The first child element named `name`, if any. */
export function child(node: unknown, name: string): XmlNode | undefined {
  if (!isObject(node)) return undefined;
  const value = node[name];
  // Adapters ask for a dozen children of each of thousands of items; no array is built just to take its head.
  return (Array.isArray(value) ? value[0] : (value ?? undefined)) as XmlNode | undefined;
}

/** An attribute's decoded value. */
export function attr(node: unknown, name: string): string | undefined {
  if (!isObject(node)) return undefined;
  const value = node[ATTR + name];
  return typeof value === 'string' ? decodeEntities(value) : undefined;
}

/**
 * The text of a normal (non-stop) element: text entity-decoded once, CDATA verbatim. Nested elements are
 * ignored. Returns undefined when the element is missing.
 */
export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return decodeEntities(node);
  const plain = node[TEXT];
  const cdata = node[CDATA];
  let out = typeof plain === 'string' ? decodeEntities(plain) : '';
  for (const section of Array.isArray(cdata) ? cdata : cdata === undefined ? [] : [cdata]) {
    if (typeof section === 'string') out += stripControlChars(section);
  }
  return out;
}

/** The raw inner text of a stop node (title, description, content, …), CDATA unwrapped, decoded once. */
export function rawText(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return rawToText(node);
  const raw = node[TEXT];
  return typeof raw === 'string' ? rawToText(raw) : '';
}

/** The raw inner markup of a stop node, untouched (Atom `type="xhtml"` content). */
export function rawMarkup(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const raw = node[TEXT];
  return typeof raw === 'string' ? raw : '';
}

/** Collapses whitespace and trims; undefined for empty strings. */
export function clean(value: string | undefined): string | undefined {
  const out = value?.replace(/\s+/g, ' ').trim();
  return out ? out : undefined;
}

/**
 * What makes a text field markup rather than prose: a closing tag, a tag with attributes, a comment, or a
 * tag that is dangerous on its own. "Why <pre> beats screenshots" stays text; "<b>x</b>" does not.
 */
const MARKUP =
  /<\/[A-Za-z]|<[A-Za-z][\w-]*\s[^>]*=|<!--|<(script|style|iframe|frame|frameset|object|embed|applet|svg|math|img|image|link|meta|base|form|input|button|textarea|select|template|noscript|video|audio|source|xmp|plaintext)\b/i;

/**
 * Makes a title, author or category safe plain text. A value that is markup is read as HTML and only its
 * visible text is kept (as WordPress itself does), so `<script>` or `onclick` payloads never survive.
 */
export function plainText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!MARKUP.test(value)) return clean(value);
  return htmlToPlainText(value);
}

/**
 * Resolves `href` against `base` and returns it only if it is an absolute http(s) URL; anything else
 * (javascript:, data:, mailto:, garbage) is dropped.
 */
export function httpUrl(href: string | undefined, base?: string): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves a possibly relative base (xml:base) against its parent base; keeps the parent if it can't. */
export function resolveBase(value: string | undefined, parent: string | undefined): string | undefined {
  if (!value) return parent;
  try {
    return parent ? new URL(value.trim(), parent).href : new URL(value.trim()).href;
  } catch {
    return parent;
  }
}

/** Adds each tag once, comparing case-insensitively, keeping source order. */
export function uniqueTags(values: Array<string | undefined>): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of values) {
    const tag = plainText(value);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** Plain-text summary from an HTML excerpt: tags removed, WordPress's trailing "[...]" turned into "…". */
export function summaryFromHtml(html: string | undefined): string | undefined {
  if (!html?.trim()) return undefined;
  const text = htmlToPlainText(html);
  return text?.replace(/\s*\[(\.\.\.|…)\]$/, '…');
}

/** Bidirectional formatting characters, which hast-util-to-text leaves out of the text it renders. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The visible text of an HTML fragment, control characters stripped and whitespace collapsed by
 * {@link clean}. Most excerpts contain no tag; parsing such text as HTML only decodes its character
 * references (parse5 does it with this same `entities` decoder, in the same legacy mode, and drops NULs,
 * which stripControlChars drops too), and toText only drops bidi controls and turns line breaks into
 * spaces, which clean does anyway. So tag-free text skips building an HTML tree — a third of reading a
 * feed. A zero-width space changes how toText joins lines, so text holding one takes the full path.
 */
function htmlToPlainText(html: string): string | undefined {
  if (!html.includes('<') && !html.includes('\u200B')) {
    return clean(stripControlChars(decodeHTML(html).replace(BIDI_CONTROLS, '')));
  }
  return clean(stripControlChars(toText(fromHtml(html, { fragment: true }))));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
