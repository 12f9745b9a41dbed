/**
 * Untrusted HTML → clean Markdown: parse5 → resolve URLs → rehype-sanitize → mdast (simple-to-mdast.ts for the
 * usual post shapes, hast-util-to-mdast with opsdeck's element handlers for the rest) → remark-gfm →
 * remark-stringify. Entities are decoded once, by the HTML parser.
 */

import type { Element, Root as HastRoot } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toText } from 'hast-util-to-text';
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import type { Code, Paragraph, Parent, PhrasingContent, Root as MdastRoot } from 'mdast';
import { parseFragment } from 'parse5';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified, type Plugin, type Processor } from 'unified';
import { VFile } from 'vfile';
import { sanitizeSchema, STRIPPED_ELEMENTS } from './sanitize.ts';
import { MARKDOWN_STYLE } from './markdown-style.ts';
import { simpleToMdast } from './simple-to-mdast.ts';
import { classifyCode } from './snippets.ts';

/** What a conversion produced. */
export interface MarkdownResult {
  markdown: string;
  /** Images left remote, unsafe markup removed. */
  warnings: string[];
}

/** A conversion with the mdast the Markdown was written from, for callers that analyse the post (flashcards). */
export interface MarkdownTreeResult extends MarkdownResult {
  tree: MdastRoot;
}

/** Per-call data the plugins share through the VFile. */
interface ConvertData {
  baseUrl?: string;
  warnings: string[];
}

/** Attributes that hold a URL, as hast property names. */
const URL_PROPERTIES = ['href', 'src', 'cite', 'longDesc', 'poster', 'action', 'formAction', 'background'];

function dataOf(file: VFile): ConvertData {
  return file.data as unknown as ConvertData;
}

/**
 * Parses an HTML fragment as rehype-parse does (parse5, scripting off), but without source positions: nothing
 * downstream reads them, and tracking them in parse5, turning them into hast `position` objects and then having
 * hast-util-to-mdast deep-clone all of them (it clones its input) cost about a fifth of the conversion.
 */
const rehypeParseFragment: Plugin<[], string, HastRoot> = function (this: Processor) {
  this.parser = (document: string) => fromParse5(parseFragment(document, { scriptingEnabled: false })) as HastRoot;
};

/**
 * Calls fn on every element of a hast tree, parents before children, in document order — what
 * unist-util-visit does, without a closure per node (those walks were a sixth of the conversion).
 */
function eachElement(tree: HastRoot, fn: (element: Element) => void): void {
  const stack: Element[] = [];
  const pushChildren = (children: HastRoot['children']) => {
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i]!;
      if (child.type === 'element') stack.push(child);
    }
  };
  pushChildren(tree.children);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    fn(node);
    pushChildren(node.children);
  }
}

/** Resolves the element's relative URLs against the base URL; a URL that cannot be resolved is dropped. */
function resolveUrls(node: Element, baseUrl: string): void {
  for (const name of URL_PROPERTIES) {
    const value = node.properties[name];
    if (typeof value !== 'string') continue;
    const resolved = URL.parse(value.trim(), baseUrl);
    if (resolved === null) delete node.properties[name];
    else node.properties[name] = resolved.href;
  }
}

/** Notes what in the element the sanitiser is about to remove. */
function noteUnsafe(node: Element, note: (what: string) => void): void {
  if (STRIPPED_ELEMENTS.includes(node.tagName)) note(`<${node.tagName}>`);
  for (const [name, value] of Object.entries(node.properties)) {
    if (/^on/i.test(name)) note('event handler');
    else if (name === 'style') note('style attribute');
    else if (URL_PROPERTIES.includes(name) && typeof value === 'string') {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) note(`${scheme}: URL`);
    }
  }
}

/**
 * One pass before sanitising: resolves relative URLs against the base URL, then counts the markup the
 * sanitiser is about to remove (URLs as resolved), so the report can say what was unsafe.
 */
function rehypeResolveUrlsAndReportUnsafe() {
  return (tree: HastRoot, file: VFile) => {
    const { baseUrl } = dataOf(file);
    const found = new Map<string, number>();
    const note = (what: string) => found.set(what, (found.get(what) ?? 0) + 1);
    eachElement(tree, (node) => {
      if (baseUrl !== undefined) resolveUrls(node, baseUrl);
      noteUnsafe(node, note);
    });
    if (found.size > 0) {
      const list = [...found].map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join(', ');
      dataOf(file).warnings.push(`removed unsafe markup: ${list}`);
    }
  };
}

/** Phrasing nodes that cannot start or end with a space in Markdown (`** bold**` is not bold). */
const SPACE_SENSITIVE = new Set(['emphasis', 'strong', 'delete', 'link']);

/** Nodes dropped when they end up with no text: they would write nothing to the Markdown. */
const DROPPED_WHEN_EMPTY = new Set(['emphasis', 'strong', 'delete', 'paragraph', 'list']);

/** Containers of flow content: text directly inside them would be written without Markdown escapes. */
const FLOW_CONTAINERS = new Set(['root', 'blockquote', 'listItem', 'list', 'footnoteDefinition']);

/** Phrasing node types: what a paragraph holds. */
const PHRASING = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference', 'footnoteReference', 'html',
]);

/**
 * Wraps each run of phrasing children of a flow container in a paragraph. hast-util-to-mdast (10.x) leaves them
 * bare in some places (a `<dl>` whose children are not dt/dd gives a list item holding text), and
 * mdast-util-to-markdown escapes `<`, `[` and friends only inside phrasing, so `<dl>x&lt;img onerror&gt;</dl>`
 * would otherwise become a raw `<img onerror>` tag in the Markdown.
 */
function wrapLoosePhrasing(parent: Parent): void {
  if (!FLOW_CONTAINERS.has(parent.type) || !parent.children.some((child) => PHRASING.has(child.type))) return;
  const children: Parent['children'] = [];
  let paragraph: Paragraph | undefined;
  for (const child of parent.children) {
    if (!PHRASING.has(child.type)) {
      children.push(child);
      paragraph = undefined;
    } else if (paragraph) paragraph.children.push(child as PhrasingContent);
    else {
      paragraph = { type: 'paragraph', children: [child as PhrasingContent] };
      children.push(paragraph);
    }
  }
  parent.children = children;
}

/**
 * Keeps inline code on one line, and turns code blocks inside phrasing (hast-util-to-mdast keeps `<b><pre>…</pre></b>`
 * and `<td><pre>` as they are) into such inline code. A fence that does not start a line is no fence, and a blank
 * line (or, in a table cell, any line break) ends a code span: either way the rest of the code, written verbatim,
 * would be read as Markdown, raw HTML included. Rendered inline code shows line breaks as spaces anyway.
 */
function keepCodeInline(parent: Parent): void {
  const inFlow = FLOW_CONTAINERS.has(parent.type);
  parent.children.forEach((child, index) => {
    if (child.type === 'code' && !inFlow) parent.children[index] = { type: 'inlineCode', value: child.value } as Parent['children'][number];
    const node = parent.children[index]!;
    if (node.type === 'inlineCode') node.value = node.value.replace(/[ \t]*[\r\n][\s]*/g, ' ');
  });
}

/** Whether a node writes nothing: empty text, or a DROPPED_WHEN_EMPTY node whose children all write nothing. */
function writesNothing(node: PhrasingContent): boolean {
  if (node.type === 'text') return node.value === '';
  return DROPPED_WHEN_EMPTY.has(node.type) && 'children' in node && (node.children as PhrasingContent[]).every(writesNothing);
}

/**
 * One pass over the mdast, parents before children: moves spaces at the edges of emphasis, strong,
 * strikethrough and link text outside them (HTML such as `<strong>Bandwidth </strong>` would otherwise need
 * `&#x20;` escapes in the Markdown), wraps text left bare in flow containers in paragraphs and drops nodes that
 * would write nothing (both so that every `<` gets its escape), and warns once per image, in document
 * order: opsdeck leaves images on their original host unless --download-images is given.
 */
function remarkEdgeSpacesAndRemoteImages() {
  return (tree: MdastRoot, file: VFile) => {
    const { warnings } = dataOf(file);
    const walk = (parent: Parent) => {
      wrapLoosePhrasing(parent);
      keepCodeInline(parent);
      const siblings = parent.children as PhrasingContent[];
      for (let index = 0; index < siblings.length; ) {
        const node = siblings[index]!;
        let next = index + 1;
        if (node.type === 'image') warnings.push(`image left remote: ${node.url}`);
        else if (SPACE_SENSITIVE.has(node.type)) next = moveEdgeSpaces(node as Parent, siblings, index);
        if ('children' in node) walk(node);
        // mdast-util-to-markdown (2.2) escapes a `<` by peeking at what its next sibling writes: an empty strong
        // peeks as `*` and an empty paragraph (hast-util-to-mdast puts flow content such as `<div></div>` inside
        // headings and table cells) as nothing, yet both then write nothing, so `&lt;<b></b>script&gt;` would
        // come out as a raw `<script>` tag in the Markdown. Dropped, they leave the `<` next to the text it escapes by.
        if (writesNothing(node)) {
          siblings.splice(siblings.indexOf(node), 1);
          next -= 1;
        }
        index = next;
      }
    };
    walk(tree);
  };
}

/** Moves node's edge spaces into its siblings; returns the index of the sibling to look at next. */
function moveEdgeSpaces(node: Parent, siblings: PhrasingContent[], index: number): number {
  const children = node.children as PhrasingContent[];
  const first = children[0];
  const last = children.at(-1);
  const lead = first?.type === 'text' ? /^\s+/.exec(first.value)?.[0] : undefined;
  const trail = last?.type === 'text' ? /\s+$/.exec(last.value)?.[0] : undefined;
  if (first?.type === 'text' && lead) first.value = first.value.slice(lead.length);
  if (last?.type === 'text' && trail) last.value = last.value.slice(0, last.value.length - trail.length);
  // trailing first, so index still points at node for the leading side
  if (trail) addSpace(siblings, index + 1, 'start');
  // a space inserted before node moved it one on: skip past it
  if (lead && addSpace(siblings, index, 'end')) return index + 2;
  return index + 1;
}

/**
 * Puts one space at `at` in siblings: merged into the neighbouring text node (its start or end) when there is
 * one, so no double spaces appear. Returns true when a new node was inserted.
 */
function addSpace(siblings: PhrasingContent[], at: number, edge: 'start' | 'end'): boolean {
  const neighbour = siblings[edge === 'start' ? at : at - 1];
  if (neighbour?.type === 'text') {
    if (edge === 'start' && !/^\s/.test(neighbour.value)) neighbour.value = ` ${neighbour.value}`;
    if (edge === 'end' && !/\s$/.test(neighbour.value)) neighbour.value = `${neighbour.value} `;
    return false;
  }
  siblings.splice(at, 0, { type: 'text', value: ' ' });
  return true;
}

/** Class names of an element and of a `<code>` child, as one string for classifyCode. */
function classNameOf(node: Element): string {
  const own = node.properties['className'];
  const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const inner = code?.properties['className'];
  return [own, inner].flat().filter((c) => c !== undefined && c !== null).join(' ');
}

/** `<a>` whose URL the sanitiser removed → its text alone, not an empty `[text]()` link. */
const a: Handle = (state: State, node: Element) =>
  typeof node.properties['href'] === 'string' ? defaultHandlers.a(state, node) : state.all(node);

/** `<img>` whose URL the sanitiser removed → nothing, not an empty `![alt]()` image. */
const img: Handle = (state: State, node: Element) =>
  typeof node.properties['src'] === 'string' ? defaultHandlers.img(state, node) : undefined;

/** `<pre>` → a fenced code block in the snippet form, its language from the class or the content. */
function codeBlock(node: Element): Code {
  const { lang, meta, code } = classifyCode(toText(node, { whitespace: 'pre' }), { className: classNameOf(node) });
  return { type: 'code', lang, meta: meta ?? null, value: code };
}

const pre: Handle = (_state: State, node: Element) => codeBlock(node);

/**
 * hast → mdast: simple-to-mdast.ts when the post has the usual shape (same tree, several times faster), else
 * hast-util-to-mdast with opsdeck's handlers, as rehype-remark would run it (`document: true`).
 */
function rehypeToMdast() {
  return (tree: HastRoot): MdastRoot => simpleToMdast(tree, codeBlock) ?? (toMdast(tree, { document: true, handlers: { a, img, pre } }) as MdastRoot);
}

const processor = unified()
  .use(rehypeParseFragment)
  .use(rehypeResolveUrlsAndReportUnsafe)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeToMdast)
  .use(remarkEdgeSpacesAndRemoteImages)
  .use(remarkGfm)
  .use(remarkStringify, MARKDOWN_STYLE)
  .freeze();

/**
 * Converts untrusted HTML to Markdown. Relative URLs are resolved against opts.baseUrl (the item link or
 * xml:base) before sanitising; the same input always gives byte-identical output.
 */
export function htmlToMarkdown(html: string, opts: { baseUrl?: string } = {}): MarkdownResult {
  const { markdown, warnings } = htmlToMarkdownTree(html, opts);
  return { markdown, warnings };
}

/** {@link htmlToMarkdown}, also returning the mdast the Markdown was written from (so nobody has to parse it again). */
export function htmlToMarkdownTree(html: string, opts: { baseUrl?: string } = {}): MarkdownTreeResult {
  const data: ConvertData = { warnings: [] };
  if (opts.baseUrl !== undefined && URL.canParse(opts.baseUrl)) data.baseUrl = opts.baseUrl;
  const file = new VFile({ value: html, data: data as unknown as VFile['data'] });
  // The three stages by hand rather than processSync, to keep the mdast that was stringified.
  const tree = processor.runSync(processor.parse(file), file) as MdastRoot;
  const markdown = processor.stringify(tree, file).trim();
  return { markdown: markdown === '' ? '' : `${markdown}\n`, warnings: data.warnings, tree };
}
