/**
 * Import benchmark: generates an RSS feed or WordPress export of N items (default 10,000, about 50 MB; see
 * import-feed.ts), imports it end to end into a temp content folder, and prints input MB, items, seconds, MB/s,
 * peak RSS, workers, CPU time and the load average around the run (the machine is shared: a busy neighbour
 * shows there). `npm run bench -- import [--items N] [--format rss|wxr] [--workers N]`
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../importer/index.ts';
import { generateFeed } from './import-feed.ts';

export { generateFeed };

/** Runs the benchmark with command-line style arguments and prints its figures. */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: false, // `npm run bench` passes every benchmark the same arguments
    options: {
      items: { type: 'string', default: '10000' },
      format: { type: 'string', default: 'rss' },
      workers: { type: 'string' },
    },
  });
  if (values.format !== 'rss' && values.format !== 'wxr') throw new Error(`--format is rss or wxr, got ${JSON.stringify(values.format)}`);
  const format = values.format;
  const items = Number(values.items);
  const workers = values.workers !== undefined ? Number(values.workers) : availableParallelism();
  const dir = await mkdtemp(join(tmpdir(), 'opsdeck-bench-import-'));
  try {
    const input = await generateFeed(dir, format, items);
    const bytes = (await stat(input)).size;
    const loadBefore = loadavg()[0]!;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const report = await runImport({ inputs: [input], contentDir: join(dir, 'content'), workers });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const megabytes = bytes / 1048576;
    // The workers are threads of this process, so its peak RSS (getrusage maxrss) is the whole tree's: main
    // thread, workers and their heaps; the import starts no child processes.
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const { summary } = report;
    const posts = await readdir(join(dir, 'content', 'posts'));
    const decks = await readdir(join(dir, 'content', 'cards')).catch(() => []);
    console.log(`import ${format}: ${items} items, ${megabytes.toFixed(1)} MB input, ${workers} worker${workers === 1 ? '' : 's'}`);
    console.log(`  ${seconds.toFixed(1)} s, ${(megabytes / seconds).toFixed(2)} MB/s, peak RSS ${peakMb.toFixed(0)} MB (main + worker threads)`);
    console.log(`  CPU ${cpuSeconds.toFixed(1)} s (${(cpuSeconds / seconds).toFixed(2)} cores busy on average), load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    console.log(`  new ${summary.new}, failed ${summary.failed}, skipped ${summary.skipped}, failed inputs ${summary.failedInputs}; wrote ${posts.length} posts, ${decks.length} decks`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Run directly (`tsx scripts/bench/import.ts`) as well as through the bench dispatcher.
if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
