import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { plainText } from '../../../src/lib/cards/plain-text.ts';

/**
 * A post body flattened into the units question/answer structure is made of: headings, list items (each item of
 * a top-level list is a unit of its own, so a bullet can be a question) and other top-level blocks.
 */
export type Unit =
  | { kind: 'heading'; node: Heading; text: string; depth: number; anchor: string }
  | { kind: 'item'; node: ListItem; list: List; index: number; text: string }
  | { kind: 'block'; node: RootContent; text: string };

/** Flattens the top level of a post; `anchorOf` gives each heading the id the rendered post will give it. */
export function toUnits(root: Root, anchorOf: (heading: Heading) => string): Unit[] {
  const units: Unit[] = [];
  for (const node of root.children) {
    if (node.type === 'heading') {
      units.push({ kind: 'heading', node, text: plainText(node).trim(), depth: node.depth, anchor: anchorOf(node) });
    } else if (node.type === 'list') {
      node.children.forEach((item, index) => units.push({ kind: 'item', node: item, list: node, index, text: plainText(item).trim() }));
    } else if (node.type === 'paragraph' && bulletParagraphItem(node)) {
      const item = bulletParagraphItem(node)!;
      const list: List = { type: 'list', ordered: false, spread: false, children: [item] };
      units.push({ kind: 'item', node: item, list, index: 0, text: plainText(item).trim() });
    } else {
      units.push({ kind: 'block', node, text: plainText(node).trim() });
    }
  }
  return units;
}

/** Text of a list item's first paragraph: the part that can be a question or a term. */
export function leadText(item: ListItem): string {
  const first = item.children[0];
  return first?.type === 'paragraph' ? plainText(first).trim() : '';
}

/** One line of text for a list item, as a glossary reads it: its lead, or its whole text when it has no lead. */
export function itemLine(item: ListItem): string {
  return leadText(item) || plainText(item).trim();
}

/** A bullet typed as text ("o ", "• ", "· ") at the start of a paragraph, as plain-text sources keep them. */
const TEXT_BULLET = /^(?:o|•|·|▪|◦)\s+(?=\S)/;

/** A paragraph that starts with a typed bullet, as the list item it stands for; undefined for other paragraphs. */
export function bulletParagraphItem(node: Paragraph): ListItem | undefined {
  const first = node.children[0];
  if (first?.type !== 'text' || !TEXT_BULLET.test(first.value)) return undefined;
  const paragraph: Paragraph = { ...node, children: [{ ...first, value: first.value.replace(TEXT_BULLET, '') }, ...node.children.slice(1)] };
  return { type: 'listItem', spread: false, children: [paragraph] };
}
