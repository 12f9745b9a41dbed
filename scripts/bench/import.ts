/**
 * Import benchmark: generates an RSS feed or WordPress export of N items (default 10,000, about 50 MB)
 * with prose, lists and code blocks, imports it end to end into a temp content folder, and prints MB/s
 * and peak memory. `npm run bench -- import [--items N] [--format rss|wxr] [--workers N]`
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../importer/index.ts';
import { generateFeed } from './import-feed.ts';

export { generateFeed };

/** Runs the benchmark with command-line style arguments and prints its figures. */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      items: { type: 'string', default: '10000' },
      format: { type: 'string', default: 'rss' },
      workers: { type: 'string' },
    },
  });
  const format = values.format === 'wxr' ? 'wxr' : 'rss';
  const items = Number(values.items);
  const dir = await mkdtemp(join(tmpdir(), 'opsdeck-bench-import-'));
  try {
    const input = await generateFeed(dir, format, items);
    const bytes = (await stat(input)).size;
    const started = performance.now();
    const report = await runImport({
      inputs: [input],
      contentDir: join(dir, 'content'),
      ...(values.workers !== undefined ? { workers: Number(values.workers) } : {}),
    });
    const seconds = (performance.now() - started) / 1000;
    const megabytes = bytes / 1048576;
    // maxRSS covers the whole process, worker threads included (they share it).
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const { summary } = report;
    console.log(`import ${format}: ${items} items, ${megabytes.toFixed(1)} MB in ${seconds.toFixed(1)} s`);
    console.log(`  ${(megabytes / seconds).toFixed(2)} MB/s, peak RSS ${peakMb.toFixed(0)} MB`);
    console.log(`  new ${summary.new}, failed ${summary.failed}, skipped ${summary.skipped}, failed inputs ${summary.failedInputs}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run directly (`tsx scripts/bench/import.ts`) as well as through the bench dispatcher.
if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
