/**
 * `npm run bench -- build [--posts N] [--keep]`: builds the site with N synthetic posts (default 1000) added to a
 * throwaway copy of the project's content, and prints build seconds and the build's peak memory.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeSyntheticPosts } from './synthetic-posts.ts';
import { createTempProject } from './temp-project.ts';

/** Options of the build benchmark. */
export interface BuildBenchOptions {
  /** Synthetic posts to add. @default 1000 */
  posts: number;
  /** Keep the temporary project (to inspect its dist/) instead of deleting it. @default false */
  keep: boolean;
}

const DEFAULTS: BuildBenchOptions = { posts: 1000, keep: false };

/** Parses `--posts N` and `--keep`; other arguments belong to other benchmarks and are ignored. */
export function parseArgs(args: readonly string[]): BuildBenchOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--keep') options.keep = true;
    else if (arg === '--posts' || arg.startsWith('--posts=')) {
      const value = arg.includes('=') ? arg.slice('--posts='.length) : args[++i];
      const posts = Number(value);
      if (!Number.isInteger(posts) || posts < 0) throw new Error(`--posts needs a whole number of posts, got ${JSON.stringify(value)}`);
      options.posts = posts;
    }
  }
  return options;
}

/**
 * Runs in the child process: Astro's programmatic build, then the child's own figures. A child of its own, so that
 * its peak RSS (getrusage maxrss, threads included) is the build's alone, not this script's.
 */
const CHILD = `
const { build } = await import('astro');
const started = performance.now();
await build({ root: process.cwd(), outDir: process.argv[1], logLevel: 'warn' });
const seconds = (performance.now() - started) / 1000;
console.log('BENCH ' + JSON.stringify({ seconds, maxRssKiB: process.resourceUsage().maxRSS }));
process.exit(0);
`;

interface ChildFigures {
  seconds: number;
  maxRssKiB: number;
}

/** Counts the HTML pages of a built site. */
async function countPages(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html')).length;
}

export async function main(args: string[]): Promise<void> {
  const options = parseArgs(args);
  const project = await createTempProject({ keepPosts: true });
  try {
    const existing = (await readdir(project.postsDir)).filter((file) => file.endsWith('.md')).length;
    await writeSyntheticPosts(join(project.postsDir, 'bench'), options.posts);
    const outDir = join(project.root, 'dist');
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CHILD, outDir], {
      cwd: project.root,
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const wall = (performance.now() - started) / 1000;
    const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
    if (!line) throw new Error(`the build printed no figures:\n${stdout}`);
    const figures = JSON.parse(line.slice('BENCH '.length)) as ChildFigures;
    console.log(`posts:           ${options.posts} synthetic + ${existing} from content/posts`);
    console.log(`pages built:     ${await countPages(outDir)}`);
    console.log(`build seconds:   ${figures.seconds.toFixed(1)} (astro build), ${wall.toFixed(1)} with process start`);
    console.log(`peak memory:     ${(figures.maxRssKiB / 1024).toFixed(0)} MiB RSS`);
    if (options.keep) console.log(`project kept at: ${project.root}`);
  } finally {
    if (!options.keep) await project.remove();
  }
}
