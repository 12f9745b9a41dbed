import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Root of this checkout. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Top-level entries never copied: dependencies are linked instead, and build output and caches are per copy. */
const SKIPPED = new Set(['node_modules', 'dist', '.astro', '.git']);

/** Caches Astro and Vite keep inside node_modules; each copy needs its own so parallel builds do not collide. */
const PER_COPY_CACHES = new Set(['.astro', '.vite']);

/** A throwaway copy of the project for building other content without touching the checkout. */
export interface TempProject {
  root: string;
  /** `root/content/posts`, where the copy's posts go. */
  postsDir: string;
  /** Deletes the copy. */
  remove(): Promise<void>;
}

/**
 * Copies the project (sources, config, content) to a temporary folder, with `content/posts` emptied unless
 * `keepPosts` is set. node_modules becomes a folder of symlinks to the checkout's packages, minus Astro's and Vite's
 * caches (Astro keeps its content store in node_modules/.astro), so builds in the copy share nothing mutable.
 */
export async function createTempProject({ keepPosts = false } = {}): Promise<TempProject> {
  const root = await mkdtemp(join(tmpdir(), 'opsdeck-project-'));
  for (const entry of await readdir(PROJECT_ROOT)) {
    if (SKIPPED.has(entry)) continue;
    await cp(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true, verbatimSymlinks: true });
  }
  const postsDir = join(root, 'content/posts');
  if (!keepPosts) await rm(postsDir, { recursive: true, force: true });
  await mkdir(postsDir, { recursive: true });
  const modules = join(root, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(join(PROJECT_ROOT, 'node_modules'))) {
    if (!PER_COPY_CACHES.has(entry)) await symlink(join(PROJECT_ROOT, 'node_modules', entry), join(modules, entry));
  }
  return { root, postsDir, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Outcome of `astro build` in a project folder. */
export interface BuildResult {
  ok: boolean;
  /** stdout and stderr together, in the order they are read. */
  output: string;
}

/** Runs `astro build` in `root` with Node 24 (this process's Node), writing the site to `outDir`. Never throws on a failed build. */
export async function buildProject(root: string, outDir = join(root, 'dist')): Promise<BuildResult> {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  try {
    const { stdout, stderr } = await run(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}
