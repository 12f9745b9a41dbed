import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Root of the fixture folders. */
export const FIXTURES = join(import.meta.dirname, '../fixtures');

/** Names of the case folders under `tests/fixtures/<area>/`, sorted. Adding a folder adds a case. */
export async function fixtureCases(area: string): Promise<string[]> {
  const entries = await readdir(join(FIXTURES, area), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/**
 * Compares `actual` with the case's expected file, or (re)writes that file when `UPDATE=1` is set; review the diff
 * of regenerated files before committing them.
 */
export async function expectFixture(area: string, name: string, file: string, actual: string): Promise<void> {
  const path = join(FIXTURES, area, name, file);
  if (process.env['UPDATE'] === '1') {
    await writeFile(path, actual);
    return;
  }
  const expected = await readFile(path, 'utf8').catch(() => {
    throw new Error(`${path} is missing: run with UPDATE=1 to create it, then review it`);
  });
  expect(actual).toBe(expected);
}
