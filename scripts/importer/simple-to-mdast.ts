/**
 * hast → mdast for the shape almost every blog post has — paragraphs, headings, lists, quotes, code blocks, rules
 * and plain tables holding text with emphasis, links, images, inline code and line breaks — giving exactly the tree
 * hast-util-to-mdast gives, several times faster. The library first deep-copies the whole tree and then
 * minifies its whitespace with element tests rebuilt on every call; for a post that is most of the conversion.
 * Anything outside that shape (definition lists, `<div>`s, merged table cells, …) is left to the library: simpleToMdast
 * returns undefined for it before touching the tree. tests/importer/convert/simple-to-mdast.test.ts holds the two
 * to the same result on the fixtures, the seeds and generated HTML.
 *
 * Each step below follows the library's step of the same name: minify (hast-util-minify-whitespace, as
 * rehype-remark runs it: no newlines), the element handlers (hast-util-to-mdast, with `document: true` as
 * rehype-remark sets it) and the final text clean-up of toMdast.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text as HastText } from 'hast';
import { toText } from 'hast-util-to-text';
import type { BlockContent, Code, Nodes, Parent, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';

/** Elements holding flow content; `br`, `hr` and `pre` are also "blocks" to whitespace minification. */
const FLOW_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote']);
/** Elements that hold only phrasing, as far as this converter goes. */
const PHRASING_PARENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Phrasing elements handled here (all of them phrasing to hast-util-phrasing, which `strike` is not). */
const INLINE_ELEMENTS = new Set(['a', 'b', 'strong', 'em', 'i', 'code', 'kbd', 'del', 's', 'span', 'ins', 'img', 'br']);
/** Table parts between `<table>` and its rows, which hast-util-to-mdast looks through. */
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
/** What hast-util-minify-whitespace counts as a block among the elements above. */
const BLOCKS = new Set([...FLOW_ELEMENTS, 'br', 'hr', 'pre', 'table', ...TABLE_SECTIONS, 'tr', 'td', 'th']);
/** mdast phrasing types that can come out of this converter. */
const MDAST_PHRASING = new Set(['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'image', 'break']);

/** The code block for a `<pre>`: opsdeck's own handler, shared with the hast-util-to-mdast path. */
export type PreHandler = (node: Element) => Code;

/** Whether a hast tree has only the shape this converter handles. */
function supported(tree: HastRoot): boolean {
  const flow = (children: HastRoot['children']): boolean => children.every((child) => {
    if (child.type === 'text') return true;
    if (child.type !== 'element' || child.properties['hidden'] !== undefined) return false;
    if (child.tagName === 'ul' || child.tagName === 'ol') {
      return child.children.every((item) => (item.type === 'text' && isWhitespace(item.value)) ||
        (item.type === 'element' && item.tagName === 'li' && item.properties['hidden'] === undefined && flow(item.children)));
    }
    if (PHRASING_PARENTS.has(child.tagName)) return phrasing(child.children);
    if (child.tagName === 'blockquote') return flow(child.children);
    if (child.tagName === 'pre') return phrasing(child.children);
    if (child.tagName === 'hr') return child.children.length === 0;
    if (child.tagName === 'table') return table(child.children);
    return INLINE_ELEMENTS.has(child.tagName) && phrasing(child.children);
  });
  // rows of plain cells: no nested tables, no merged cells, no `nowrap` (its whitespace rule differs)
  const table = (children: ElementContent[]): boolean => children.every((child) => (child.type === 'text' && isWhitespace(child.value)) ||
    (child.type === 'element' && child.properties['hidden'] === undefined && (
      TABLE_SECTIONS.has(child.tagName) ? table(child.children)
        : child.tagName === 'tr' ? child.children.every((cell) => (cell.type === 'text' && isWhitespace(cell.value)) ||
          (cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th') && plainCell(cell)))
          : false)));
  const plainCell = (cell: Element): boolean => cell.properties['hidden'] === undefined && cell.properties['rowSpan'] === undefined &&
    cell.properties['colSpan'] === undefined && cell.properties['noWrap'] === undefined && phrasing(cell.children);
  const phrasing = (children: ElementContent[]): boolean => children.every((child) => child.type === 'text' ||
    (child.type === 'element' && INLINE_ELEMENTS.has(child.tagName) && child.properties['hidden'] === undefined && phrasing(child.children)));
  return flow(tree.children);
}

/** Inter-element whitespace, as hast-util-whitespace has it (no vertical tab); a loop, as a regex costs more per call. */
function isWhitespace(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) return false;
  }
  return true;
}

// ---- minify: hast-util-minify-whitespace for these elements (none is skippable or form content; img is embedded)

interface MinifyState {
  before: boolean;
  after: boolean;
  pre: boolean;
}

interface MinifyResult {
  stripAtStart: boolean;
  remove: boolean;
}

function minify(node: HastRoot | HastContent, state: MinifyState): MinifyResult {
  if (node.type === 'text') return state.pre ? { stripAtStart: false, remove: false } : minifyText(node, state);
  if (node.type !== 'element' && node.type !== 'root') return { stripAtStart: false, remove: false };
  const block = node.type === 'root' || BLOCKS.has(node.tagName);
  const settings: MinifyState = {
    before: block ? true : state.before,
    after: block ? true : state.after,
    pre: state.pre || (node.type === 'element' && node.tagName === 'pre'),
  };
  return minifyChildren(node, settings);
}

function minifyChildren(parent: HastRoot | Element, state: MinifyState): MinifyResult {
  let before = state.before;
  const children: HastContent[] = parent.children;
  // What follows each child, found in one pass from the end: the library scans the siblings again for every
  // child, which is quadratic in a run of thousands of empty inline elements.
  const followedBy = boundariesAfter(children);
  for (let index = 0, original = 0; index < children.length; index += 1, original += 1) {
    const result = minify(children[index]!, { ...state, after: followedBy[original] ?? state.after, before });
    if (result.remove) {
      children.splice(index, 1);
      index -= 1;
    } else before = result.stripAtStart;
    const current = children[index];
    if (current?.type === 'element' && current.tagName === 'img') before = false;
  }
  return { stripAtStart: before || state.after, remove: false };
}

/**
 * For each node, whether whitespace at its end may go because of what follows it among nodes: the first later
 * sibling that decides it (a block: yes; content: no), or undefined when none does (the library's collapsableAfter).
 */
function boundariesAfter(nodes: HastContent[]): Array<boolean | undefined> {
  const result = new Array<boolean | undefined>(nodes.length);
  let next: boolean | undefined;
  for (let index = nodes.length - 1; index >= 0; index -= 1) {
    result[index] = next;
    const boundary = boundaryOf(nodes[index]!);
    if (boundary !== undefined) next = boundary;
  }
  return result;
}

/** What a node decides for whitespace before it: a block follows (true), content follows (false), or neither. */
function boundaryOf(node: HastContent): boolean | undefined {
  if (node.type === 'text') return isWhitespace(node.value) ? undefined : false;
  if (node.type !== 'element') return false;
  if (node.tagName === 'img') return false;
  if (BLOCKS.has(node.tagName)) return true;
  for (const child of node.children) {
    const boundary = boundaryOf(child);
    if (boundary !== undefined) return boundary;
  }
  return undefined;
}

function minifyText(node: HastText, state: MinifyState): MinifyResult {
  // most text needs no collapsing: test before building a new string
  const value = /[\t\n\v\f\r]| {2}/.test(node.value) ? node.value.replace(/[\t\n\v\f\r ]+/g, ' ') : node.value;
  const result: MinifyResult = { stripAtStart: false, remove: false };
  let start = 0;
  let end = value.length;
  if (state.before && value.charAt(0) === ' ') start += 1;
  if (start !== end && value.charAt(end - 1) === ' ') {
    if (state.after) end -= 1;
    else result.stripAtStart = true;
  }
  if (start === end) result.remove = true;
  else node.value = value.slice(start, end);
  return result;
}

// ---- handlers: hast-util-to-mdast's, for these elements

type Converted = RootContent | RootContent[] | undefined;

function all(parent: Element | HastRoot, pre: PreHandler): RootContent[] {
  const results: RootContent[] = [];
  for (const child of parent.children) {
    const result = one(child, pre);
    if (Array.isArray(result)) results.push(...result);
    else if (result) results.push(result);
  }
  return results;
}

function one(node: HastContent, pre: PreHandler): Converted {
  if (node.type === 'text') return { type: 'text', value: node.value };
  if (node.type !== 'element') return undefined;
  const properties = node.properties;
  switch (node.tagName) {
    case 'p': {
      const children = dropSurroundingBreaks(all(node, pre) as PhrasingContent[]);
      return children.length > 0 ? { type: 'paragraph', children } : undefined;
    }
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return { type: 'heading', depth: Number(node.tagName.charAt(1)) as 1, children: dropSurroundingBreaks(all(node, pre) as PhrasingContent[]) };
    case 'blockquote':
      return { type: 'blockquote', children: wrap(all(node, pre)) as BlockContent[] };
    case 'ul': case 'ol': {
      const ordered = node.tagName === 'ol';
      let start: number | null = null;
      if (ordered) {
        start = Number.parseInt(String(properties['start']), 10);
        if (Number.isNaN(start)) start = 1;
      }
      // Only <li> children survive minifying (whitespace between them is removed), so each is a listItem.
      const children = all(node, pre) as Extract<RootContent, { type: 'listItem' }>[];
      return { type: 'list', ordered, start, spread: children.length > 1 && children.some((item) => item.spread), children };
    }
    case 'li':
      return { type: 'listItem', spread: spreadOut(node), checked: null, children: wrap(all(node, pre)) as BlockContent[] };
    case 'pre':
      return pre(node);
    case 'hr':
      return { type: 'thematicBreak' };
    case 'table':
      return table(node, pre);
    case 'tr':
      // only cells survive minifying (whitespace between them is removed)
      return { type: 'tableRow', children: all(node, pre) as TableCell[] };
    case 'td': case 'th':
      return { type: 'tableCell', children: all(node, pre) as PhrasingContent[] };
    case 'br':
      return { type: 'break' };
    case 'strong': case 'b':
      return { type: 'strong', children: all(node, pre) as PhrasingContent[] };
    case 'em': case 'i':
      return { type: 'emphasis', children: all(node, pre) as PhrasingContent[] };
    case 'del': case 's':
      return { type: 'delete', children: all(node, pre) as PhrasingContent[] };
    case 'code': case 'kbd':
      return { type: 'inlineCode', value: toText(node) };
    case 'a': {
      // opsdeck's handler: a link whose URL the sanitiser removed is just its text
      const href = properties['href'];
      if (typeof href !== 'string') return all(node, pre);
      return { type: 'link', url: href, title: collapse(properties['title']) || null, children: all(node, pre) as PhrasingContent[] };
    }
    case 'img': {
      // opsdeck's handler: an image whose URL the sanitiser removed is dropped
      const src = properties['src'];
      if (typeof src !== 'string') return undefined;
      return { type: 'image', url: src, title: collapse(properties['title']) || null, alt: collapse(properties['alt']) };
    }
    default: // span, ins, thead, tbody, tfoot: their content
      return all(node, pre);
  }
}

/**
 * The library's table handler for plain tables: rows padded with empty cells to the widest, column alignment
 * from the first cell of each column that sets one, and an empty head row when no `<th>` in the first row or
 * `<thead>` gives the table a head.
 */
function table(node: Element, pre: PreHandler): Table {
  const align: Table['align'] = [null];
  let headless = true;
  let rowIndex = 0;
  let cellIndex = 0;
  const inspect = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'th' || child.tagName === 'td') {
        if (!align[cellIndex]) {
          const value = String(child.properties['align'] || '') || null;
          if (value === 'center' || value === 'left' || value === 'right' || value === null) align[cellIndex] = value;
        }
        if (headless && rowIndex < 2 && child.tagName === 'th') headless = false;
        cellIndex += 1;
      } else if (child.tagName === 'thead') headless = false;
      else if (child.tagName === 'tr') {
        rowIndex += 1;
        cellIndex = 0;
      }
      inspect(child);
    }
  };
  inspect(node);
  // only rows survive minifying (whitespace between them is removed)
  const rows = all(node, pre) as TableRow[];
  if (headless) rows.unshift({ type: 'tableRow', children: [] });
  const columns = Math.max(1, ...rows.map((row) => row.children.length));
  for (const row of rows) while (row.children.length < columns) row.children.push({ type: 'tableCell', children: [] });
  while (align.length < columns) align.push(null);
  return { type: 'table', align, children: rows };
}

/** collapse-white-space in html style with trimming, as the library's a/img handlers use it. */
function collapse(value: unknown): string {
  return String(value || '').replace(/[\t\n\v\f\r ]+/g, ' ').replace(/^ | $/g, '');
}

function dropSurroundingBreaks(nodes: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && nodes[start]!.type === 'break') start += 1;
  while (end > start && nodes[end - 1]!.type === 'break') end -= 1;
  return start === 0 && end === nodes.length ? nodes : nodes.slice(start, end);
}

/** Whether a list item is loose: it holds a `<p>`, or more than one block (hast-util-to-mdast's spreadout). */
function spreadOut(node: Element): boolean {
  let seenFlow = false;
  for (const child of node.children) {
    if (child.type !== 'element' || INLINE_ELEMENTS.has(child.tagName)) continue;
    if (child.tagName === 'p' || seenFlow || spreadOut(child)) return true;
    seenFlow = true;
  }
  return false;
}

/** Runs of phrasing become paragraphs (none when only whitespace); flow stays (the library's wrap, no straddling here). */
function wrap(nodes: RootContent[]): RootContent[] {
  const result: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.length > 0 && !run.every((node) => node.type === 'text' && isWhitespace(node.value))) {
      result.push({ type: 'paragraph', children: dropSurroundingBreaks(run) });
    }
    run = [];
  };
  for (const node of nodes) {
    if (MDAST_PHRASING.has(node.type)) run.push(node as PhrasingContent);
    else {
      flush();
      result.push(node);
    }
  }
  flush();
  return result;
}

// ---- toMdast's final pass: merge adjacent text, trim text at the edges of paragraphs, headings and the root

function cleanTexts(parent: Parent): void {
  const children = parent.children as Nodes[];
  const trims = parent.type === 'heading' || parent.type === 'paragraph' || parent.type === 'root';
  for (let index = 0; index < children.length; ) {
    const node = children[index]!;
    if (node.type !== 'text') {
      if ('children' in node) cleanTexts(node);
      index += 1;
      continue;
    }
    const previous = children[index - 1];
    if (previous?.type === 'text') {
      previous.value += node.value;
      children.splice(index, 1);
      index -= 1;
      continue;
    }
    // the same replacements as the library, each only where it can change something (most text has no line break)
    if (/[\r\n]/.test(node.value)) node.value = node.value.replace(/[\t ]*(\r?\n|\r)[\t ]*/, '$1');
    if (trims) {
      if (index === 0 && /^[\t ]/.test(node.value)) node.value = node.value.replace(/^[\t ]+/, '');
      if (index === children.length - 1 && /[\t ]$/.test(node.value)) node.value = node.value.replace(/[\t ]+$/, '');
    }
    if (node.value === '') children.splice(index, 1);
    else index += 1;
  }
}

/**
 * The mdast hast-util-to-mdast would make of a sanitised tree (with opsdeck's a, img and pre handlers), or
 * undefined when the tree holds anything but the elements above, in which case the tree is left untouched.
 * Otherwise the tree's whitespace is minified in place, as the library does to its copy.
 */
export function simpleToMdast(tree: HastRoot, pre: PreHandler): Root | undefined {
  if (!supported(tree)) return undefined;
  minify(tree, { before: true, after: true, pre: false });
  const root: Root = { type: 'root', children: wrap(all(tree, pre)) };
  cleanTexts(root);
  return root;
}
