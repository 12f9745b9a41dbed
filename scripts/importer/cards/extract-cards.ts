import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { plainText } from '../../../src/lib/cards/plain-text.ts';
import { ANSWER_PREFIX, readQuestion, withoutEnumeration, type QuestionText } from './questions.ts';
import { parseTermLine, readGlossary, type TermDefinition } from './terms.ts';
import { itemLine, leadText, type Unit } from './units.ts';

/** The section of the post a card sits in. */
export interface Topic {
  /** Heading text without its enumeration. */
  name: string;
  /** Id of the heading in the rendered post. */
  anchor: string;
}

/** A card found in a post, before it is written as deck Markdown. */
export type ExtractedCard =
  | { kind: 'qa'; question: string; answer: RootContent[]; topic?: Topic; anchor?: string }
  | { kind: 'open'; question: string; topic?: Topic; anchor?: string }
  /** A glossary term; `blocks` holds the definition when it came as Markdown blocks (a definition list). */
  | { kind: 'term'; term: TermDefinition; blocks?: RootContent[]; topic?: Topic };

/** The cards of a post, and how much of the post's text they cover (the measure of "Q&A dominates"). */
export interface Extraction {
  cards: ExtractedCard[];
  /** Characters of text in answered question/answer units and glossary lines. */
  coveredChars: number;
  /** Characters of text in the whole post. */
  totalChars: number;
}

/**
 * Most characters one card adds to the coverage: a flashcard answer is a paragraph or three, so a question followed
 * by pages of prose (a rhetorical question in an essay) counts as one card's worth, not as the pages.
 */
const MAX_CARD_CHARS = 1000;

/** How a question was marked, which decides what ends its answer. */
type Mode = 'heading' | 'item' | 'paragraph';

interface Draft {
  question: QuestionText;
  mode: Mode;
  /** Heading depth, for heading questions: deeper headings belong to the answer. */
  depth: number;
  /** Whether blocks after the question's list belong to it (only when the list holds this one item). */
  takesTrailingBlocks: boolean;
  /** Answer blocks; list items remember their list, so runs of items become one list again. */
  answer: { node: RootContent; list?: List }[];
  chars: number;
  topic?: Topic;
  anchor?: string;
}

/** Walks a post's units and collects its cards: answered questions, open questions and glossary terms. */
export function extractCards(units: Unit[]): Extraction {
  const cards: ExtractedCard[] = [];
  let covered = 0;
  let topic: Topic | undefined;
  let draft: Draft | undefined;
  /** Items of glossary lists that are term definitions; the list's other items are read as usual. */
  const glossaryItems = new Map<ListItem, { term: TermDefinition; blocks?: RootContent[] }>();
  const collectGlossary = (list: List) => {
    if (readGlossary(list.children.map(itemLine))) {
      for (const item of list.children) {
        const term = parseTermLine(itemLine(item));
        if (term) glossaryItems.set(item, { term });
      }
    } else if (isDefinitionList(list)) {
      for (const item of list.children) {
        const lead = leadText(item);
        const blocks = item.children.slice(1) as RootContent[];
        if (blocks.length && !readQuestion(lead)) glossaryItems.set(item, { term: { term: lead, definition: blocks.map(plainText).join(' ') }, blocks });
      }
    }
  };
  const questionDepths = depthsWithQuestionHeadings(units);

  const close = () => {
    if (!draft) return;
    const answer = draft.question.inlineAnswer ? [{ node: paragraphOf(draft.question.inlineAnswer) }, ...draft.answer] : draft.answer;
    const place = { ...(draft.topic ? { topic: draft.topic } : {}), ...(draft.anchor ? { anchor: draft.anchor } : {}) };
    if (answer.length) cards.push({ kind: 'qa', question: draft.question.question, answer: regroupListItems(answer), ...place });
    else cards.push({ kind: 'open', question: draft.question.question, ...place });
    // Open questions are question structure too; an answer counts at most one flashcard's worth.
    covered += Math.min(draft.chars, MAX_CARD_CHARS);
    draft = undefined;
  };
  const start = (question: QuestionText, mode: Mode, unit: Unit, extra: Partial<Draft> = {}) => {
    close();
    draft = { question, mode, depth: 0, takesTrailingBlocks: true, answer: [], chars: unit.text.length, ...(topic ? { topic } : {}), ...extra };
  };
  const addTerms = (terms: { term: TermDefinition; blocks?: RootContent[] }[], chars: number) => {
    close();
    for (const { term, blocks } of terms) cards.push({ kind: 'term', term, ...(blocks ? { blocks } : {}), ...(topic ? { topic } : {}) });
    covered += chars;
  };

  units.forEach((unit, position) => {
    if (unit.kind === 'heading') {
      const question = questionDepths.has(unit.depth) ? readQuestion(unit.text) : undefined;
      // A sub-heading inside the answer to a question heading is part of that answer.
      if (draft?.mode === 'heading' && unit.depth > draft.depth && !question) return answerWith(unit.node, unit.text);
      close();
      if (question) start(question, 'heading', unit, { depth: unit.depth, anchor: unit.anchor });
      else topic = { name: withoutEnumeration(unit.text) || unit.text, anchor: unit.anchor };
      return;
    }

    if (unit.kind === 'item') {
      if (unit.index === 0) collectGlossary(unit.list);
      const term = glossaryItems.get(unit.node);
      if (term) return addTerms([term], unit.text.length);
      const question = readQuestion(leadText(unit.node));
      if (question) {
        start(question, 'item', unit, { takesTrailingBlocks: takesTrailingBlocks(unit.list, unit.index) });
        draft!.answer.push(...unit.node.children.slice(1).map((node) => ({ node })));
        return;
      }
      // A bullet that is no question is a peer of a bulleted question: it ends that question's answer.
      if (draft?.mode === 'item') return close();
      if (draft) return answerWith(unit.node, unit.text, unit.list);
      return;
    }

    const node = unit.node;
    if (node.type === 'paragraph') {
      const glossary = readGlossary(plainText(node).split('\n'));
      // The whole paragraph counts as glossary, lead-in line included.
      if (glossary) return addTerms(glossary.map((term) => ({ term })), unit.text.length);
      const question = readQuestion(unit.text);
      if (question) return start(question, 'paragraph', unit);
    }
    if (!draft) return;
    if (draft.mode === 'item' && !draft.takesTrailingBlocks) return close();
    // A pull quote or a rule after an answer closes it; a paragraph ending in ":" introduces what follows, not what precedes.
    if (node.type === 'blockquote' && draft.answer.length) return close();
    if (node.type === 'thematicBreak') return close();
    if (node.type === 'paragraph' && unit.text.endsWith(':') && units[position + 1]?.kind !== 'block' && draft.answer.length) return close();
    answerWith(node.type === 'paragraph' ? withoutAnswerPrefix(node) : node, unit.text);
  });
  close();

  const totalChars = units.reduce((sum, unit) => sum + unit.text.length, 0);
  return { cards, coveredChars: covered, totalChars };

  function answerWith(node: RootContent, text: string, list?: List): void {
    draft!.answer.push(list ? { node, list } : { node });
    draft!.chars += text.length;
  }
}

/** Share of a level's headings that must be questions for them to be cards (a FAQ), not rhetorical section titles. */
const MIN_QUESTION_HEADINGS = 2 / 3;

/** Heading depths at which question headings dominate: in a FAQ every section is a question, in an essay a few are. */
function depthsWithQuestionHeadings(units: Unit[]): Set<number> {
  const counts = new Map<number, { all: number; questions: number }>();
  for (const unit of units) {
    if (unit.kind !== 'heading') continue;
    const count = counts.get(unit.depth) ?? { all: 0, questions: 0 };
    count.all += 1;
    if (readQuestion(unit.text)) count.questions += 1;
    counts.set(unit.depth, count);
  }
  return new Set([...counts].filter(([, count]) => count.questions >= count.all * MIN_QUESTION_HEADINGS).map(([depth]) => depth));
}

/**
 * Whether the blocks after a list are the answer to its item at `index`: only for the list's last item, and not when
 * that item ends a run of questions (blocks after a list of questions answer none of them in particular).
 */
function takesTrailingBlocks(list: List, index: number): boolean {
  if (index !== list.children.length - 1) return false;
  const previous = list.children[index - 1];
  return !previous || !readQuestion(leadText(previous));
}

/** Longest lead of a definition-list item that still reads as a term. */
const MAX_TERM_LEAD = 80;
/** Share of a list's items that must be term + definition for the list to be a definition list. */
const MIN_DEFINED_SHARE = 2 / 3;

/**
 * Whether a list is definition-style (what an HTML `<dl>` becomes): at least two items, and two thirds of them a short
 * lead paragraph (a term, no sentence) followed by the blocks that define it.
 */
function isDefinitionList(list: List): boolean {
  const defined = list.children.filter((item) => {
    const lead = leadText(item);
    return item.children.length >= 2 && lead.length > 0 && lead.length <= MAX_TERM_LEAD && !/[.!:;,]$/.test(lead);
  });
  return list.children.length >= 2 && defined.length >= list.children.length * MIN_DEFINED_SHARE;
}

/** A paragraph holding one text. */
function paragraphOf(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** A paragraph without its leading `A:` / `Answer:` marker, plain (`A: …`) or bold (`**A:** …`). */
function withoutAnswerPrefix(node: Paragraph): Paragraph {
  const [first, ...rest] = node.children;
  if (first?.type === 'text' && ANSWER_PREFIX.test(first.value)) return { ...node, children: [{ ...first, value: first.value.replace(ANSWER_PREFIX, '') }, ...rest] };
  if ((first?.type === 'strong' || first?.type === 'emphasis') && ANSWER_PREFIX.test(plainText(first)) && plainText(first).replace(ANSWER_PREFIX, '') === '') {
    const next = rest[0];
    return { ...node, children: next?.type === 'text' ? [{ ...next, value: next.value.trimStart() }, ...rest.slice(1)] : rest };
  }
  return node;
}

/** Puts list items collected one by one back into lists: one list per run of items from the same source list. */
function regroupListItems(blocks: { node: RootContent; list?: List }[]): RootContent[] {
  const out: RootContent[] = [];
  let run: { source: List; list: List } | undefined;
  for (const { node, list } of blocks) {
    if (list && node.type === 'listItem') {
      if (run?.source !== list || out.at(-1) !== run.list) {
        run = { source: list, list: { ...list, children: [] } };
        out.push(run.list);
      }
      run.list.children.push(node);
    } else {
      out.push(node);
    }
  }
  return out;
}
