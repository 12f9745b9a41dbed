import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Root of tests/fixtures/. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The case folders of one fixture area, sorted, so adding a folder adds a test. */
export function fixtureCases(area: string): { name: string; dir: string }[] {
  const root = join(FIXTURES, area);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, dir: join(root, d.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads a fixture file, or undefined when the case has none. */
export function readOptional(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Compares actual with the expected file; `UPDATE=1` rewrites the expected file instead. */
export function expectFile(path: string, actual: string): void {
  if (process.env['UPDATE'] === '1' || !existsSync(path)) {
    if (process.env['UPDATE'] !== '1') throw new Error(`missing ${path}; run with UPDATE=1 to create it, then review it`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
