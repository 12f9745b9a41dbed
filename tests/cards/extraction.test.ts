import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { extractDeck } from '../../scripts/importer/cards.ts';
import { htmlToMarkdown } from '../../scripts/importer/html-to-markdown.ts';
import { parseDeckFile } from '../../src/lib/cards/deck-file.ts';

/**
 * Extraction fixtures: each folder of tests/fixtures/cards/ holds `input.md` (a post body as the importers write it)
 * or `input.html` (converted by the feed importer's html-to-markdown first), and `expected.md`: the deck file the
 * extractor must produce, or the NO_DECK line. `UPDATE=1` rewrites the expected files.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/cards');
const NO_DECK = '<!-- no deck: question/answer structure does not dominate this post -->\n';

function postMarkdown(dir: string): string {
  const html = join(dir, 'input.html');
  return existsSync(html) ? htmlToMarkdown(readFileSync(html, 'utf8')).markdown : readFileSync(join(dir, 'input.md'), 'utf8');
}

describe('deck extraction fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      const draft = extractDeck({ id: `fixture:${name}`, title: name.replace(/-/g, ' '), markdown: postMarkdown(dir) });
      const actual = draft ? `---\n${stringify(draft.frontmatter)}---\n\n${draft.body}` : NO_DECK;
      const expectedFile = join(dir, 'expected.md');
      if (process.env['UPDATE'] || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
      if (draft) {
        // Whatever the extractor writes must be a valid deck for the site.
        const deck = parseDeckFile(actual, `${name}/expected.md`, name);
        expect(deck.cards.length).toBeGreaterThan(0);
        expect(draft.sourceId).toBe(`deck:fixture:${name}`);
      }
    });
  }
});
