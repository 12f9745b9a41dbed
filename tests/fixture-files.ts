/**
 * Fixture folders shared by every suite: `tests/fixtures/<area>/<case>/` holds a case's input and its expected
 * output. Adding a folder adds a case; `UPDATE=1` (re)writes expected files, to be reviewed in the diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Root of tests/fixtures/. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** True when expected files are (re)written from the actual output instead of compared. */
export const UPDATE = process.env['UPDATE'] === '1';

/** The case folders of one fixture area, sorted by name. */
export function fixtureCases(area: string): { name: string; dir: string }[] {
  const root = join(FIXTURES, area);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: join(root, entry.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A case's optional file, or undefined when the case has none. */
export function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Compares `actual` with the expected file; under `UPDATE=1` (re)writes the file instead. */
export function expectFile(path: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing ${path}; run with UPDATE=1 to create it, then review it`);
  expect(actual, path).toBe(readFileSync(path, 'utf8'));
}
