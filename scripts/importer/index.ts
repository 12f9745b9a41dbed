/**
 * The importer's orchestration: inputs → bytes → charset → format → adapter → source ids → conversion
 * (on a worker pool) → flashcard decks → sync to content/ → report. One input failing never stops the
 * others; one item failing never stops its input.
 */
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { describeError } from './errors.ts';
import { fetchUrl, type Fetcher } from './fetch.ts';
import { downloadImages } from './images.ts';
import { expandInputs, isBadInput, urlInput, type NamedInput } from './inputs.ts';
import { convertForSync, type ConvertTask, type SyncReadyOutcome } from './convert-task.ts';
import { WorkerPool } from './pool.ts';
import { readEntries, type ReadResult } from './read.ts';
import { hasFailures, summarise, writeReportFile, ProgressBar, type ImportReport, type InputReport, type ItemReport } from './report.ts';
import { assignSourceIds } from './source-id.ts';
import type { FileDraft, ImportedEntry } from './types.ts';
import { cleanupTemp, createSyncer, renderFileOf } from './write.ts';

/** Everything `npm run import` can be asked to do. */
export interface ImportOptions {
  /** Files, folders and http(s) URLs, in order. */
  inputs: string[];
  /** Folder holding `posts/` and `cards/`. @default 'content' */
  contentDir?: string;
  /** Report what would change, write nothing. @default false */
  dryRun?: boolean;
  /** Overwrite posts edited by hand. @default false */
  force?: boolean;
  /** Import WordPress drafts as `draft: true`. @default false */
  drafts?: boolean;
  /** Save images under `public/` and rewrite their links. @default false */
  downloadImages?: boolean;
  /** Follow "older posts" links of HTML archive pages. @default false */
  followPages?: boolean;
  /** Also write the report as JSON to this file. */
  reportFile?: string;
  /** The network; tests replace it. @default fetchUrl */
  fetcher?: Fetcher;
  /** Worker threads converting HTML to Markdown; 0 converts on the main thread. @default all cores */
  workers?: number;
  /**
   * Longest one item may take to convert on a worker thread before it fails alone (markup built to make a
   * converter work quadratically would otherwise stall the run). @default 60000
   */
  itemTimeLimitMs?: number;
  /** Progress display. @default a bar on stderr when it is a terminal */
  progress?: ProgressBar;
}

/** Content longer than this (characters of HTML/text) fails as one item rather than stalling the run. */
const MAX_ITEM_CHARS = 8 * 1024 * 1024;
/** Largest image `--download-images` saves. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Most entries handed to the pool beyond the last one written. */
const MAX_AHEAD = 256;
/** Inputs at least this large start the worker pool before they are read (a big feed has many entries). */
const EARLY_POOL_BYTES = 1024 * 1024;
/** Content longer than this gets a warning: it is almost always pasted binary data. */
const LARGE_ITEM_CHARS = 1024 * 1024;
/** Most "older posts" pages `--follow-pages` fetches in one run, so a pager that never ends cannot run forever. */
const MAX_FOLLOWED_PAGES = 200;

/** Runs an import and returns its report; writes the `--report` file when asked. Never throws for bad input. */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const contentDir = options.contentDir ?? 'content';
  const run = new ImportRun(options, contentDir);
  try {
    if (!options.dryRun) await cleanupTemp(contentDir);
    const queue = await expandInputs(options.inputs, run.fetcher);
    const visited = new Set(options.inputs);
    let followed = 0;
    for (let input = queue.shift(); input !== undefined; input = queue.shift()) {
      if (isBadInput(input)) {
        run.reports.push(failedInput(input.name, input.error));
        continue;
      }
      const { report, nextPage } = await run.importInput(input);
      run.reports.push(report);
      // --follow-pages: the older page is imported next, once, when the archive page itself came from a URL.
      if (nextPage === undefined || !options.followPages || visited.has(nextPage)) continue;
      if (!/^https?:\/\//i.test(input.name)) {
        report.warnings.push(`--follow-pages follows pages fetched from a URL; import ${nextPage} for the older posts`);
        continue;
      }
      if (followed === MAX_FOLLOWED_PAGES) {
        report.warnings.push(`stopped after following ${MAX_FOLLOWED_PAGES} "older posts" pages; import ${nextPage} to go on`);
        continue;
      }
      visited.add(nextPage);
      followed += 1;
      queue.unshift(urlInput(nextPage, run.fetcher));
    }
  } finally {
    await run.close();
  }
  const report: ImportReport = { dryRun: options.dryRun === true, summary: summarise(run.reports), inputs: run.reports };
  if (options.reportFile) await writeReportFile(report, options.reportFile);
  return report;
}

export { hasFailures };

/** State shared by the inputs of one run: the pool, and the ids already imported. */
class ImportRun {
  readonly reports: InputReport[] = [];
  readonly fetcher: Fetcher;
  private readonly options: ImportOptions;
  private readonly contentDir: string;
  private readonly progress: ProgressBar;
  private readonly seen = new Map<string, string>();
  private pool: WorkerPool<ConvertTask, SyncReadyOutcome> | undefined;

  constructor(options: ImportOptions, contentDir: string) {
    this.options = options;
    this.contentDir = contentDir;
    this.fetcher = options.fetcher ?? fetchUrl;
    this.progress = options.progress ?? new ProgressBar();
  }

  /**
   * Imports one input; any error becomes the input's `error`, never an exception. Also gives the archive's
   * next page, when the input is an archive page that links one.
   */
  async importInput(input: NamedInput): Promise<{ report: InputReport; nextPage?: string }> {
    const report: InputReport = { input: input.name, warnings: [], items: [] };
    let nextPage: string | undefined;
    try {
      const read = await this.readInput(input);
      const result = read.result;
      nextPage = result.nextPage;
      Object.assign(report, { format: read.format, charset: read.charset });
      report.warnings.push(...result.warnings);
      for (const skipped of result.skipped) report.items.push({ item: skipped.item, status: 'skipped', message: skipped.reason, warnings: [] });
      await this.convertAndSync(input.name, result.entries, report);
    } catch (error) {
      const message = describeError(error);
      return { report: { ...report, error: message.startsWith(input.name) ? message : `${input.name}: ${message}` } };
    } finally {
      this.progress.clear();
    }
    return nextPage === undefined ? { report } : { report, nextPage };
  }

  /** Loads and reads one input; its bytes are let go once read (a big export is tens of MB). */
  private async readInput(input: NamedInput): Promise<ReadResult> {
    const loaded = await input.load();
    // Workers take a while to load their modules: start them now, so they are ready when the read is done.
    if (loaded.bytes.length >= EARLY_POOL_BYTES) this.workerPool();
    return readEntries(loaded.bytes, {
      input: input.name,
      drafts: this.options.drafts === true,
      followPages: this.options.followPages === true,
      ...(loaded.url ? { url: loaded.url } : {}),
      ...(loaded.contentType ? { contentType: loaded.contentType } : {}),
    });
  }

  /**
   * Converts and renders the entries (in parallel on the pool) and syncs each post and its deck as soon as it and
   * every entry before it are converted: files are written in entry order, as one sync after all conversions would,
   * while the workers carry on; the main thread only places, compares and writes the rendered files. The entries
   * are taken out of `entries` (it is left empty), so each entry and its converted post can be let go once the
   * post is written.
   */
  private async convertAndSync(input: string, entries: ImportedEntry[], report: InputReport): Promise<void> {
    const items: ItemReport[] = [];
    const tasks: Array<ConvertTask | undefined> = [];
    for (const { entry, sourceId } of assignSourceIds(entries.splice(0))) {
      const item: ItemReport = { item: entry.title, sourceId, status: 'failed', warnings: [...entry.warnings] };
      report.items.push(item);
      const earlier = this.seen.get(sourceId);
      const size = entry.content.value.length;
      if (earlier !== undefined) {
        Object.assign(item, { status: 'skipped', message: `already imported from ${earlier} in this run` });
      } else if (size > MAX_ITEM_CHARS) {
        item.message = `content is ${megabytes(size)}, over the ${megabytes(MAX_ITEM_CHARS)} per-item limit`;
      } else {
        if (size > LARGE_ITEM_CHARS) item.warnings.push(`large item: ${megabytes(size)} of content`);
        this.seen.set(sourceId, input);
        items.push(item);
        // --download-images rewrites the post's body here, so the post comes back as a draft, rendered after.
        tasks.push({ entry, sourceId, input, postAsDraft: this.options.downloadImages === true });
      }
    }
    const sync = createSyncer({ contentDir: this.contentDir, dryRun: this.options.dryRun === true, force: this.options.force === true });
    this.progress.start(tasks[0]?.input ?? '', tasks.length);
    // Even one item goes to the pool when there is one: only a worker can be stopped when an item runs too long.
    const pool = tasks.length > 0 ? this.workerPool() : undefined;
    const converted: Array<Promise<Settled<SyncReadyOutcome>> | undefined> = [];
    for (let index = 0; index < items.length; index += 1) {
      // Keep the pool at most MAX_AHEAD entries ahead of the writes, so converted posts cannot pile up in memory
      // when writing is the slower side; top up in halves, so the pool still gets full batches. Settled at once,
      // so a failure waiting for its turn is never an unhandled rejection.
      if (pool && converted.length - index < MAX_AHEAD / 2) {
        for (let next = converted.length; next < Math.min(tasks.length, index + MAX_AHEAD); next += 1) converted.push(settle(pool.run(tasks[next]!)));
      }
      const item = items[index]!;
      const outcome = pool ? await converted[index]! : settleNow(() => convertForSync(tasks[index]!));
      converted[index] = undefined;
      tasks[index] = undefined;
      this.progress.tick();
      if ('error' in outcome) {
        item.message = `conversion failed: ${describeError(outcome.error).replace(/^internal error: /, '')}`;
        continue;
      }
      const { post, deck, warnings } = outcome.value;
      item.warnings.push(...warnings);
      const synced = await sync('text' in post ? post : renderFileOf(await this.withLocalImages(item, post)));
      Object.assign(item, { status: synced.status, path: this.relativePath(synced.path) }, synced.message ? { message: synced.message } : {});
      if (deck) {
        const deckSynced = await sync(deck);
        const path = this.relativePath(deckSynced.path);
        item.deck = deckSynced.message ? { status: deckSynced.status, path, message: deckSynced.message } : { status: deckSynced.status, path };
      }
    }
  }

  /** A path in the report: relative to the content folder, with `/` separators. */
  private relativePath(path: string): string {
    return relative(this.contentDir, path).split('\\').join('/');
  }

  /**
   * `--download-images`: saves a post's images under public/ (beside the content folder) and gives the post with
   * its body rewritten to the local copies; an image that cannot be fetched stays remote with a warning.
   */
  private async withLocalImages(item: ItemReport, post: FileDraft): Promise<FileDraft> {
    const publicDir = resolve(this.contentDir, '..', 'public');
    const fetch = async (url: string) => (await this.fetcher(url, { maxBytes: MAX_IMAGE_BYTES })).bytes;
    const result = await downloadImages(post.body, { publicDir, fetch, postSlug: post.slug, dryRun: this.options.dryRun === true });
    item.warnings.push(...result.warnings);
    return { ...post, body: result.markdown };
  }

  private workerPool(): WorkerPool<ConvertTask, SyncReadyOutcome> | undefined {
    const size = this.options.workers ?? availableParallelism();
    if (size <= 0) return undefined;
    this.pool ??= new WorkerPool(new URL('./convert-worker.ts', import.meta.url), size, this.options.itemTimeLimitMs);
    return this.pool;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** A conversion's result or its error, as a value. */
type Settled<T> = { value: T } | { error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then((value) => ({ value }), (error: unknown) => ({ error }));
}

function settleNow<T>(run: () => T): Settled<T> {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

function failedInput(name: string, error: unknown): InputReport {
  return { input: name, error: describeError(error), warnings: [], items: [] };
}

function megabytes(chars: number): string {
  return `${(chars / 1048576).toFixed(1)} MB`;
}
