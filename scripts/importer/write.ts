/**
 * Renders FileDrafts to file text (anywhere, workers included) and syncs rendered files to content/: keyed by
 * source id, hand edits detected by hash, every write atomic.
 *
 * The import hash is the SHA-256 of the file's bytes as written, with the `  hash: <hex>` line under `source:`
 * left out (posts and decks alike). A file whose bytes no longer match was edited by hand.
 */

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseFrontmatter, renderFile } from './frontmatter.ts';
import { uniqueSlug } from './slugs.ts';
import type { FileDraft, SyncStatus } from './types.ts';

/** How to sync. */
export interface SyncOptions {
  /** Folder holding the collections (`posts/`, `cards/`). */
  contentDir: string;
  /** Decide every status, write nothing. */
  dryRun: boolean;
  /** Overwrite files edited by hand. */
  force: boolean;
}

/**
 * A draft rendered to the exact text of its file (frontmatter with the import hash, then the body), with what the
 * syncer needs to place it. Rendering is CPU work that needs no file system, so importer workers do it.
 */
export interface RenderedFile {
  collection: FileDraft['collection'];
  sourceId: string;
  slug: string;
  text: string;
}

/** What happened to one file. */
export interface SyncOutcome {
  status: SyncStatus;
  /** The file the rendered file maps to (absolute). */
  path: string;
  /** Why a file is a conflict or failed, or what --force overwrote. */
  message?: string;
}

/** Temp files are `.<name>.md.<pid>-<hex>.opsdeck-tmp`, hidden and outside the collections' `*.md` glob. */
const TEMP_FILE = /^\..+\.\d+-[0-9a-f]{8}\.opsdeck-tmp$/;

/**
 * This process's temp file tag, `<pid>-<8 hex>`, the hex being a random start plus a counter: unique within the
 * process, and apart from other runs by the pid and (for runs in other pid namespaces on a shared folder) the random
 * start. One random draw per process instead of one per file; the `wx` flag still refuses any name that exists.
 */
const tempTag = (() => {
  const start = randomBytes(4).readUInt32BE(0);
  let count = 0;
  return () => `${process.pid}-${((start + count++) >>> 0).toString(16).padStart(8, '0')}`;
})();

// A placeholder YAML writes plain (an all-digit one would be quoted as a number-like string)
const PLACEHOLDER_HASH = 'f'.repeat(64);
const POST_HASH_LINE = /^ {2}hash: "?([0-9a-f]{64})"?\n/m;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The file text for a draft, with its import hash filled in. */
export function renderDraft(draft: FileDraft): string {
  const source = { ...(draft.frontmatter['source'] as Record<string, unknown> | undefined), id: draft.sourceId, hash: PLACEHOLDER_HASH };
  const text = renderFile({ ...draft.frontmatter, source }, draft.body);
  return text.replace(`  hash: ${PLACEHOLDER_HASH}\n`, `  hash: ${sha256(text.replace(`  hash: ${PLACEHOLDER_HASH}\n`, ''))}\n`);
}

/** A draft as the syncer takes it: its place and its {@link renderDraft} text. */
export function renderFileOf(draft: FileDraft): RenderedFile {
  return { collection: draft.collection, sourceId: draft.sourceId, slug: draft.slug, text: renderDraft(draft) };
}

/** The `source.id` in a file's frontmatter, if it has a string one. */
export function sourceIdOf(text: string): string | undefined {
  const source = parseFrontmatter(text)?.data['source'];
  const id = source !== null && typeof source === 'object' ? (source as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Whether a file's bytes still match its import hash (false when it has none: not written by the importer). */
export function isIntact(text: string): boolean {
  const line = POST_HASH_LINE.exec(text);
  return line?.[1] !== undefined && sha256(text.replace(line[0], '')) === line[1];
}

/** A collection folder: source id → file name of its existing files, and every name taken (lowercase). */
interface FolderIndex {
  /** Whether the folder is known to exist (it is created before its first write, once). */
  exists: boolean;
  byId: Map<string, string>;
  taken: Set<string>;
  /** uniqueSlug's suffix counters for `taken`. */
  counters: Map<string, number>;
}

async function indexFolder(dir: string): Promise<FolderIndex> {
  const index: FolderIndex = { exists: true, byId: new Map(), taken: new Set(), counters: new Map() };
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    index.exists = false;
    return [];
  });
  for (const name of names.sort()) {
    if (!name.endsWith('.md')) continue;
    index.taken.add(name.slice(0, -3).toLowerCase());
    // Only the id: whether the file is intact matters only when it is about to be replaced (see syncOne).
    const sourceId = sourceIdOf(await readFile(join(dir, name), 'utf8'));
    if (sourceId !== undefined && !index.byId.has(sourceId)) index.byId.set(sourceId, name);
  }
  return index;
}

/** Writes text to path atomically: a temp file in the same folder, then a rename over the target. */
export async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** {@link writeAtomic} with synchronous file calls. */
function writeAtomicSync(path: string, text: string): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A fresh temp file name beside path (see TEMP_FILE). */
function tempPathFor(path: string): string {
  const dir = resolve(path, '..');
  return join(dir, `.${path.slice(dir.length + 1)}.${tempTag()}.opsdeck-tmp`);
}

/** Removes temp files a killed run left in the collection folders; returns their paths. */
export async function cleanupTemp(contentDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const collection of ['posts', 'cards']) {
    const dir = join(contentDir, collection);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => TEMP_FILE.test(n))) {
      await rm(join(dir, name), { force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}

/**
 * Syncs drafts to contentDir/<collection>/. A draft whose source id an existing file carries goes to that
 * file (so renamed titles keep their file); a new one gets a unique slug. Identical files are not touched.
 * A file edited by hand since the last import is a conflict unless force is set. Errors fail one draft only.
 */
export async function syncFiles(drafts: FileDraft[], options: SyncOptions): Promise<SyncOutcome[]> {
  const sync = createSyncer(options);
  const outcomes: SyncOutcome[] = [];
  for (const draft of drafts) outcomes.push(await sync(renderFileOf(draft)));
  return outcomes;
}

/**
 * {@link syncFiles} one file at a time, for callers that get files as they are converted and rendered (see
 * {@link renderFileOf}): returns a function that syncs one rendered file. Call it with the files in order,
 * awaiting each call, as syncFiles does; it keeps the folder indexes and the ids already claimed between calls.
 */
export function createSyncer(options: SyncOptions): (file: RenderedFile) => Promise<SyncOutcome> {
  const root = resolve(options.contentDir);
  const folders = new Map<string, FolderIndex>();
  const claimed = new Set<string>();
  return async (file) => {
    const dir = join(root, file.collection);
    let folder = folders.get(dir);
    if (folder === undefined) {
      folder = await indexFolder(dir);
      folders.set(dir, folder);
    }
    const name = folder.byId.get(file.sourceId) ?? `${uniqueSlug(file.slug, folder.taken, folder.counters)}.md`;
    const path = join(dir, name);
    const key = `${file.collection}\u0000${file.sourceId}`;
    if (claimed.has(key)) {
      return { status: 'failed', path, message: `duplicate source id ${JSON.stringify(file.sourceId)} in this run` };
    }
    claimed.add(key);
    folder.byId.set(file.sourceId, name);
    try {
      return syncOne(file.text, path, folder, root, options);
    } catch (error) {
      return { status: 'failed', path, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * Syncs one file's text to its path in folder. Synchronous file calls on purpose: the files are small, and the
 * promise API's per-call overhead (five calls per post) was most of the main thread's time while the workers convert.
 */
function syncOne(text: string, path: string, folder: FolderIndex, root: string, options: SyncOptions): SyncOutcome {
  if (!path.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${path}`);
  const current = readIfExists(path);
  if (current === text) return { status: 'unchanged', path };
  let outcome: SyncOutcome = { status: current === undefined ? 'new' : 'updated', path };
  if (current !== undefined && !isIntact(current)) {
    if (!options.force) {
      return { status: 'conflict', path, message: 'edited by hand since the last import; kept (use --force to overwrite)' };
    }
    outcome = { ...outcome, message: 'overwrote hand edits (--force)' };
  }
  if (!options.dryRun) {
    if (!folder.exists) {
      mkdirSync(resolve(path, '..'), { recursive: true });
      folder.exists = true;
    }
    writeAtomicSync(path, text);
  }
  return outcome;
}

/** A file's text, or undefined when it does not exist. */
function readIfExists(path: string): string | undefined {
  // Probe first: most files of a first import are new, and a failed read costs an exception (~10x a stat).
  if (statSync(path, { throwIfNoEntry: false }) === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
