/**
 * `npm run bench -- snippets [--dist <dir>]`: reads a built site (default dist/) and prints the snippet budgets:
 * the gzipped size of the JavaScript a snippet post loads before Run (limit 10 KB), the size of what the first Run
 * loads (runner and sandbox worker), and whether posts without snippets ship any JavaScript (they must not).
 * Exits with status 1 when a budget is broken.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDirOf } from './dist-dir.ts';

/** Gzipped island budget in bytes. */
const ISLAND_BUDGET = 10 * 1024;

/** A JavaScript file of the build and its sizes. */
interface Asset {
  path: string;
  bytes: number;
  gzipped: number;
}

/** Site paths of the module scripts a page loads. */
function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
}

/** Static imports (`import … from "./x.js"`, `import "./x.js"`) and dynamic ones (`import("./x.js")`, `new URL("./x.js", import.meta.url)`). */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const statics = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
  const dynamics = [
    ...[...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!),
    ...[...code.matchAll(/new URL\(\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) => m[1]!),
  ];
  return { static: statics, dynamic: dynamics };
}

/** Site path of an import target, relative to the importing file unless absolute. */
function resolveImport(from: string, target: string): string {
  return target.startsWith('/') ? target : posix.join(posix.dirname(from), target);
}

function asset(dist: string, sitePath: string): Asset {
  const bytes = readFileSync(join(dist, sitePath));
  return { path: sitePath, bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

/** Every file reachable from `entries`; `follow` picks which imports to follow. */
function closure(dist: string, entries: string[], follow: (imports: ReturnType<typeof importsOf>) => string[]): Asset[] {
  const seen = new Map<string, Asset>();
  const queue = [...entries];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path) || !existsSync(join(dist, path))) continue;
    seen.set(path, asset(dist, path));
    const code = readFileSync(join(dist, path), 'utf8');
    for (const target of follow(importsOf(code))) queue.push(resolveImport(path, target));
  }
  return [...seen.values()];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const total = (assets: Asset[], key: 'bytes' | 'gzipped') => assets.reduce((sum, a) => sum + a[key], 0);

export async function main(args: string[] = []): Promise<void> {
  const dist = distDirOf(args);
  const postsDir = join(dist, 'posts');
  if (!existsSync(postsDir)) throw new Error(`${postsDir} not found: build the site first (npm run build, or pass --dist <dir>)`);
  const pages = readdirSync(postsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(postsDir, d.name, 'index.html')))
    .map((d) => ({ id: d.name, html: readFileSync(join(postsDir, d.name, 'index.html'), 'utf8') }));
  const withSnippets = pages.filter((p) => /<figure[^>]*class="snippet"/.test(p.html));
  const without = pages.filter((p) => !withSnippets.includes(p));
  let failed = false;

  console.log(`posts: ${pages.length} (${withSnippets.length} with snippets, ${without.length} without)`);
  const leaking = without.filter((p) => /<script\b/.test(p.html));
  console.log(`posts without snippets that ship JavaScript: ${leaking.length}${leaking.length ? ` (${leaking.map((p) => p.id).join(', ')})` : ''}`);
  if (leaking.length > 0) failed = true;

  const sample = withSnippets[0];
  if (!sample) {
    console.log('no post with snippets: island and sandbox sizes not measured');
  } else {
    const entries = pageScripts(sample.html);
    const island = closure(dist, entries, (i) => i.static);
    const islandGz = total(island, 'gzipped');
    console.log(`snippet island before Run (${sample.id}): ${island.length} files, ${kb(total(island, 'bytes'))}, ${kb(islandGz)} gzipped (budget ${kb(ISLAND_BUDGET)})`);
    for (const a of island) console.log(`  ${a.path}: ${kb(a.bytes)}, ${kb(a.gzipped)} gzipped`);
    if (islandGz >= ISLAND_BUDGET) failed = true;
    const loaded = new Set(island.map((a) => a.path));
    const lazyEntries = island.flatMap((a) => importsOf(readFileSync(join(dist, a.path), 'utf8')).dynamic.map((t) => resolveImport(a.path, t)));
    const onRun = closure(dist, lazyEntries, (i) => [...i.static, ...i.dynamic]).filter((a) => !loaded.has(a.path));
    console.log(`loaded by the first Run: ${onRun.length} files, ${kb(total(onRun, 'bytes'))}, ${kb(total(onRun, 'gzipped'))} gzipped`);
    for (const a of onRun) console.log(`  ${a.path}: ${kb(a.bytes)}, ${kb(a.gzipped)} gzipped${/sandbox-worker/.test(a.path) ? '  ← sandbox chunk (just-bash worker)' : ''}`);
  }
  console.log(failed ? 'snippet budgets: BROKEN' : 'snippet budgets: ok');
  if (failed) process.exitCode = 1;
}
