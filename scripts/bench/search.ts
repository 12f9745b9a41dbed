/**
 * `npm run bench -- search [--dist <dir>]`: reads a built site (default dist/) and prints the search figures: pages in
 * the Pagefind index, the index's size on disk (Pagefind writes its chunks compressed) and per page, the gzipped size
 * of the search page's own script (budget 5 KB) and of the Pagefind runtime it loads, what a first search downloads,
 * and how long indexing that site takes. Exits with status 1 when the island budget is broken.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeSearchIndex } from '../../src/integrations/pagefind.ts';
import { distDirOf } from './dist-dir.ts';

/** Gzipped budget of the search page's own script, in bytes. */
const ISLAND_BUDGET = 5 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Files directly in `dir` whose names match, with their sizes (0 files when the folder is missing). */
function filesIn(dir: string, name: RegExp = /./): { name: string; bytes: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => name.test(file))
    .map((file) => ({ name: file, bytes: statSync(join(dir, file)).size }));
}

const sum = (files: { bytes: number }[]) => files.reduce((total, file) => total + file.bytes, 0);

/** The search page's scripts: inline module code and every same-site module it imports statically, gzipped. */
function islandSize(dist: string, html: string): { files: number; bytes: number; gzipped: number } {
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((code) => code.trim());
  const queue = [...html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)].map((m) => m[1]!);
  const codes = [...inline];
  const seen = new Set<string>();
  const follow = (from: string, code: string) => {
    for (const [, target] of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{0,2}\/[^"'`]+\.js)["'`]/g)) {
      queue.push(target!.startsWith('/') ? target! : posix.join(posix.dirname(from), target!));
    }
  };
  for (const code of inline) follow('/search/', code);
  while (queue.length > 0) {
    const path = queue.shift()!;
    // /pagefind/ is the runtime, measured on its own below.
    if (seen.has(path) || path.startsWith('/pagefind/') || !existsSync(join(dist, path))) continue;
    seen.add(path);
    const code = readFileSync(join(dist, path), 'utf8');
    codes.push(code);
    follow(path, code);
  }
  return { files: codes.length, bytes: codes.reduce((n, c) => n + Buffer.byteLength(c), 0), gzipped: codes.reduce((n, c) => n + gzipped(c), 0) };
}

/** Seconds the build's indexing step takes on the built site, writing into a temporary folder. */
async function indexingSeconds(dist: string): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), 'opsdeck-bench-search-'));
  try {
    const started = performance.now();
    await writeSearchIndex(dist, out);
    return (performance.now() - started) / 1000;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export async function main(args: string[] = []): Promise<void> {
  const dist = distDirOf(args);
  const bundle = join(dist, 'pagefind');
  const page = join(dist, 'search/index.html');
  if (!existsSync(join(bundle, 'pagefind-entry.json')) || !existsSync(page)) {
    throw new Error(`${bundle} or ${page} not found: build the site first (npm run build, or pass --dist <dir>)`);
  }
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);

  const meta = filesIn(bundle, /\.pf_meta$/);
  const chunks = filesIn(join(bundle, 'index'));
  const filters = filesIn(join(bundle, 'filter'));
  const fragments = filesIn(join(bundle, 'fragment'));
  const wasm = filesIn(bundle, /^wasm\..+\.pagefind$/);
  const index = [...meta, ...chunks, ...filters, ...fragments];
  console.log(`pages indexed: ${pages} (languages: ${Object.keys(entry.languages).join(', ')})`);
  console.log(`index on disk (compressed by Pagefind): ${kb(sum(index))} in ${index.length} files, ${kb(sum(index) / Math.max(pages, 1))} per page`);
  console.log(`  word chunks: ${chunks.length} files, ${kb(sum(chunks))} (largest ${kb(Math.max(0, ...chunks.map((f) => f.bytes)))})`);
  console.log(`  fragments (excerpt text, one per page): ${kb(sum(fragments))}; filters: ${kb(sum(filters))}; meta: ${kb(sum(meta))}`);

  const island = islandSize(dist, readFileSync(page, 'utf8'));
  console.log(`search page island: ${island.files} scripts, ${kb(island.bytes)}, ${kb(island.gzipped)} gzipped (budget ${kb(ISLAND_BUDGET)})`);
  const runtime = ['pagefind.js', 'pagefind-worker.js'].map((name) => readFileSync(join(bundle, name)));
  const runtimeGz = runtime.reduce((n, code) => n + gzipped(code), 0);
  console.log(`Pagefind runtime: pagefind.js + pagefind-worker.js ${kb(runtimeGz)} gzipped; WebAssembly ${wasm.map((f) => `${f.name} ${kb(f.bytes)}`).join(', ')} (already compressed)`);
  const language = Object.keys(entry.languages)[0];
  const languageWasm = wasm.find((f) => f.name === `wasm.${language}.pagefind`) ?? wasm[0];
  const averageChunk = sum(chunks) / Math.max(chunks.length, 1);
  const averageFragment = sum(fragments) / Math.max(fragments.length, 1);
  // A first one-word search: island, runtime, wasm and meta, then one word chunk and the fragments of the first 10 results.
  const first = island.gzipped + runtimeGz + (languageWasm?.bytes ?? 0) + sum(meta) + averageChunk + Math.min(10, pages) * averageFragment;
  console.log(`first one-word search downloads about ${kb(first)} (then about ${kb(averageChunk + 10 * averageFragment)} per new word)`);
  console.log(`indexing time: ${(await indexingSeconds(dist)).toFixed(2)} s for ${pages} pages`);

  const broken = island.gzipped >= ISLAND_BUDGET;
  console.log(broken ? 'search budget: BROKEN' : 'search budget: ok');
  if (broken) process.exitCode = 1;
}
