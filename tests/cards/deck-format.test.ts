import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../src/lib/cards/deck-file.ts';
import { ankiText, cardsCsv, type ExportCard } from '../../src/lib/cards/export-formats.ts';
import { DeckFormatError } from '../../src/lib/cards/parse-deck.ts';

const EXAMPLE = join(import.meta.dirname, '../../content/cards/ops-basics.md');

/** The problems a deck file is rejected with. */
function problemsOf(raw: string): string[] {
  try {
    parseDeckFile(raw, 'content/cards/bad.md', 'bad');
  } catch (error) {
    if (error instanceof DeckFormatError) return error.problems;
    throw error;
  }
  return [];
}

describe('hand-written deck format', () => {
  it('parses the example deck: topics, kinds, explicit ids and line numbers', () => {
    const deck = parseDeckFile(readFileSync(EXAMPLE, 'utf8'), EXAMPLE, 'ops-basics');
    expect(deck.frontmatter.post).toBe('welcome');
    expect(deck.topics.map((t) => t.name)).toEqual(['Unix', 'Cloud']);
    expect(deck.cards.map((c) => [c.id, c.kind, c.topic])).toEqual([
      ['ops-basics/what-does-rsync-do-that-scp-does-not', 'qa', 'Unix'],
      ['ops-basics/load-average', 'qa', 'Unix'],
      ['ops-basics/journaling', 'term', 'Unix'],
      ['ops-basics/what-is-multi-az', 'qa', 'Cloud'],
      ['ops-basics/when-would-you-choose-a-managed-database-over-running-your-own', 'open', 'Cloud'],
    ]);
    expect(deck.cards[0]!.answer).toContain('```console');
    const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
    for (const card of deck.cards) expect(lines[card.line - 1]).toMatch(/^### /);
  });

  it('names the file and line of every bad card', () => {
    const raw = ['---', 'title: Bad', '---', '', '## Topic', '', 'stray text', '', '### No answer here?', '', '### Open with answer {.open}', '', 'An answer.', '', '### Weird {.bogus}', '', 'x', '', '### Twice', '', 'a', '', '### Twice', '', 'b', ''].join('\n');
    expect(problemsOf(raw)).toEqual([
      'content/cards/bad.md:7: text under topic "Topic" belongs to no card: start a card with `### Question` above it',
      'content/cards/bad.md:15: unknown heading attribute `.bogus`: valid ones are `#id`, `.open`, `.term` and `source=…`',
      'content/cards/bad.md:9: card "No answer here?": answer: the card has no answer: write one below the heading, or mark the heading `{.open}`',
      'content/cards/bad.md:11: card "Open with answer": answer: an open card has no model answer: remove the text below it or the `.open` marker',
      'content/cards/bad.md:23: card "Twice" has the same id `twice` as the card on line 19: give one of them an explicit `{#id}`',
    ]);
  });

  it('rejects bad frontmatter and unsafe sources', () => {
    expect(problemsOf('---\ntitle: ""\nextra: 1\n---\n')).toHaveLength(2);
    expect(problemsOf('---\ntitle: X\n---\n\n### Q? {source=javascript:alert(1)}\n\nA.\n')[0]).toMatch(/^content\/cards\/bad\.md:5: .*source/);
  });
});

describe('exports', () => {
  const cards: ExportCard[] = [
    { id: 'd/q1', deck: 'D', kind: 'qa', question: 'What is <b>?', answer: 'Tab\there, "quoted"', answerHtml: '<p>Tab\there, "quoted"</p>', topic: 'Unix basics', sourceUrl: 'https://x.test/posts/p/#unix' },
    { id: 'd/q2', deck: 'D', kind: 'open', question: 'Why?', answer: '', answerHtml: '' },
  ];

  it('writes Anki headers, GUIDs and quoted fields', () => {
    const text = ankiText(cards, 'opsdeck::D');
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck:opsdeck::D', '#guid column:1', '#tags column:4', '#columns:GUID\tFront\tBack\tTags']);
    expect(lines[7]).toBe('d/q1\tWhat is &lt;b&gt;?\t"<p>Tab\there, ""quoted""</p><p><a href=""https://x.test/posts/p/#unix"">Source</a></p>"\topsdeck kind::qa topic::unix_basics');
    expect(lines[8]).toBe('d/q2\tWhy?\t<p><em>No model answer: think it through.</em></p>\topsdeck kind::open');
    expect(ankiText(cards)).toContain('#deck column:5');
  });

  it('writes RFC 4180 CSV', () => {
    expect(cardsCsv(cards).split('\r\n')).toEqual([
      'id,deck,topic,kind,question,answer,source',
      'd/q1,D,Unix basics,qa,What is <b>?,"Tab\there, ""quoted""",https://x.test/posts/p/#unix',
      'd/q2,D,,open,Why?,,',
      '',
    ]);
  });

  it('keeps CSV cells that a spreadsheet would run as formulas inert', () => {
    const hostile: ExportCard[] = [{ ...cards[0]!, question: '=HYPERLINK("http://evil.test","x")', answer: '+1', topic: '@SUM(A1)' }];
    const row = cardsCsv(hostile).split('\r\n')[1];
    expect(row).toBe(`d/q1,D,'@SUM(A1),qa,"'=HYPERLINK(""http://evil.test"",""x"")",'+1,https://x.test/posts/p/#unix`);
  });
});
