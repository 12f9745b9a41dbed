/**
 * Fixture-driven tests of every feed format: each folder of tests/fixtures/feeds/ holds an input
 * (`input.*`), optional `options.json` (ImportOptions), the adapter's entries (`entries.json`), the files
 * the import writes (`expected/`) and its report (`report.json`). `UPDATE=1` rewrites the expected files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportOptions } from '../../../scripts/importer/index.ts';
import { readEntries } from '../../../scripts/importer/read.ts';
import { expectFile } from '../../fixture-files.ts';
import { caseDirs, expectTree, inputOf, readJson, readTree, tempContent, UNSAFE } from './helpers.ts';

describe.each(caseDirs('feeds'))('%s', (caseDir) => {
  const input = inputOf(caseDir)!;
  const options = readJson<Partial<ImportOptions>>(join(caseDir, 'options.json'), {});

  it('reads the expected entries', () => {
    const read = readEntries(readFileSync(input), { input, ...(options.drafts ? { drafts: true } : {}) });
    expectFile(join(caseDir, 'entries.json'), `${JSON.stringify(read, null, 2)}\n`);
  });

  it('writes the expected posts and report, and a second run changes nothing', async () => {
    const contentDir = await tempContent();
    const report = await runImport({ workers: 0, ...options, inputs: [input], contentDir });
    const files = await readTree(contentDir);
    expectTree(join(caseDir, 'expected'), files);
    expectFile(join(caseDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    for (const [path, text] of Object.entries(files)) expect(text, path).not.toMatch(UNSAFE);

    const again = await runImport({ workers: 0, ...options, inputs: [input], contentDir });
    expect(again.summary).toMatchObject({ new: 0, updated: 0, conflict: 0, failed: 0 });
    expect(await readTree(contentDir)).toEqual(files);
  });
});
