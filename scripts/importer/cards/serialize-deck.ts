import type { Heading, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { formatAttributes, type HeadingAttributes } from '../../../src/lib/cards/attributes.ts';
import { localIdFromQuestion } from '../../../src/lib/cards/card-id.ts';
import type { ExtractedCard, Topic } from './extract-cards.ts';

const stringifier = unified().use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' }).use(remarkGfm);

/** Markdown of mdast blocks, with headings pushed below `###` so they stay inside the card's answer. */
function markdownOf(nodes: RootContent[]): string {
  const root: Root = { type: 'root', children: nodes.map(demoteHeadings) };
  return String(stringifier.stringify(root)).trim();
}

function demoteHeadings(node: RootContent): RootContent {
  if (node.type === 'heading') return { ...node, depth: Math.max(node.depth, 4) as Heading['depth'] };
  return node;
}

/** A `##`/`###` heading with escaped text and a trailing attribute block. */
function headingLine(depth: 2 | 3, text: string, attributes: HeadingAttributes): string {
  return markdownOf([{ type: 'paragraph', children: [{ type: 'text', value: text }] }]).replace(/^/, `${'#'.repeat(depth)} `) + formatAttributes(attributes);
}

/** The question text a card is keyed by. */
function questionOf(card: ExtractedCard): string {
  return card.kind === 'term' ? card.term.term : card.question;
}

/**
 * Writes extracted cards in the deck format: cards grouped under `## Topic {source=#anchor}` headings in post order,
 * each card a `### Question` with its answer below; `.open` and `.term` mark the other kinds, and a card whose
 * question repeats an earlier one gets an explicit `{#id-2}` so every id stays unique.
 */
export function serializeCards(cards: ExtractedCard[]): string {
  const parts: string[] = [];
  const usedIds = new Set<string>();
  let topic: Topic | undefined;
  for (const card of cards) {
    if (card.topic && card.topic !== topic) {
      topic = card.topic;
      parts.push(headingLine(2, topic.name, { source: `#${topic.anchor}` }));
    }
    const question = questionOf(card);
    const attributes: HeadingAttributes = {};
    const derived = localIdFromQuestion(question);
    let local = derived;
    for (let n = 2; usedIds.has(local); n++) local = `${derived}-${n}`;
    usedIds.add(local);
    if (local !== derived) attributes.id = local;
    if (card.kind !== 'qa') attributes.kind = card.kind;
    if (card.kind !== 'term' && card.anchor && card.anchor !== card.topic?.anchor) attributes.source = `#${card.anchor}`;
    parts.push(headingLine(3, question, attributes));
    if (card.kind === 'qa') parts.push(markdownOf(card.answer));
    if (card.kind === 'term') {
      const definition = markdownOf(card.blocks ?? [{ type: 'paragraph', children: [{ type: 'text', value: card.term.definition }] }]);
      parts.push(card.term.pronunciation ? `${definition}\n\nPronounced _${card.term.pronunciation}_.` : definition);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
