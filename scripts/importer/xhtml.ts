/**
 * Atom `type="xhtml"` content is XML, not HTML. Handed to an HTML parser as it is, XML's empty-element tags
 * mislead it: `<iframe/>` or `<script/>` opens an element that swallows every word after it, `<a name="x"/>`
 * turns the rest of the post into one link, a CDATA section becomes a comment and `<xhtml:p>` is no paragraph.
 * This re-serialises the XML as the HTML that means the same, for the HTML converter every format shares.
 */
import { escapeText } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { CDATA, MAX_NESTING, TEXT, renameReserved } from './xml.ts';

/** HTML elements that have no end tag: written `<br>`, anything else gets an explicit end tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const ATTRIBUTES = ':@';

/** One node as fast-xml-parser gives it with `preserveOrder`: `{ name: children, ':@': attributes }` or text. */
type OrderedNode = Record<string, unknown>;

// Entities stay references, so the HTML parser decodes them once, HTML's named ones (`&nbsp;`) included.
const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  cdataPropName: CDATA,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_NESTING,
  transformTagName: renameReserved,
  transformAttributeName: renameReserved,
});

/**
 * The HTML equivalent of an XHTML fragment, or undefined when the fragment is not well-formed XML (then it can
 * only be read as the HTML it resembles).
 */
export function xhtmlToHtml(markup: string): string | undefined {
  if (!markup.includes('<')) return markup;
  let nodes: OrderedNode[];
  try {
    // `true`: validate first, as the parser alone accepts mismatched end tags
    nodes = parser.parse(`<x>${markup}</x>`, true) as OrderedNode[];
  } catch {
    return undefined;
  }
  return writeChildren(childrenOf(nodes[0], 'x'));
}

function childrenOf(node: OrderedNode | undefined, name: string): OrderedNode[] {
  const children = node?.[name];
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

function writeChildren(nodes: OrderedNode[]): string {
  let html = '';
  for (const node of nodes) html += writeNode(node);
  return html;
}

function writeNode(node: OrderedNode): string {
  const name = Object.keys(node).find((key) => key !== ATTRIBUTES);
  if (name === undefined) return '';
  if (name === TEXT) return String(node[TEXT]);
  if (name === CDATA) return escapeText(childrenOf(node, CDATA).map((part) => String(part[TEXT] ?? '')).join(''));
  const children = childrenOf(node, name);
  // Any other `#` name is a reserved one renamed by renameReserved: its content stays, the element does not.
  if (name.startsWith('#')) return writeChildren(children);
  // Prefixed XHTML (`<xhtml:p>`) is the plain element; other namespaces' elements are dropped by the sanitiser anyway.
  const tag = name.slice(name.indexOf(':') + 1).toLowerCase();
  const open = `<${tag}${writeAttributes(node[ATTRIBUTES])}>`;
  if (VOID_ELEMENTS.has(tag)) return open + writeChildren(children);
  const inner = writeChildren(children);
  // HTML drops a newline right after <pre>/<textarea>; XML keeps it, so it is doubled to survive.
  const lead = (tag === 'pre' || tag === 'textarea') && inner.startsWith('\n') ? '\n' : '';
  return `${open}${lead}${inner}</${tag}>`;
}

/** Attributes as HTML: namespace declarations and other prefixed names dropped, `xml:lang` as `lang`. */
function writeAttributes(attributes: unknown): string {
  if (attributes === null || typeof attributes !== 'object') return '';
  let html = '';
  for (const [name, value] of Object.entries(attributes)) {
    const htmlName = name === 'xml:lang' ? 'lang' : name;
    if (htmlName === 'xmlns' || htmlName.includes(':') || htmlName.startsWith('#')) continue;
    html += ` ${htmlName}="${String(value).replace(/"/g, '&quot;')}"`;
  }
  return html;
}
