/**
 * Import benchmark: generates an RSS feed or WordPress export of N items (default 10,000, about 50 MB; see
 * import-feed.ts), imports it end to end into a temp content folder, and prints input MB, items, seconds, MB/s,
 * peak RSS, workers, CPU time and the load average around the run (the machine is shared: a busy neighbour
 * shows there). `--profile` converts on this one thread under V8's profiler instead and also prints where the
 * CPU went, by npm package and by file of opsdeck.
 * `npm run bench -- import [--items N] [--format rss|wxr] [--workers N] [--profile]`
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runImport } from '../importer/index.ts';
import type { ImportReport } from '../importer/report.ts';
import { profileCpu, type CpuShare } from './cpu-profile.ts';
import { generateFeed } from './import-feed.ts';
import { sampleThreadCpu } from './thread-cpu.ts';

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
      profile: { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'rss' && values.format !== 'wxr') throw new Error(`--format is rss or wxr, got ${JSON.stringify(values.format)}`);
  const format = values.format;
  const items = Number(values.items);
  const profile = values.profile === true;
  // The profiler samples only this thread, so a profiled import converts here rather than in workers.
  const workers = profile ? 0 : values.workers !== undefined ? Number(values.workers) : availableParallelism();
  const dir = await mkdtemp(join(tmpdir(), 'opsdeck-bench-import-'));
  try {
    const input = await generateFeed(dir, format, items);
    const bytes = (await stat(input)).size;
    const loadBefore = loadavg()[0]!;
    const threads = sampleThreadCpu();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const run = () => runImport({ inputs: [input], contentDir: join(dir, 'content'), workers });
    let report: ImportReport;
    let shares: CpuShare[] = [];
    if (profile) ({ result: report, shares } = await profileCpu(run));
    else report = await run();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const threadCpu = threads.stop();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const megabytes = bytes / 1048576;
    // The workers are threads of this process, so its peak RSS (getrusage maxrss) is the whole tree's: main
    // thread, workers and their heaps; the import starts no child processes.
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const { summary } = report;
    const posts = await readdir(join(dir, 'content', 'posts'));
    const decks = await readdir(join(dir, 'content', 'cards')).catch(() => []);
    const how = profile ? 'profiled on one thread' : `${workers} worker${workers === 1 ? '' : 's'}`;
    console.log(`import ${format}: ${items} items, ${megabytes.toFixed(1)} MB input, ${how}`);
    console.log(`  ${seconds.toFixed(1)} s, ${(megabytes / seconds).toFixed(2)} MB/s, peak RSS ${peakMb.toFixed(0)} MB (main + worker threads)`);
    console.log(`  CPU ${cpuSeconds.toFixed(1)} s (${(cpuSeconds / seconds).toFixed(2)} cores busy on average), load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    if (threadCpu.size > 0) {
      const names: Record<string, string> = { MainThread: 'main thread', WorkerThread: 'workers', V8Worker: 'V8 background (compilers, GC)' };
      const parts = [...threadCpu].filter(([, seconds]) => seconds >= 0.05).sort((a, b) => b[1] - a[1]);
      console.log(`  CPU by thread: ${parts.map(([name, seconds]) => `${names[name] ?? name} ${seconds.toFixed(1)} s`).join(', ')}`);
    }
    console.log(`  new ${summary.new}, failed ${summary.failed}, skipped ${summary.skipped}, failed inputs ${summary.failedInputs}; wrote ${posts.length} posts, ${decks.length} decks`);
    if (profile) printShares(shares);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The profile: the 25 places that took most time, then the totals by kind of place. */
function printShares(shares: CpuShare[]): void {
  const total = shares.reduce((sum, share) => sum + share.seconds, 0);
  const line = (label: string, seconds: number) =>
    `    ${label.padEnd(48)} ${seconds.toFixed(2).padStart(6)} s ${((100 * seconds) / total).toFixed(1).padStart(5)}%`;
  console.log(`  CPU of this thread by where the code lives (self time, ${total.toFixed(1)} s sampled):`);
  for (const share of shares.slice(0, 25)) console.log(line(share.where, share.seconds));
  const kindOf = (where: string) =>
    where.startsWith('scripts/') || where.startsWith('src/') ? 'opsdeck' : where.startsWith('(') ? 'V8 (garbage collector, idle)'
      : where.startsWith('node:') ? 'Node.js built-ins' : 'npm packages';
  const byKind = new Map<string, number>();
  for (const { where, seconds } of shares) {
    const kind = kindOf(where);
    byKind.set(kind, (byKind.get(kind) ?? 0) + seconds);
  }
  console.log('  by kind:');
  for (const [kind, seconds] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(line(kind, seconds));
}

// Run directly (`tsx scripts/bench/import.ts`) as well as through the bench dispatcher.
if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
