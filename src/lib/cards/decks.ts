import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Card } from '../../schemas/card.ts';
import { getPosts, type PostEntry } from '../posts.ts';
import { absoluteUrl, postPath } from '../urls.ts';
import { splitDeckFile } from './deck-file.ts';
import type { ExportCard } from './export-formats.ts';
import { parseDeck } from './parse-deck.ts';
import { renderCardMarkdown } from './render.ts';

/** A card ready for the pages: its answer rendered, its source resolved to a link. */
export interface CardView extends Card {
  /** Local id within the deck: the element id on the practice page. */
  localId: string;
  answerHtml: string;
  /** Link back to the card's section of its post (site path or URL). */
  sourceHref?: string;
}

/** A deck ready for the pages. */
export interface DeckView {
  id: string;
  title: string;
  description?: string;
  /** The post the deck belongs to, when it is on this site. */
  post?: PostEntry;
  /** Permalink of the original article. */
  url?: string;
  introHtml: string;
  topics: string[];
  cards: CardView[];
}

let decks: Promise<DeckView[]> | undefined;

/** Every deck in content/cards/, parsed and validated (a bad card fails the build with its file and line), by title. */
export function getDecks(): Promise<DeckView[]> {
  decks ??= loadDecks();
  return decks;
}

async function loadDecks(): Promise<DeckView[]> {
  const [entries, posts] = await Promise.all([getCollection('cards'), getPosts()]);
  return entries.map((entry) => toDeckView(entry, posts)).sort((a, b) => a.title.localeCompare(b.title));
}

function toDeckView(entry: CollectionEntry<'cards'>, posts: PostEntry[]): DeckView {
  const file = entry.filePath ?? `content/cards/${entry.id}.md`;
  const { body, firstLine } = splitDeckFile(readFileSync(resolve(file), 'utf8'));
  const parsed = parseDeck(body, { file, deckId: entry.id, firstLine });
  const { title, description, url } = entry.data;
  const post = entry.data.post ? posts.find((p) => p.id === entry.data.post || p.data.source?.id === entry.data.post) : undefined;
  const base = post ? postPath(post.id) : url;
  return {
    id: entry.id,
    title,
    ...(description ? { description } : {}),
    ...(post ? { post } : {}),
    ...(url ? { url } : {}),
    introHtml: renderCardMarkdown(parsed.intro),
    topics: parsed.topics.map((topic) => topic.name).filter((name) => parsed.cards.some((card) => card.topic === name)),
    cards: parsed.cards.map((card) => {
      const sourceHref = resolveSource(card.source, base);
      return { ...card, localId: card.id.slice(entry.id.length + 1), answerHtml: renderCardMarkdown(card.answer), ...(sourceHref ? { sourceHref } : {}) };
    }),
  };
}

/** A card's `source` as a link: `#anchor` resolves against the deck's post (or original URL). */
function resolveSource(source: string | undefined, base: string | undefined): string | undefined {
  if (!source) return base;
  if (!source.startsWith('#')) return source;
  return base ? `${base.replace(/#.*$/, '')}${source}` : undefined;
}

/** Path of a deck's practice page. */
export function deckPath(id: string): string {
  return `/cards/${id}/`;
}

/** A deck's cards in the shape the export files take. */
export function exportCards(deck: DeckView): ExportCard[] {
  return deck.cards.map((card) => ({
    id: card.id,
    deck: deck.title,
    kind: card.kind,
    question: card.question,
    answer: card.answer,
    answerHtml: card.answerHtml,
    ...(card.topic ? { topic: card.topic } : {}),
    ...(card.sourceHref ? { sourceUrl: absoluteUrl(card.sourceHref) } : {}),
  }));
}
