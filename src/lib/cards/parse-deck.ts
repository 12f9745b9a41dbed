import type { Heading, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CardSchema, type Card } from '../../schemas/card.ts';
import { splitAttributes, type HeadingAttributes } from './attributes.ts';
import { cardId, localIdFromQuestion } from './card-id.ts';
import { plainText } from './plain-text.ts';

/** A deck body parsed into its cards. */
export interface ParsedDeck {
  /** Markdown before the first topic or card, shown above the cards. */
  intro: string;
  /** Topics in order of appearance, with the anchor they link back to. */
  topics: { name: string; source?: string }[];
  cards: Card[];
}

/** Where a deck body comes from, for ids and error messages. */
export interface DeckLocation {
  /** Path of the deck file, as shown in errors. */
  file: string;
  /** Deck id (the file name without `.md`); card ids start with it. */
  deckId: string;
  /** Line of the file the body starts on (1-based), i.e. the line after the frontmatter. @default 1 */
  firstLine?: number;
}

/** Every problem of one deck file, one `file:line: message` per line. */
export class DeckFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid flashcard deck:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'DeckFormatError';
  }
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** A card while its answer is being collected. */
interface OpenCard {
  heading: Heading;
  question: string;
  attributes: HeadingAttributes;
  topic?: { name: string; source?: string };
  answer: RootContent[];
}

/**
 * Parses a deck body: `## Topic` sections holding `### Question` cards, each answered by the Markdown below it
 * until the next `##`/`###`. Throws a DeckFormatError naming the file and line of every bad card.
 */
export function parseDeck(body: string, location: DeckLocation): ParsedDeck {
  const root = parser.parse(body) as Root;
  const lineOf = (node: { position?: { start: { line: number } } | undefined }) => (node.position?.start.line ?? 1) + (location.firstLine ?? 1) - 1;
  const problems: string[] = [];
  const report = (node: RootContent, message: string) => problems.push(`${location.file}:${lineOf(node)}: ${message}`);
  const sliceOf = (nodes: RootContent[]) =>
    nodes.length ? body.slice(nodes[0]!.position!.start.offset, nodes.at(-1)!.position!.end.offset).trim() : '';

  const intro: RootContent[] = [];
  const topics: ParsedDeck['topics'] = [];
  const drafts: OpenCard[] = [];
  let topic: ParsedDeck['topics'][number] | undefined;
  let card: OpenCard | undefined;

  for (const node of root.children) {
    if (node.type === 'heading' && node.depth <= 3) {
      card = undefined;
      const heading = readHeading(node, body);
      if (typeof heading === 'string') {
        report(node, heading);
        // The text below a rejected card heading is its answer, not stray text to report again.
        if (node.depth === 3) card = { heading: node, question: '', attributes: {}, answer: [] };
        continue;
      }
      if (node.depth === 1) {
        report(node, 'a deck has no `#` headings: the title is in the frontmatter, topics are `##` and cards `###`');
      } else if (node.depth === 2) {
        if (heading.attributes.id || heading.attributes.kind) report(node, 'a topic takes only `source=`; `#id`, `.open` and `.term` go on `###` card headings');
        topic = { name: heading.text, ...(heading.attributes.source ? { source: heading.attributes.source } : {}) };
        topics.push(topic);
      } else {
        card = { heading: node, question: heading.text, attributes: heading.attributes, ...(topic ? { topic } : {}), answer: [] };
        drafts.push(card);
      }
    } else if (card) {
      card.answer.push(node);
    } else if (topic) {
      report(node, `text under topic "${topic.name}" belongs to no card: start a card with \`### Question\` above it`);
    } else {
      intro.push(node);
    }
  }

  const cards: Card[] = [];
  const seen = new Map<string, number>();
  for (const draft of drafts) {
    const line = lineOf(draft.heading);
    const local = draft.attributes.id ?? localIdFromQuestion(draft.question);
    const candidate = {
      id: cardId(location.deckId, local),
      kind: draft.attributes.kind ?? 'qa',
      question: draft.question,
      answer: sliceOf(draft.answer),
      ...(draft.topic ? { topic: draft.topic.name } : {}),
      ...((draft.attributes.source ?? draft.topic?.source) ? { source: draft.attributes.source ?? draft.topic?.source } : {}),
      line,
    };
    const parsed = CardSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${location.file}:${line}: card "${draft.question}": ${issue.path.join('.') || 'card'}: ${issue.message}`);
      continue;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier !== undefined) {
      problems.push(`${location.file}:${line}: card "${draft.question}" has the same id \`${local}\` as the card on line ${earlier}: give one of them an explicit \`{#id}\``);
      continue;
    }
    seen.set(parsed.data.id, line);
    cards.push(parsed.data);
  }
  if (problems.length) throw new DeckFormatError(problems);
  return { intro: sliceOf(intro), topics, cards };
}

/** A heading's plain text and trailing attributes, or an error message. */
function readHeading(node: Heading, body: string): { text: string; attributes: HeadingAttributes } | string {
  const first = node.children[0];
  const last = node.children.at(-1);
  const raw = first && last ? body.slice(first.position!.start.offset, last.position!.end.offset) : '';
  try {
    const { attributes, block } = splitAttributes(raw);
    const text = plainText(node).trim();
    const trimmedBlock = block.trim();
    return { text: (trimmedBlock && text.endsWith(trimmedBlock) ? text.slice(0, -trimmedBlock.length) : text).trim(), attributes };
  } catch (error) {
    return (error as Error).message;
  }
}
