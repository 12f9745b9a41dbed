/**
 * Finds active content (scripts, event handlers, frames, styles, dangerous URLs) in the files a build writes, the
 * way a browser or a feed reader would see them: HTML through parse5 (the WHATWG parser), URLs through the WHATWG URL
 * parser, Markdown through remark. Each function returns findings as readable strings; an empty list means safe.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse, parseFragment } from 'parse5';
import type { Nodes as MdastNodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Text every hostile fixture payload carries (`alert('pwned')`, `window.__pwned=1`, `msgbox`): never in site code. */
export const PAYLOAD_MARKER = /pwned|msgbox/i;

/** URL schemes a link or resource may use; a relative URL has none. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Attributes whose value a browser follows or loads as a URL (lower case, prefix dropped: `xlink:href` is `href`). */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'ping', 'longdesc', 'codebase',
  'manifest', 'lowsrc', 'dynsrc', 'icon', 'itemtype', 'profile', 'usemap', 'xmlns',
]);

/** Elements that embed, frame or style from content; none may appear anywhere. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'fencedframe']);

/** CSS properties the site's own markup sets in `style` attributes (rehype-pretty-code's colours, prompt selection). */
const SITE_STYLE_PROPERTIES = new Set(['--shiki-light', '--shiki-dark', 'user-select', '-webkit-user-select', 'display']);

/**
 * Whether a URL would run code or load an opaque document: resolved like a browser does (control characters and
 * spaces stripped at the ends, tabs and newlines removed inside), anything but http(s), mailto or a relative URL.
 */
export function unsafeUrl(value: string): boolean {
  try {
    return !SAFE_PROTOCOLS.has(new URL(value, 'https://site.invalid/page/').protocol);
  } catch {
    return false; // the browser cannot resolve it either, so it goes nowhere
  }
}

/** Candidates of a `srcset`: URLs separated by commas, each maybe followed by a descriptor. */
function srcsetUrls(value: string): string[] {
  return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

function textOf(element: Element): string {
  const content = element.nodeName === 'template' ? (element as DefaultTreeAdapterMap['template']).content : element;
  return content.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join('');
}

/** What a site-owned `<script>` looks like: a bundled module, an inline island, or inert JSON; payload-free. */
function scriptFinding(element: Element, where: string, inProse: boolean): string | undefined {
  const attrs = Object.fromEntries(element.attrs.map((a) => [a.name, a.value]));
  const text = textOf(element);
  const described = `${where}: <script ${element.attrs.map((a) => `${a.name}="${a.value}"`).join(' ')}>${text.slice(0, 80)}`;
  // Inert data (card ids are slugs of questions, so payload words may appear): it only has to stay JSON.
  if (attrs['type'] === 'application/json' && !inProse) {
    try {
      JSON.parse(text);
      return undefined;
    } catch {
      return `JSON script that does not parse (broken out of?) ${described}`;
    }
  }
  if (PAYLOAD_MARKER.test(text)) return `payload inside ${described}`;
  if (attrs['src'] !== undefined) return attrs['type'] === 'module' && attrs['src'].startsWith('/_astro/') ? undefined : `foreign script ${described}`;
  // Rendered post content and card answers hold no script of their own: an inline one there came from content.
  if (inProse) return `inline script inside post content ${described}`;
  // Inline code the site itself writes: the command filter, small module islands Vite inlines.
  return attrs['type'] === undefined || attrs['type'] === 'module' ? undefined : `script of unknown type ${described}`;
}

/** Findings of one element: forbidden elements, handlers, styles from content, unsafe URLs. */
function elementFindings(element: Element, where: string, inHead: boolean, inProse: boolean): string[] {
  const findings: string[] = [];
  const tag = element.tagName.toLowerCase();
  const label = `${where}: <${tag}>`;
  if (FORBIDDEN_ELEMENTS.has(tag)) findings.push(`forbidden element ${label}`);
  if (tag === 'script') {
    const finding = scriptFinding(element, where, inProse);
    if (finding) findings.push(finding);
  }
  if (tag === 'style' && (!inHead || PAYLOAD_MARKER.test(textOf(element)))) findings.push(`style element from content ${label}: ${textOf(element).slice(0, 80)}`);
  if (tag === 'meta' && element.attrs.some((a) => a.name.toLowerCase() === 'http-equiv' && a.value.toLowerCase() === 'refresh')) findings.push(`meta refresh ${label}`);
  if (tag === 'link' && /\b(stylesheet|import|preload|modulepreload|prefetch)\b/i.test(element.attrs.find((a) => a.name === 'rel')?.value ?? '')) {
    const href = element.attrs.find((a) => a.name === 'href')?.value ?? '';
    if (!href.startsWith('/_astro/')) findings.push(`foreign stylesheet or preload ${label} href="${href}"`);
  }
  for (const { name, value } of element.attrs) {
    const attr = name.toLowerCase();
    if (attr.startsWith('on')) findings.push(`event handler ${label} ${name}="${value}"`);
    else if (attr === 'style') {
      for (const declaration of value.split(';').map((d) => d.trim()).filter(Boolean)) {
        const [property = '', ...rest] = declaration.split(':');
        const cssValue = rest.join(':').trim();
        if (!SITE_STYLE_PROPERTIES.has(property.trim().toLowerCase()) || !/^[#\w\s.-]*$/.test(cssValue)) {
          findings.push(`style attribute from content ${label} style="${value}"`);
          break;
        }
      }
    } else if (attr === 'srcset' || attr === 'imagesrcset') {
      for (const url of srcsetUrls(value)) if (unsafeUrl(url)) findings.push(`unsafe URL ${label} ${name}="${value}"`);
    } else if (URL_ATTRIBUTES.has(attr) && unsafeUrl(value)) findings.push(`unsafe URL ${label} ${name}="${value}"`);
    else if (attr === 'srcdoc') findings.push(`srcdoc ${label}`);
  }
  return findings;
}

/** Walks a parse5 tree (template contents included), reporting every finding. */
function walk(node: Node, where: string, inHead: boolean, inProse: boolean, findings: string[]): void {
  if (!('childNodes' in node)) return;
  let head = inHead;
  let prose = inProse;
  if ('tagName' in node) {
    findings.push(...elementFindings(node, where, inHead, inProse));
    head ||= node.tagName === 'head';
    prose ||= node.attrs.some((a) => a.name === 'class' && /\b(prose|card__answer|deck-intro)\b/.test(a.value));
  }
  const children = node.nodeName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : node.childNodes;
  for (const child of children) walk(child, where, head, prose, findings);
}

/** Counts `<script` start tags in raw markup the way the tokenizer would see them, for the cross-check below. */
function countScriptElements(node: Node): number {
  if (!('childNodes' in node)) return 0;
  const own = 'tagName' in node && node.tagName === 'script' ? 1 : 0;
  const children = node.nodeName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : node.childNodes;
  return own + children.reduce((sum, child) => sum + countScriptElements(child), 0);
}

/**
 * Active content in a whole HTML document. Besides the parsed tree, every literal `<script` in the file must be a
 * script element the parser found: one hidden in a comment, a title or a textarea is content that got through unescaped.
 */
export function htmlDocumentFindings(html: string, where: string): string[] {
  const tree = parse(html);
  const findings: string[] = [];
  walk(tree, where, false, false, findings);
  const literal = html.match(/<script\b/gi)?.length ?? 0;
  const elements = countScriptElements(tree);
  if (literal !== elements) findings.push(`${where}: ${literal} literal "<script" but ${elements} script elements: markup from content is unescaped`);
  return findings;
}

/** Active content in an HTML fragment (a feed item's content, an Anki field), where no script at all may appear. */
export function htmlFragmentFindings(html: string, where: string): string[] {
  const tree = parseFragment(html);
  const findings: string[] = [];
  walk(tree, where, false, true, findings);
  if (/<script\b/i.test(html)) findings.push(`${where}: "<script" in HTML: ${html.slice(0, 120)}`);
  return findings;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Active content in Markdown: raw HTML that parses to anything but text, and links or images with unsafe URLs. */
export function markdownFindings(text: string, where: string): string[] {
  const findings: string[] = [];
  const visit = (node: MdastNodes) => {
    if (node.type === 'html') {
      const fragment = parseFragment(node.value);
      // Text and comments (`<!x>` is a bogus comment to an HTML parser) are inert; any element is not.
      if (fragment.childNodes.some((child) => child.nodeName !== '#text' && child.nodeName !== '#comment')) findings.push(`${where}: raw HTML in Markdown: ${node.value.slice(0, 120)}`);
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && unsafeUrl(node.url)) findings.push(`${where}: unsafe Markdown URL ${node.url}`);
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes);
  };
  visit(markdown.parse(text));
  return findings;
}

/**
 * Rows of a delimited file (CSV with `,`, Anki's plain-text notes with a tab): fields may be quoted, with `""` for a
 * quote and line breaks inside quotes. Lines starting with `#` before the first row are Anki headers and skipped.
 */
export function delimitedRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let at = 0;
  while (at < text.length) {
    if (rows.length === 0 && text[at] === '#') {
      at = text.indexOf('\n', at) + 1 || text.length;
      continue;
    }
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (text[at] === '"') {
        at++;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote < 0) throw new Error(`unterminated quoted field at ${at}`);
          field += text.slice(at, quote);
          at = quote + 1;
          if (text[at] !== '"') break;
          field += '"';
          at++;
        }
      } else {
        while (at < text.length && text[at] !== separator && text[at] !== '\n' && text[at] !== '\r') field += text[at++];
      }
      row.push(field);
      if (text[at] === separator) {
        at++;
        continue;
      }
      if (text[at] === '\r') at++;
      if (text[at] === '\n') at++;
      break;
    }
    rows.push(row);
  }
  return rows;
}
