/**
 * Builds mdast from recognised items, making the decisions that need the whole post: numbered
 * lines are section headings when the post numbers its sections 1, 2, 3…; a short standalone line
 * is a heading only when text follows it; adjacent lists of the same kind are one list.
 */

import type { BlockContent, Code, List, ListItem, RootContent } from 'mdast';
import { classifyCode } from '../snippets.ts';
import type { TextItem } from './items.ts';
import { linesToPhrasing, toPhrasing } from './inline.ts';

/** Section headings sit one level below the post title. */
const SECTION_DEPTH = 2;

/** Whether the post's standalone numbered lines count 1, 2, 3… as its sections do. */
function numbersSections(items: readonly TextItem[]): boolean {
  const numbers = items.flatMap((item) => (item.kind === 'numbered-candidate' ? [item.number] : []));
  return numbers.length >= 2 && numbers.every((number, index) => number === index + 1);
}

/** Turns a code region into a fenced code block in the project's snippet form. */
function codeNode(lines: readonly string[]): Code {
  // No-break spaces in a saved <pre> would break copied commands.
  const classified = classifyCode(lines.join('\n').replace(/\u00A0/g, ' '));
  const node: Code = { type: 'code', lang: classified.lang, value: classified.code };
  if (classified.meta !== undefined) node.meta = classified.meta;
  return node;
}

function listNode(ordered: boolean, start: number, texts: readonly string[]): List {
  const items: ListItem[] = texts.map((text) => ({
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: toPhrasing(text) }],
  }));
  return ordered ? { type: 'list', ordered, start, spread: false, children: items } : { type: 'list', ordered, spread: false, children: items };
}

/**
 * Appends a list, joining it to the list right before it when that list used the same marker
 * (and, for ordered lists, this one continues its numbering).
 */
function pushList(nodes: RootContent[], list: List, symbol: string, symbols: WeakMap<List, string>): void {
  const previous = nodes.at(-1);
  const continues =
    previous?.type === 'list' &&
    symbols.get(previous) === symbol &&
    (!list.ordered || (previous.start ?? 1) + previous.children.length === (list.start ?? 1));
  if (continues) {
    previous.children.push(...list.children);
    return;
  }
  symbols.set(list, symbol);
  nodes.push(list);
}

/** Builds the mdast children for a post (or a quote) from its items. */
export function assemble(items: readonly TextItem[]): RootContent[] {
  const sections = numbersSections(items);
  const nodes: RootContent[] = [];
  const symbols = new WeakMap<List, string>();
  items.forEach((item, index) => {
    switch (item.kind) {
      case 'paragraph':
        nodes.push({ type: 'paragraph', children: linesToPhrasing(item.lines) });
        break;
      case 'heading':
        nodes.push({ type: 'heading', depth: SECTION_DEPTH, children: toPhrasing(item.text) });
        break;
      case 'heading-candidate': {
        const next = items[index + 1];
        const heads = next !== undefined && next.kind !== 'heading' && next.kind !== 'heading-candidate';
        nodes.push(
          heads
            ? { type: 'heading', depth: SECTION_DEPTH, children: toPhrasing(item.text) }
            : { type: 'paragraph', children: toPhrasing(item.text) },
        );
        break;
      }
      case 'numbered-candidate':
        if (sections) nodes.push({ type: 'heading', depth: SECTION_DEPTH, children: toPhrasing(item.line) });
        else pushList(nodes, listNode(true, item.number, [item.text]), item.symbol, symbols);
        break;
      case 'list':
        pushList(nodes, listNode(item.ordered, item.start, item.items), item.symbol, symbols);
        break;
      case 'code':
        nodes.push(codeNode(item.lines));
        break;
      case 'quote':
        nodes.push({ type: 'blockquote', children: assemble(item.items) as BlockContent[] });
        break;
    }
  });
  return nodes;
}
