/**
 * Every folder in tests/fixtures/archives/ is a case: its input is decoded and parsed, and the
 * entries (expected/entries.json) and each post's Markdown body (expected/NN.md) must match.
 * For HTML archives the body is what html-to-markdown makes of the post's HTML, i.e. exactly what
 * a feed carrying the same HTML would give; `nextPage` is the older-posts link --follow-pages
 * follows. `UPDATE=1` regenerates the expected files.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../scripts/importer/html-to-markdown.ts';
import { nextPageUrl } from '../../../scripts/importer/sources/html-archive.ts';
import type { ImportedEntry } from '../../../scripts/importer/types.ts';
import { expectFile } from '../../fixture-files.ts';
import { archiveCases, runCase } from './fixture-files.ts';

/** An entry as JSON, with its body moved out to the Markdown file. */
function entryJson(entry: ImportedEntry): Record<string, unknown> {
  const { content, date, ...rest } = entry;
  const { value: _body, ...contentMeta } = content;
  return { ...rest, ...(date === undefined ? {} : { date: date.toISOString() }), content: contentMeta };
}

/** The Markdown a post's body becomes. */
function bodyMarkdown(entry: ImportedEntry): string {
  if (entry.content.kind === 'markdown') return entry.content.value;
  if (entry.content.kind === 'html') {
    const { baseUrl } = entry.content;
    return htmlToMarkdown(entry.content.value, baseUrl === undefined ? {} : { baseUrl }).markdown;
  }
  return entry.content.value;
}

describe('archive fixtures', () => {
  for (const testCase of archiveCases()) {
    it(testCase.name, () => {
      const { result, text } = runCase(testCase);
      // The page --follow-pages would fetch next, for pages that came from a URL.
      const nextPage = testCase.kind === 'html' && testCase.meta.url !== undefined ? nextPageUrl(text, testCase.meta.url) : undefined;
      const json = { warnings: result.warnings, skipped: result.skipped, nextPage, entries: result.entries.map(entryJson) };
      expectFile(join(testCase.dir, 'expected', 'entries.json'), `${JSON.stringify(json, null, 2)}\n`);
      result.entries.forEach((entry, index) => {
        expectFile(join(testCase.dir, 'expected', `${String(index).padStart(2, '0')}.md`), bodyMarkdown(entry));
      });
      // Every post is dated, approximately dated, or says why not.
      for (const entry of result.entries) {
        const dated = entry.date !== undefined || entry.approxDate !== undefined;
        expect(dated || entry.warnings.some((w) => w.startsWith('date missing'))).toBe(true);
      }
    });
  }
});
