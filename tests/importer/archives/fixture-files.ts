import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../../../scripts/importer/decode.ts';
import { parseHtmlArchive } from '../../../scripts/importer/sources/html-archive.ts';
import { parseTextArchive } from '../../../scripts/importer/sources/text-archive.ts';
import type { AdapterResult } from '../../../scripts/importer/types.ts';

/** tests/fixtures/archives/: one folder per case, `input.txt` or `input.html` plus `expected/`. */
export const ARCHIVE_FIXTURES = fileURLToPath(new URL('../../fixtures/archives/', import.meta.url));

/** One fixture case. */
export interface ArchiveCase {
  name: string;
  dir: string;
  /** `input.txt` (plain-text archive) or `input.html` (HTML archive). */
  input: string;
  kind: 'text' | 'html';
  /** Optional `meta.json`: the page's URL and whether pages are followed. */
  meta: { url?: string; followPages?: boolean };
}

/** The case folders, sorted, so adding a folder adds a test. */
export function archiveCases(): ArchiveCase[] {
  return readdirSync(ARCHIVE_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(ARCHIVE_FIXTURES, entry.name);
      const kind = existsSync(join(dir, 'input.html')) ? ('html' as const) : ('text' as const);
      const metaPath = join(dir, 'meta.json');
      const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as ArchiveCase['meta']) : {};
      return { name: entry.name, dir, kind, input: join(dir, kind === 'html' ? 'input.html' : 'input.txt'), meta };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads a case's bytes, decodes them as the importer does (decode.ts), and runs its adapter. */
export function runCase(testCase: ArchiveCase): { result: AdapterResult; text: string; charset: string } {
  const decoded = decodeBytes(readFileSync(testCase.input));
  const ctx = { input: `${testCase.name}/${testCase.kind === 'html' ? 'input.html' : 'input.txt'}`, ...testCase.meta };
  const result = testCase.kind === 'html' ? parseHtmlArchive(decoded.text, ctx) : parseTextArchive(decoded.text, ctx);
  return { result, text: decoded.text, charset: decoded.charset };
}

