import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { plainText } from '../../src/lib/cards/plain-text.ts';
import type { DeckInput } from '../../src/schemas/deck.ts';
import { countAnswerCandidates } from './cards/answer-candidates.ts';
import { extractCards, type Extraction } from './cards/extract-cards.ts';
import { serializeCards } from './cards/serialize-deck.ts';
import { slugify } from './slugs.ts';
import { toUnits } from './cards/units.ts';
import type { FileDraft } from './types.ts';

/** The post a deck is extracted from. */
export interface DeckSourcePost {
  /** The post's source id (`source.id` in its frontmatter); the deck is keyed `deck:<id>` and links to the post by it. */
  id: string;
  /** Post title; becomes the deck title. */
  title: string;
  /** The post body as Markdown (what the importer writes to content/posts/). */
  markdown: string;
  /** Permalink of the original post. */
  url?: string;
}

/** Fewest answered questions or terms that make a deck. */
const MIN_ANSWERED = 3;
/** Share of the post's text that answered questions and terms must cover for Q&A to dominate the post. */
const MIN_COVERAGE = 0.6;

const parser = unified().use(remarkParse).use(remarkGfm);

/** Finds the cards of a post already parsed to mdast. */
function analyseTree(root: Root): Extraction {
  // The same slugs, in the same order, as rehypeHeadingIds gives the rendered post's headings.
  const slugger = new GithubSlugger();
  return extractCards(toUnits(root, (heading) => slugger.slug(plainText(heading))));
}

/** Whether a post's question/answer structure dominates it, so that it is an interview guide or FAQ worth a deck. */
export function isDeckWorthy({ cards, coveredChars, totalChars }: Extraction): boolean {
  const answered = cards.filter((card) => card.kind !== 'open').length;
  return answered >= MIN_ANSWERED && totalChars > 0 && coveredChars / totalChars >= MIN_COVERAGE;
}

/**
 * The cards of a post when they make a deck, else undefined. Nearly all posts have fewer than MIN_ANSWERED units
 * that could even be an answered card; countAnswerCandidates bounds the answered cards from above, so those posts
 * are rejected without the full extraction, which is exactly what isDeckWorthy would decide for them.
 */
function deckExtraction(root: Root): Extraction | undefined {
  if (countAnswerCandidates(root, MIN_ANSWERED) < MIN_ANSWERED) return undefined;
  const extraction = analyseTree(root);
  return isDeckWorthy(extraction) ? extraction : undefined;
}

/**
 * Extracts a flashcard deck from an imported post, or returns null when question/answer structure does not dominate
 * the post (so rhetorical questions in ordinary posts never become cards). Works on the Markdown every importer
 * produces, so plain-text archives, feeds and HTML pages all go through it.
 *
 * `tree` is the mdast the Markdown was just written from, when the caller has it: most posts are no deck, and
 * deciding that on the tree in hand saves parsing the Markdown again (as costly as the HTML conversion itself).
 * A post the tree finds deck-worthy is still extracted from its parsed Markdown, so decks are exactly what the
 * Markdown says.
 */
export function extractDeck(post: DeckSourcePost, tree?: Root): FileDraft | null {
  if (tree !== undefined && deckExtraction(tree) === undefined) return null;
  const extraction = deckExtraction(parser.parse(post.markdown) as Root);
  if (extraction === undefined) return null;
  const frontmatter: DeckInput = { title: post.title, post: post.id, ...(post.url ? { url: post.url } : {}) };
  return {
    collection: 'cards',
    sourceId: `deck:${post.id}`,
    slug: slugify(post.title),
    frontmatter,
    body: serializeCards(extraction.cards),
  };
}
