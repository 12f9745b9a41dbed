import { join } from 'node:path';
import { expectFile, FIXTURES, fixtureCases } from '../fixture-files.ts';

export { FIXTURES };

/** Names of the case folders under `tests/fixtures/<area>/`, sorted. Adding a folder adds a case. */
export function caseNames(area: string): string[] {
  return fixtureCases(area).map((testCase) => testCase.name);
}

/** Compares `actual` with the case's expected file, or (re)writes that file when `UPDATE=1` is set. */
export function expectFixture(area: string, name: string, file: string, actual: string): void {
  expectFile(join(FIXTURES, area, name, file), actual);
}
