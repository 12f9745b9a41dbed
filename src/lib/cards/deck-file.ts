import { parse as parseYaml } from 'yaml';
import { DeckSchema, type Deck } from '../../schemas/deck.ts';
import { DeckFormatError, parseDeck, type ParsedDeck } from './parse-deck.ts';

/** Frontmatter fence at the very start of a file. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a deck file into its YAML frontmatter and body, with the line the body starts on. */
export function splitDeckFile(raw: string): { yaml: string; body: string; firstLine: number } {
  const match = FRONTMATTER.exec(raw);
  if (!match) return { yaml: '', body: raw, firstLine: 1 };
  return { yaml: match[1]!, body: raw.slice(match[0].length), firstLine: match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1) };
}

/** A whole deck file: frontmatter checked by DeckSchema, body parsed into cards. */
export interface DeckFile extends ParsedDeck {
  frontmatter: Deck;
}

/** Parses and validates a deck file; throws DeckFormatError naming the file and line of each problem. */
export function parseDeckFile(raw: string, file: string, deckId: string): DeckFile {
  const { yaml, body, firstLine } = splitDeckFile(raw);
  const frontmatter = DeckSchema.safeParse(parseYaml(yaml) ?? {});
  if (!frontmatter.success) {
    throw new DeckFormatError(frontmatter.error.issues.map((issue) => `${file}:1: frontmatter ${issue.path.join('.') || ''}: ${issue.message}`));
  }
  return { frontmatter: frontmatter.data, ...parseDeck(body, { file, deckId, firstLine }) };
}
