/**
 * The worker pool (batched messages, posts written while later ones convert) must give exactly what converting
 * on the main thread gives: the same report and the same files, item failures included.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFeed } from '../../../scripts/bench/import-feed.ts';
import { runImport } from '../../../scripts/importer/index.ts';
import { makeInput } from '../../fixtures/bad-input/deep-html-nesting/make-input.ts';
import { readTree, tempContent } from './helpers.ts';

/** Imports the inputs into a fresh content folder; returns the report (as JSON) and the files written. */
async function importWith(inputs: string[], workers: number) {
  const contentDir = await tempContent();
  const report = await runImport({ inputs, contentDir, workers });
  return { report: JSON.parse(JSON.stringify(report)) as unknown, files: await readTree(contentDir) };
}

describe('the worker pool', () => {
  it('writes the same files and report as converting inline, failures and decks included', async () => {
    const scratch = dirname(await tempContent());
    // 130 generated posts (two of them interview posts with decks) fill several batches of the pool.
    const bench = await generateFeed(scratch, 'wxr', 130);
    const deep = join(scratch, 'deep.xml');
    writeFileSync(deep, makeInput().bytes);
    const inputs = [bench, 'tests/fixtures/bad-input/duplicate-guids/input.xml', deep, 'tests/fixtures/feeds/rss2-wordpress-seed/input.xml'];

    const inline = await importWith(inputs, 0);
    const pooled = await importWith(inputs, 2);
    expect(pooled.report).toEqual(inline.report);
    expect(pooled.files).toEqual(inline.files);
    expect(Object.keys(pooled.files).filter((path) => path.startsWith('cards/'))).toHaveLength(2);
    expect(JSON.stringify(pooled.report)).toContain('conversion failed: input is nested too deeply to process');
  }, 120_000);
});
