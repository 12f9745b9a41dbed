/**
 * The safe XML parsing every feed adapter goes through (see DESIGN.md, "Safe parsing of untrusted feeds"):
 * entities are never expanded by the parser, entity declarations are refused, the input size and nesting
 * depth are capped, and reserved element names cannot pollute prototypes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeHTMLStrict } from 'entities';
import { ImportError } from './errors.ts';

/** Largest XML input accepted, in characters. @default 128 MiB — room for a 50 MB export, not for a bomb. */
const MAX_XML_CHARS = 128 * 1024 * 1024;

/** Deepest element nesting accepted outside stop nodes; real feeds nest fewer than 10 levels. */
export const MAX_NESTING = 200;

/** Elements kept as raw text: their HTML (or CDATA) is unwrapped by {@link rawToText}, never parsed as XML. */
const STOP_NODES = ['title', 'description', 'summary', 'content', 'content:encoded', 'excerpt:encoded'];

/** Elements that may repeat, so adapters always see arrays for them. */
const ARRAY_ELEMENTS = new Set(['item', 'entry', 'category', 'link', 'author', 'dc:subject', 'dc:creator', 'wp:author']);

/** Names that would pollute Object.prototype; fast-xml-parser throws on them, we rename and ignore them. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** An element or attribute name as parsed: a reserved one becomes `#reserved-<name>`, which no XML name can be. */
export function renameReserved(name: string): string {
  return RESERVED_NAMES.has(name) ? `#reserved-${name}` : name;
}

/** Property name under which fast-xml-parser puts CDATA sections. */
export const CDATA = '#cdata';
/** Property name under which fast-xml-parser puts text. */
export const TEXT = '#text';
/** Prefix of attribute properties. */
export const ATTR = '@_';

// C0 controls except tab, LF and CR; DEL; C1 controls; and the non-characters U+FFFE/U+FFFF — written as
// "everything but the allowed ranges", which V8 scans about a third faster than the list of forbidden ones.
const CONTROL_CHARS = /[^\t\n\r\u0020-\u007E\u00A0-\uFFFD]/g;

/** Removes control characters that XML forbids and that would corrupt YAML or terminals. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/** Decodes HTML/XML character references exactly once (semicolons required) and strips control characters. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return stripControlChars(text);
  return stripControlChars(decodeHTMLStrict(text.replace(CONTROL_REFERENCE, (ref, hex: string | undefined, dec: string | undefined) =>
    isControl(hex ? parseInt(hex, 16) : Number(dec)) ? '' : ref)));
}

/** Numeric character references, which could smuggle in the control characters stripped above. */
const CONTROL_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,8})|(\d{1,10}));/g;

/** C0 controls and DEL. References to 0x80–0x9F are left alone: HTML decodes them as windows-1252 (&#146; is ’). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

/**
 * Turns the raw text of a stop node into its value: CDATA sections are taken verbatim, everything between
 * them is entity-decoded once. Used for escaped HTML (`type="html"`, `content:encoded`) and plain text.
 */
export function rawToText(raw: string): string {
  if (!raw.includes('<![CDATA[')) return decodeEntities(raw);
  let out = '';
  let at = 0;
  while (at < raw.length) {
    const open = raw.indexOf('<![CDATA[', at);
    if (open < 0) {
      out += decodeEntities(raw.slice(at));
      break;
    }
    out += decodeEntities(raw.slice(at, open));
    const close = raw.indexOf(']]>', open + 9);
    const end = close < 0 ? raw.length : close;
    out += stripControlChars(raw.slice(open + 9, end));
    at = end + 3;
  }
  return out;
}

/** What {@link parseXml} returns: the document as nested objects, plus warnings about ignored content. */
export interface ParsedXml {
  root: Record<string, unknown>;
  warnings: string[];
}

/**
 * Parses an untrusted XML document with the safe configuration.
 * @throws ImportError naming the problem: too large, entity declarations, not well-formed, too deep, truncated.
 */
export function parseXml(text: string): ParsedXml {
  if (text.length > MAX_XML_CHARS) {
    throw new ImportError(`XML is ${(text.length / 1048576).toFixed(1)} MB, over the ${MAX_XML_CHARS / 1048576} MB limit`);
  }
  refuseEntityDeclarations(text);
  const ignored = new Set<string>();
  const rename = (name: string) => {
    const renamed = renameReserved(name);
    if (renamed !== name) ignored.add(name);
    return renamed;
  };
  const parser = new XMLParser({
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    cdataPropName: CDATA,
    textNodeName: TEXT,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: MAX_NESTING,
    // Callbacks get the live path matcher instead of a "rss.channel.item…" string built for every element;
    // isArray only looks at the element's name, so the string was pure cost.
    jPath: false,
    stopNodes: STOP_NODES.map((name) => `*.${name}`),
    isArray: (name) => ARRAY_ELEMENTS.has(name),
    transformTagName: rename,
    transformAttributeName: rename,
  });
  let root: Record<string, unknown>;
  try {
    root = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ImportError(`not well-formed XML: ${explainParseFailure(text, error)}`);
  }
  refuseTruncation(text, root);
  const warnings = [...ignored].map((name) => `ignored element or attribute with the reserved name "${name}"`);
  return { root, warnings };
}

/**
 * Entity declarations are how entity bombs and external entities (XXE) work; no real feed needs them.
 * Only the prolog is scanned: a DOCTYPE cannot come after the root element.
 */
function refuseEntityDeclarations(text: string): void {
  const rootStart = text.search(/<[A-Za-z_]/);
  const doctype = (rootStart < 0 ? text : text.slice(0, rootStart)).search(/<!DOCTYPE/i);
  if (doctype < 0) return;
  const subsetEnd = text.indexOf(']>', doctype);
  const declaration = text.slice(doctype, subsetEnd < 0 ? doctype + 65536 : subsetEnd);
  const entity = /<!ENTITY\s+(%\s*)?([^\s>]+)\s*(SYSTEM|PUBLIC)?/i.exec(declaration);
  if (!entity) return;
  const kind = entity[3] ? 'an external entity (XXE)' : 'an entity declaration (possible entity bomb)';
  throw new ImportError(`refused: the DOCTYPE declares ${kind} "${entity[2]}"; feeds must not declare entities`);
}

/** A document cut off mid-way parses into a partial tree; the root's closing tag must end the text. */
function refuseTruncation(text: string, root: Record<string, unknown>): void {
  const rootName = Object.keys(root).find((key) => !key.startsWith('#') && !key.startsWith('?'));
  if (!rootName) throw new ImportError('no root element: the file is empty or not XML');
  const tail = text.slice(-4096).replace(/(\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)+$/, '');
  const closed = tail.endsWith('/>') || new RegExp(`</${escapeRegExp(rootName)}\\s*>$`).test(tail);
  if (!closed) throw new ImportError(`truncated XML: the root element <${rootName}> is never closed`);
}

/** Re-runs the validator only on failure, for a message with a line number. */
function explainParseFailure(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Maximum nested tags/i.test(message)) return `elements nested deeper than ${MAX_NESTING} levels`;
  try {
    const result = XMLValidator.validate(text);
    if (result !== true) return `${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
  } catch {
    // The validator recursing on pathological input is no reason to lose the parser's own message.
  }
  return message;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
