/**
 * extractDeck rejects most posts by countAnswerCandidates before the full extraction. That shortcut must be exact:
 * the count must bound the answered cards extractCards finds, and extractDeck must decide every post as the full
 * analysis (isDeckWorthy over extractCards, on the tree it is given and on its reparsed Markdown) does. Checked on
 * the card fixtures, every post of the seeds, posts shaped like the import benchmark's, and generated Q&A-like
 * posts, as Markdown and as HTML converted by the feed importer (whose trees are what the worker passes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { post as benchPost } from '../../scripts/bench/import-feed.ts';
import { extractDeck, isDeckWorthy } from '../../scripts/importer/cards.ts';
import { countAnswerCandidates } from '../../scripts/importer/cards/answer-candidates.ts';
import { extractCards, type Extraction } from '../../scripts/importer/cards/extract-cards.ts';
import { parseTermLine, readGlossary } from '../../scripts/importer/cards/terms.ts';
import { toUnits } from '../../scripts/importer/cards/units.ts';
import { convertEntry } from '../../scripts/importer/convert.ts';
import { htmlToMarkdownTree } from '../../scripts/importer/html-to-markdown.ts';
import { readEntries } from '../../scripts/importer/read.ts';
import { fixtureCases, readOptional } from '../fixture-files.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string) => parser.parse(markdown) as Root;

/** The full extraction, without the shortcut. Anchors only label cards, so blank ones decide the same. */
const fullExtraction = (root: Root): Extraction => extractCards(toUnits(root, () => ''));
const answeredCount = ({ cards }: Extraction) => cards.filter((card) => card.kind !== 'open').length;

/** What one post showed: the full decision, the bound on its tree, and the kinds of card its deck has. */
interface Checked {
  deck: boolean;
  candidates: number;
  kinds: Set<string>;
}

/**
 * Checks the shortcut on one post: on the given tree and on the reparsed Markdown the bound holds (stopping early
 * changes no decision), and extractDeck with and without the tree decides as the full analysis.
 */
function checkPost(markdown: string, tree: Root): Checked {
  const reparsed = parse(markdown);
  const onTree = fullExtraction(tree);
  const onMarkdown = fullExtraction(reparsed);
  for (const [root, extraction] of [[tree, onTree], [reparsed, onMarkdown]] as const) {
    const candidates = countAnswerCandidates(root);
    expect(candidates).toBeGreaterThanOrEqual(answeredCount(extraction));
    expect(countAnswerCandidates(root, 3) >= 3).toBe(candidates >= 3);
  }
  const deck = isDeckWorthy(onTree) && isDeckWorthy(onMarkdown);
  const post = { id: 'generated', title: 'Generated', markdown };
  expect(extractDeck(post, tree) !== null).toBe(deck);
  expect(extractDeck(post) !== null).toBe(isDeckWorthy(onMarkdown));
  return { deck, candidates: countAnswerCandidates(tree), kinds: new Set(onMarkdown.cards.map((card) => card.kind)) };
}

const checkHtml = (html: string) => {
  const { markdown, tree } = htmlToMarkdownTree(html, { baseUrl: 'https://blog.example.org/post/' });
  return checkPost(markdown, tree);
};

describe('the deck pre-check is exact', () => {
  it('on every card fixture', () => {
    const checked = fixtureCases('cards').map(({ dir }) => {
      const html = readOptional(join(dir, 'input.html'));
      return html === undefined ? checkPost(readFileSync(join(dir, 'input.md'), 'utf8'), parse(readFileSync(join(dir, 'input.md'), 'utf8'))) : checkHtml(html);
    });
    expect(checked.some(({ deck }) => deck)).toBe(true);
    expect(checked.some(({ deck, candidates }) => !deck && candidates >= 3)).toBe(true);
  });

  it('on every post of the three seeds, as the importer converts them', () => {
    const checked = ['000_3cbe4b6aeaa5defa.txt', '001_cbf49603f4a87da8.txt', '002_c732ab83688a24d9.txt'].flatMap((name) => {
      const input = join(import.meta.dirname, '../../content/sources', name);
      const { result } = readEntries(readFileSync(input), { input });
      return result.entries.map((entry, index) => {
        const { draft, tree } = convertEntry(entry, `seed:${name}:${index}`, input);
        return checkPost(draft.body, tree ?? parse(draft.body));
      });
    });
    expect(checked.length).toBeGreaterThanOrEqual(30);
    expect(checked.filter(({ deck }) => deck)).toHaveLength(1);
  });

  it('on posts shaped like the import benchmark, interview posts included', () => {
    const posts = Array.from({ length: 100 }, (_, n) => benchPost(n));
    const checked = posts.map(({ html }) => checkHtml(html));
    expect(checked.some(({ deck }) => deck)).toBe(true);
    expect(checked.filter(({ deck }) => deck).length).toBe(posts.filter(({ interview }) => interview).length);
  });

  it('on generated Q&A-like Markdown posts', () => {
    fc.assert(fc.property(markdownPost, (markdown) => void checkPost(markdown, parse(markdown))), { numRuns: 250 });
  });

  it('on generated Q&A-like HTML posts, with the trees the feed importer builds', () => {
    fc.assert(fc.property(htmlPost, (html) => void checkHtml(html)), { numRuns: 100 });
  });

  it('with generators that reach every outcome: decks of each card kind, near misses, early rejections', () => {
    const checked = fc.sample(markdownPost, { seed: 42, numRuns: 300 }).map((markdown) => checkPost(markdown, parse(markdown)));
    const decks = checked.filter(({ deck }) => deck);
    expect(decks.length).toBeGreaterThan(20);
    for (const kind of ['qa', 'term', 'open']) expect(decks.some(({ kinds }) => kinds.has(kind)), kind).toBe(true);
    // Posts the bound lets through that the full analysis still rejects, and posts the bound rejects itself.
    expect(checked.filter(({ deck, candidates }) => !deck && candidates >= 3).length).toBeGreaterThan(20);
    expect(checked.filter(({ candidates }) => candidates < 3).length).toBeGreaterThan(20);
    const htmlDecks = fc.sample(htmlPost, { seed: 42, numRuns: 100 }).map(checkHtml).filter(({ deck }) => deck);
    expect(htmlDecks.some(({ kinds }) => kinds.has('term'))).toBe(true);
  });
});

describe('the quick tests in front of the term reader', () => {
  const whitespace = fc.array(fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2009', '\u202f', '\u3000', '\ufeff'), { minLength: 1, maxLength: 3 }).map((list) => list.join(''));
  const shortTerm = fc.array(fc.constantFrom('rsync', 'DNS', 'TTL', 'load', 'avg', 'x'), { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));

  it('reject no term line, whatever whitespace stands before and after its dash', () => {
    const line = fc.tuple(shortTerm, whitespace, fc.constantFrom('–', '—', '-', '--'), whitespace, words(8));
    fc.assert(
      fc.property(line, ([term, before, dash, after, definition]) => {
        expect(parseTermLine(`${term}${before}${dash}${after}${definition}`)).toEqual({ term, definition });
      }),
      { numRuns: 300 },
    );
  });

  it('read three term lines as a glossary and two as none', () => {
    const lines = ['rsync – sync files', 'TTL — time to live', 'DNS - names to addresses'];
    expect(readGlossary(lines)?.map(({ term }) => term)).toEqual(['rsync', 'TTL', 'DNS']);
    expect(readGlossary(lines.slice(0, 2))).toBeUndefined();
  });
});

// Generators: posts built from what the extractor reads (questions in every marking, term lines with every dash,
// definition lists, typed bullets, answers) mixed with prose and blocks that are no cards.

const word = fc.constantFrom('nginx', 'cache', 'disk', 'the', 'server', 'load', 'memory', 'a', 'DNS', 'TTL', 'rsync', 'is', 'of', 'Linux', 'kernel', 'what', 'q', 'Q');
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((list) => list.join(' '));
const sentence = fc.tuple(words(14), fc.constantFrom('.', '!', ':', '', '?', ' - ok.', ' – fine.')).map(([text, end]) => text + end);
const prose = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));

const questionText = fc
  .tuple(
    fc.constantFrom('What', 'Why', 'How', 'When', 'Q: What', 'Q1: Why', 'Question 2: How', 'question: what', '1. What', 'IV. Why', '', 'Name one thing. What'),
    words(10),
    fc.constantFrom('?', '?"', '?)', '?**', '? ', '.', '', '? Why not?', '?!'),
  )
  .map(([start, text, end]) => `${start} ${text}${end}`.trim());
const longQuestion = fc.array(words(12), { minLength: 4, maxLength: 8 }).map((list) => `Why ${list.join(', ')}?`);
const question = fc.oneof({ weight: 6, arbitrary: questionText }, { weight: 1, arbitrary: longQuestion });

const dash = fc.constantFrom(' – ', ' — ', ' - ', ' -- ', '-', ' --- ', ' −', '\u00a0– ', ' –', ': ');
const term = fc.tuple(words(5), fc.constantFrom('', '**', '_', ':', '.')).map(([text, mark]) => (mark === '**' || mark === '_' ? `${mark}${text}${mark}` : text + mark));
const pronunciation = fc.constantFrom('', ' (pronounced arr-sync)', ' (say en-jin-x)', ' (ext4)', ' (a (nested) one)');
const termLine = fc.tuple(term, pronunciation, dash, words(12)).map(([t, p, d, definition]) => `${t}${p}${d}${definition}`);

const answer = fc.oneof(prose, prose.map((text) => `A: ${text}`), prose.map((text) => `**Answer:** ${text}`));
const listItem = fc.oneof(
  question,
  fc.tuple(question, answer).map(([q, a]) => `${q}\n\n  ${a}`),
  termLine,
  fc.tuple(words(3), prose).map(([t, definition]) => `${t}\n\n  ${definition}`),
  prose,
);
const marker = fc.constantFrom('-', '*', '1.');
const list = fc.tuple(marker, fc.array(listItem, { minLength: 1, maxLength: 6 })).map(([m, items]) => items.map((item) => `${m} ${item}`).join('\n'));
const glossaryList = fc
  .tuple(marker, fc.array(fc.oneof({ weight: 4, arbitrary: termLine }, { weight: 1, arbitrary: listItem }), { minLength: 2, maxLength: 7 }))
  .map(([m, items]) => items.map((item) => `${m} ${item}`).join('\n'));
const lineBreak = fc.constantFrom('\n', '  \n', '\\\n');
const glossaryParagraph = fc
  .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: termLine }, { weight: 1, arbitrary: words(8) }), { minLength: 1, maxLength: 6 }), lineBreak)
  .map(([lines, br]) => lines.join(br));

const block = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.oneof(question, words(5))).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
  { weight: 4, arbitrary: question },
  { weight: 4, arbitrary: answer },
  { weight: 2, arbitrary: fc.tuple(question, prose).map(([q, a]) => `Q: ${q}\nA: ${a}`) },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: glossaryList },
  { weight: 2, arbitrary: glossaryParagraph },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('o ', '• ', '· ', '◦ '), fc.oneof(question, termLine, prose)).map(([bullet, text]) => bullet + text) },
  { weight: 1, arbitrary: words(6).map((text) => `\`\`\`\n${text}?\n\`\`\``) },
  { weight: 1, arbitrary: question.map((text) => `> ${text}`) },
  { weight: 1, arbitrary: fc.constant('* * *') },
  { weight: 1, arbitrary: prose.map((text) => `${text}:`) },
);
const markdownPost = fc.array(block, { minLength: 1, maxLength: 14 }).map((blocks) => `${blocks.join('\n\n')}\n`);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const htmlBlock = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.oneof(question, words(5))).map(([depth, text]) => `<h${depth}>${escapeHtml(text)}</h${depth}>`),
  fc.oneof(question, answer).map((text) => `<p>${escapeHtml(text)}</p>`),
  fc.array(fc.oneof(question, termLine, fc.tuple(question, prose).map(([q, a]) => `${escapeHtml(q)}<p>${escapeHtml(a)}</p>`)), { minLength: 1, maxLength: 5 }).map((items) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`),
  fc.array(fc.tuple(words(3), prose), { minLength: 1, maxLength: 5 }).map((entries) => `<dl>${entries.map(([t, d]) => `<dt>${escapeHtml(t)}</dt><dd>${escapeHtml(d)}</dd>`).join('')}</dl>`),
  fc.array(termLine, { minLength: 1, maxLength: 5 }).map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`),
  fc.array(termLine, { minLength: 2, maxLength: 6 }).map((lines) => `<ol>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ol>`),
  fc.tuple(term, dash, prose).map(([t, d, definition]) => `<p><strong>${escapeHtml(t)}</strong>${escapeHtml(d)}${escapeHtml(definition)}</p>`),
  words(6).map((text) => `<pre><code>${escapeHtml(text)}?</code></pre>`),
);
const htmlPost = fc.array(htmlBlock, { minLength: 1, maxLength: 10 }).map((blocks) => blocks.join('\n'));
