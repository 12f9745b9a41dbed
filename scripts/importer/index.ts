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
import { expandInputs, isBadInput, type NamedInput } from './inputs.ts';
import { convertTask, type ConvertOutcome, type ConvertTask } from './convert-task.ts';
import { WorkerPool } from './pool.ts';
import { readEntries } from './read.ts';
import { hasFailures, summarise, writeReportFile, ProgressBar, type ImportReport, type InputReport, type ItemReport } from './report.ts';
import { assignSourceIds } from './source-id.ts';
import type { AdapterResult, FileDraft } from './types.ts';
import { cleanupTemp, syncFiles } from './write.ts';

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
  /** Progress display. @default a bar on stderr when it is a terminal */
  progress?: ProgressBar;
}

/** Content longer than this (characters of HTML/text) fails as one item rather than stalling the run. */
export const MAX_ITEM_CHARS = 8 * 1024 * 1024;
/** Largest image `--download-images` saves. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Content longer than this gets a warning: it is almost always pasted binary data. */
const LARGE_ITEM_CHARS = 1024 * 1024;

/** Runs an import and returns its report; writes the `--report` file when asked. Never throws for bad input. */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const contentDir = options.contentDir ?? 'content';
  const run = new ImportRun(options, contentDir);
  try {
    if (!options.dryRun) await cleanupTemp(contentDir);
    const inputs = await expandInputs(options.inputs, run.fetcher);
    for (const input of inputs) {
      run.reports.push(isBadInput(input) ? failedInput(input.name, input.error) : await run.importInput(input));
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
  private pool: WorkerPool<ConvertTask, ConvertOutcome> | undefined;

  constructor(options: ImportOptions, contentDir: string) {
    this.options = options;
    this.contentDir = contentDir;
    this.fetcher = options.fetcher ?? fetchUrl;
    this.progress = options.progress ?? new ProgressBar();
  }

  /** Imports one input; any error becomes the input's `error`, never an exception. */
  async importInput(input: NamedInput): Promise<InputReport> {
    const report: InputReport = { input: input.name, warnings: [], items: [] };
    try {
      const loaded = await input.load();
      const read = readEntries(loaded.bytes, {
        input: input.name,
        drafts: this.options.drafts === true,
        followPages: this.options.followPages === true,
        ...(loaded.url ? { url: loaded.url } : {}),
        ...(loaded.contentType ? { contentType: loaded.contentType } : {}),
      });
      const result = read.result;
      Object.assign(report, { format: read.format, charset: read.charset });
      report.warnings.push(...result.warnings);
      for (const skipped of result.skipped) report.items.push({ item: skipped.item, status: 'skipped', message: skipped.reason, warnings: [] });
      await this.convertAndSync(input.name, result, report);
    } catch (error) {
      const message = describeError(error);
      return { ...report, error: message.startsWith(input.name) ? message : `${input.name}: ${message}` };
    } finally {
      this.progress.clear();
    }
    return report;
  }

  /** Converts every entry (in parallel), then syncs posts and decks in one go. */
  private async convertAndSync(input: string, result: AdapterResult, report: InputReport): Promise<void> {
    const work: Array<{ item: ItemReport; task: ConvertTask }> = [];
    for (const { entry, sourceId } of assignSourceIds(result.entries)) {
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
        work.push({ item, task: { entry, sourceId, input } });
      }
    }
    const drafts = await this.convertAll(work);
    if (this.options.downloadImages) await this.fetchImages(drafts);
    const synced = await syncFiles(drafts.flatMap(({ post, deck }) => (deck ? [post, deck] : [post])), {
      contentDir: this.contentDir,
      dryRun: this.options.dryRun === true,
      force: this.options.force === true,
    });
    const owners = new Map<FileDraft, { item: ItemReport; isDeck: boolean }>();
    for (const { item, post, deck } of drafts) {
      owners.set(post, { item, isDeck: false });
      if (deck) owners.set(deck, { item, isDeck: true });
    }
    for (const outcome of synced) {
      const owner = owners.get(outcome.draft);
      if (!owner) continue;
      const path = relative(this.contentDir, outcome.path).split('\\').join('/');
      if (owner.isDeck) {
        owner.item.deck = outcome.message ? { status: outcome.status, path, message: outcome.message } : { status: outcome.status, path };
      } else {
        Object.assign(owner.item, { status: outcome.status, path }, outcome.message ? { message: outcome.message } : {});
      }
    }
  }

  /** Runs the conversion tasks; failures are recorded on their items and left out of the result. */
  private async convertAll(work: Array<{ item: ItemReport; task: ConvertTask }>) {
    this.progress.start(work[0]?.task.input ?? '', work.length);
    const pool = work.length > 1 ? this.workerPool() : undefined;
    const settled = await Promise.allSettled(
      work.map(async ({ task }) => {
        try {
          return pool ? await pool.run(task) : convertTask(task);
        } finally {
          this.progress.tick();
        }
      }),
    );
    const drafts: Array<{ item: ItemReport; post: FileDraft; deck: FileDraft | null }> = [];
    settled.forEach((outcome, index) => {
      const { item } = work[index]!;
      if (outcome.status === 'rejected') {
        item.message = `conversion failed: ${describeError(outcome.reason).replace(/^internal error: /, '')}`;
        return;
      }
      item.warnings.push(...outcome.value.warnings);
      drafts.push({ item, post: outcome.value.post, deck: outcome.value.deck });
    });
    return drafts;
  }

  /**
   * `--download-images`: saves each post's images under public/ (beside the content folder) and rewrites
   * its body; an image that cannot be fetched stays remote with a warning.
   */
  private async fetchImages(drafts: Array<{ item: ItemReport; post: FileDraft }>): Promise<void> {
    const publicDir = resolve(this.contentDir, '..', 'public');
    const fetch = async (url: string) => (await this.fetcher(url, { maxBytes: MAX_IMAGE_BYTES })).bytes;
    for (const { item, post } of drafts) {
      const result = await downloadImages(post.body, { publicDir, fetch, postSlug: post.slug, dryRun: this.options.dryRun === true });
      post.body = result.markdown;
      item.warnings.push(...result.warnings);
    }
  }

  private workerPool(): WorkerPool<ConvertTask, ConvertOutcome> | undefined {
    const size = this.options.workers ?? availableParallelism();
    if (size <= 0) return undefined;
    this.pool ??= new WorkerPool(new URL('./convert-worker.ts', import.meta.url), size);
    return this.pool;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

function failedInput(name: string, error: unknown): InputReport {
  return { input: name, error: describeError(error), warnings: [], items: [] };
}

function megabytes(chars: number): string {
  return `${(chars / 1048576).toFixed(1)} MB`;
}
