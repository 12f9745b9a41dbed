import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './serve-static.ts';

const run = promisify(execFile);

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> serving the built site, or '' when no test needs it. */
    baseUrl: string;
    /** Absolute path of the built site. */
    distDir: string;
  }
}

/** Test files that read the built site; when a run's file filters select none of them, the build is skipped. */
const NEEDS_SITE = /\/tests\/(e2e|site)\//;
/** Vitest options whose next argument is a value, not a file filter. */
const VALUE_OPTIONS = new Set(['--config', '-c', '--project', '--reporter', '--root', '-r', '--dir', '--testNamePattern', '-t', '--outputFile', '--pool', '--maxWorkers', '--shard', '--environment']);

/** The positional file filters of this vitest run (`npm test -- tests/importer` → ['tests/importer']). */
function fileFilters(argv: string[]): string[] {
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-') && arg !== 'run') filters.push(arg);
  }
  return filters;
}

/**
 * Builds the site once from the repository's content/ into a temporary folder and serves it on localhost.
 * Skipped (empty context) when the run's file filters select no test that needs the site.
 */
export default async function setup(project: TestProject) {
  const { testFiles } = await project.globTestFiles(fileFilters(process.argv.slice(2)));
  if (!testFiles.some((file) => NEEDS_SITE.test(file))) {
    project.provide('baseUrl', '');
    project.provide('distDir', '');
    return;
  }
  const root = project.config.root;
  const distDir = await mkdtemp(join(tmpdir(), 'opsdeck-site-'));
  // process.execPath is the Node 24 binary from node_modules/.bin that runs vitest.
  await run(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', distDir], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`site build failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  const server = await serveStatic(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
    await rm(distDir, { recursive: true, force: true });
  };
}
