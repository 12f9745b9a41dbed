/**
 * `npm run bench -- cards [--dist <dir>]`: the gzipped size of the flashcard practice island in a built site (default
 * `dist/`), without and with ts-fsrs. Reads the first deck page's module script, follows its static imports (the
 * island) and the chunks it loads dynamically (ts-fsrs), and gzips each file at level 9.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDirOf } from './dist-dir.ts';

/** The island's budget, without ts-fsrs. */
const BUDGET_BYTES = 10 * 1024;

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Files statically imported from `file`, transitively, and the chunks any of them names for a dynamic import. */
function chunksOf(distDir: string, entry: string): { island: Set<string>; lazy: Set<string> } {
  const island = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (island.has(file)) continue;
    island.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, name] of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) pending.push(join(distDir, '_astro', name!));
  }
  const lazy = new Set<string>();
  const names = readdirSync(join(distDir, '_astro')).filter((name) => name.endsWith('.js'));
  for (const file of island) {
    const code = readFileSync(file, 'utf8');
    for (const name of names) {
      const path = join(distDir, '_astro', name);
      if (!island.has(path) && code.includes(name)) lazy.add(path);
    }
  }
  return { island, lazy };
}

export async function main(args: string[]): Promise<void> {
  const distDir = distDirOf(args);
  const cardsDir = join(distDir, 'cards');
  const deck = existsSync(cardsDir) ? readdirSync(cardsDir, { withFileTypes: true }).find((entry) => entry.isDirectory()) : undefined;
  if (!deck) throw new Error(`no deck page under ${cardsDir}: build the site first (npm run build) or pass --dist <dir>`);
  const html = readFileSync(join(cardsDir, deck.name, 'index.html'), 'utf8');
  const src = /<script type="module" src="\/(_astro\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error(`no module script on /cards/${deck.name}/`);
  const { island, lazy } = chunksOf(distDir, join(distDir, src));
  const islandBytes = [...island].reduce((sum, file) => sum + gzipSize(file), 0);
  const lazyBytes = [...lazy].reduce((sum, file) => sum + gzipSize(file), 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(`practice island (${island.size} files), gzipped: ${kb(islandBytes)} (budget ${kb(BUDGET_BYTES)}: ${islandBytes <= BUDGET_BYTES ? 'within' : 'OVER'})`);
  console.log(`ts-fsrs chunk (${lazy.size} file), gzipped: ${kb(lazyBytes)}`);
  console.log(`practice island with ts-fsrs, gzipped: ${kb(islandBytes + lazyBytes)}`);
}
