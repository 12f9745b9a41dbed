import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { extractDeck } from '../../scripts/importer/cards.ts';
import { parseTextArchive } from '../../scripts/importer/sources/text-archive.ts';
import { parseDeckFile } from '../../src/lib/cards/deck-file.ts';

/** Seed 002 as the archives importer reads it: the real Markdown of every post, never a hand-made copy. */
const SEED = join(import.meta.dirname, '../../content/sources/002_c732ab83688a24d9.txt');
const seedText = readFileSync(SEED, 'utf8');
const entries = parseTextArchive(seedText, { input: SEED }).entries;
const decks = entries.map((entry) => ({ entry, draft: extractDeck({ id: entry.guid ?? entry.title, title: entry.title, markdown: entry.content.value }) }));
const guide = decks.find(({ entry }) => entry.title === 'Cloud Operations Interview')!;
const deck = parseDeckFile(`---\n${stringify(guide.draft!.frontmatter)}---\n\n${guide.draft!.body}`, 'cloud-operations-interview.md', 'cloud-operations-interview');

/** The seed's lines between two markers, as the paragraphs a reader sees. */
function seedLinesBetween(start: string, end: string): string[] {
  const lines = seedText.split('\n');
  return lines.slice(lines.indexOf(start) + 1, lines.indexOf(end)).map((line) => line.trim());
}

/** Text without Markdown escapes and whitespace differences, to compare answers with the seed's prose. */
const normalise = (text: string) =>
  text.replace(/\\([\\`*_{}[\]()#+\-.!&<>])/g, '$1').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

describe('seed 002: Cloud Operations Interview', () => {
  const guideLines = seedLinesBetween('Cloud Operations Interview', 'AirBNB didn\'t have to fail');
  /** Every "o What …?" line of the guide followed by a prose paragraph: the questions the guide answers. */
  const answered = guideLines.flatMap((line, i) => {
    // Questions inside a run of bullet lines (the closing list) are answered by none of the prose after the run.
    if (!line.startsWith('o ') || !line.endsWith('?') || guideLines[i - 1]?.startsWith('o ')) return [];
    const answer: string[] = [];
    for (let j = i + 1; j < guideLines.length && !guideLines[j]!.startsWith('o ') && !/^\d+\. /.test(guideLines[j]!) && guideLines[j] !== '[quote]'; j++) {
      // A line ending in ":" right before the next bullets introduces them; it answers nothing above.
      const introducesList = guideLines[j]!.endsWith(':') && guideLines[j + 2]?.startsWith('o ');
      if (guideLines[j] && !introducesList) answer.push(guideLines[j]!);
    }
    return answer.length ? [{ question: line.slice(2), answer }] : [];
  });

  it('is the only post of the seed that gives a deck', () => {
    expect(decks.filter(({ draft }) => draft).map(({ entry }) => entry.title)).toEqual(['Cloud Operations Interview']);
  });

  it('the consulting post with its rhetorical questions gives no deck', () => {
    expect(decks.find(({ entry }) => entry.title === 'Why do people leave consulting?')!.draft).toBeNull();
  });

  it('makes every answered question a card with its full answer', () => {
    expect(answered.length).toBeGreaterThanOrEqual(19);
    for (const { question, answer } of answered) {
      const card = deck.cards.find((c) => c.question === question);
      expect(card, question).toBeDefined();
      expect(card!.kind).toBe('qa');
      // Every paragraph of the answer in the seed is in the card (links and promos between answers included).
      for (const paragraph of answer.filter((p) => !p.includes('http'))) expect(normalise(card!.answer)).toContain(normalise(paragraph));
    }
  });

  it('turns the command-line tools list into term cards', () => {
    const terms = deck.cards.filter((card) => card.kind === 'term');
    expect(terms.map((card) => card.question)).toEqual(['rsync', 'scp', 'curl', 'cron', 'ssh', 'ifconfig', 'vi/emacs', 'uptime', 'top', 'ps', '/var/log/messages']);
    expect(terms[0]!.answer).toContain('sync files between servers & do checksums to allow easy restarts');
    expect(terms[0]!.answer).toContain('our-sync');
    expect(terms.every((card) => card.topic === 'Solid unix systems administrator')).toBe(true);
  });

  it('makes the closing questions open cards', () => {
    const closing = guideLines.slice(guideLines.indexOf('Here are some questions to pique your interest:') + 1).filter((line) => line.startsWith('o ')).map((line) => line.slice(2));
    expect(closing).toHaveLength(10);
    const open = deck.cards.filter((card) => card.kind === 'open').map((card) => card.question);
    expect(open).toEqual(closing);
  });

  it('takes topics from the numbered section headings and links cards back to them', () => {
    const topics = new Set(deck.cards.map((card) => card.topic));
    expect([...topics]).toEqual(['Solid unix systems administrator', 'Cloud concepts']);
    expect(deck.cards.find((card) => card.question === 'What is multi-az?')!.source).toBe('#2-cloud-concepts');
  });

  it('keeps card ids stable across re-import', () => {
    const again = extractDeck({ id: guide.entry.guid ?? guide.entry.title, title: guide.entry.title, markdown: guide.entry.content.value })!;
    expect(again.body).toBe(guide.draft!.body);
    expect(deck.cards.find((card) => card.question === 'What is multi-az?')!.id).toBe('cloud-operations-interview/what-is-multi-az');
  });
});
