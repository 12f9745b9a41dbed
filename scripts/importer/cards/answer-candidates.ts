import type { List, Paragraph, Root } from 'mdast';
import { plainText } from '../../../src/lib/cards/plain-text.ts';
import { readQuestion } from './questions.ts';
import { readGlossary } from './terms.ts';
import { bulletParagraphItem, itemLine, leadText } from './units.ts';

/**
 * An upper bound on the answered cards (answered questions and glossary terms) that extractCards finds in a post,
 * read from the post's top-level nodes without what the full extraction costs (the text of every block, heading
 * slugs, the walk that pairs questions with answers). Counting stops once it reaches `enough`.
 *
 * Why it is a bound. toUnits turns each heading, each item of a top-level list, each typed-bullet paragraph (as the
 * only item of a list of its own) and each other block into one unit, and extractCards gets every answered card
 * from one unit:
 * - a question card from the unit that starts it: a heading whose text readQuestion accepts, an item whose lead
 *   readQuestion accepts, or a paragraph whose text readQuestion accepts (and that is no glossary). Each starts
 *   one draft, and a draft becomes at most one card;
 * - one term card from an item of a list that readGlossary reads as a glossary (one per term it finds), or from an
 *   item of a definition list, which has blocks after its lead and at least one sibling;
 * - the terms of a paragraph that readGlossary reads as a glossary, one card per term.
 * Other blocks start no card. Each of these is counted here with the same text and the same readers, so a unit is
 * counted at least as often as it yields answered cards; only the further conditions of extractCards (question
 * headings having to dominate their level, a draft needing an answer, …) are left out.
 */
export function countAnswerCandidates(root: Root, enough = Infinity): number {
  let count = 0;
  for (const node of root.children) {
    if (node.type === 'heading') {
      if (readQuestion(plainText(node).trim())) count += 1;
    } else if (node.type === 'list') {
      count += listCandidates(node);
    } else if (node.type === 'paragraph') {
      const bulletItem = bulletParagraphItem(node);
      // The only item of its list can be neither a glossary line (a glossary has several) nor a definition-list
      // entry (it has no sibling, and its one child is its lead): only a question.
      if (bulletItem) count += readQuestion(leadText(bulletItem)) ? 1 : 0;
      else count += paragraphCandidates(node);
    }
    if (count >= enough) break;
  }
  return count;
}

/** Answered cards a top-level list can give: its glossary's terms, definition-list entries and questions. */
function listCandidates(list: List): number {
  let count = readGlossary(list.children.map(itemLine))?.length ?? 0;
  const hasSiblings = list.children.length >= 2;
  for (const item of list.children) if ((hasSiblings && item.children.length >= 2) || readQuestion(leadText(item))) count += 1;
  return count;
}

/** Answered cards a paragraph can give: its glossary's terms, or one for a question. */
function paragraphCandidates(node: Paragraph): number {
  const text = plainText(node);
  // A glossary has several lines, and most paragraphs are one: don't split those (readGlossary would reject them).
  const glossary = text.includes('\n') ? readGlossary(text.split('\n')) : undefined;
  if (glossary) return glossary.length;
  return readQuestion(text.trim()) ? 1 : 0;
}
