/**
 * What an import did, per input and per item: the summary counts, warnings, the `--report` JSON and the
 * progress bar shown on an interactive stderr.
 */
import { writeFile } from 'node:fs/promises';
import type { FeedFormat } from './detect.ts';
import type { SyncStatus } from './types.ts';

/** The outcome for one post, deck or skipped item. */
export interface ItemReport {
  /** Title of the item (or its id when it has no title). */
  item: string;
  status: SyncStatus;
  /** The id the item is synced under, when it got that far. */
  sourceId?: string;
  /** File path relative to the content folder, e.g. `posts/my-post.md`. */
  path?: string;
  /** Why it was skipped or failed, or what the conflict is. */
  message?: string;
  warnings: string[];
  /** The flashcard deck extracted from the post, when there is one. */
  deck?: { status: SyncStatus; path: string; message?: string };
}

/** The outcome for one input. */
export interface InputReport {
  input: string;
  format?: FeedFormat;
  charset?: string;
  /** Set when the whole input failed; its items are then absent. */
  error?: string;
  /** Input-level warnings (charset guessed, mojibake, ignored elements). */
  warnings: string[];
  items: ItemReport[];
}

/** Counts of items by status, plus inputs that failed as a whole. */
export type Summary = Record<SyncStatus, number> & { failedInputs: number };

/** Everything `--report file.json` contains. */
export interface ImportReport {
  dryRun: boolean;
  summary: Summary;
  inputs: InputReport[];
}

/** Adds up the items of every input. */
export function summarise(inputs: InputReport[]): Summary {
  const summary: Summary = { new: 0, updated: 0, unchanged: 0, conflict: 0, skipped: 0, failed: 0, failedInputs: 0 };
  for (const input of inputs) {
    if (input.error) summary.failedInputs += 1;
    for (const item of input.items) summary[item.status] += 1;
  }
  return summary;
}

/** True if any input or item failed: the CLI then exits non-zero. */
export function hasFailures(report: ImportReport): boolean {
  if (report.summary.failedInputs > 0 || report.summary.failed > 0) return true;
  return report.inputs.some((input) => input.items.some((item) => item.deck?.status === 'failed'));
}

/** The human-readable report: per input its format and problems, then one summary line. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const input of report.inputs) {
    if (input.error) {
      lines.push(input.error.startsWith(input.input) ? `✗ ${input.error}` : `✗ ${input.input}: ${input.error}`);
      continue;
    }
    lines.push(`${input.input}: ${input.format ?? '?'}, ${input.charset ?? '?'}, ${input.items.length} item(s)`);
    for (const warning of input.warnings) lines.push(`  ! ${warning}`);
    for (const item of input.items) {
      const interesting = item.status !== 'unchanged' || item.warnings.length > 0 || (item.deck !== undefined && item.deck.status !== 'unchanged');
      if (!interesting) continue;
      const where = item.path ? ` → ${item.path}` : '';
      const why = item.message ? `: ${item.message}` : '';
      lines.push(`  ${verb(item.status, report.dryRun)} ${item.item}${where}${why}`);
      for (const warning of item.warnings) lines.push(`      ! ${warning}`);
      if (item.deck && item.deck.status !== 'unchanged') {
        lines.push(`      deck ${verb(item.deck.status, report.dryRun)} → ${item.deck.path}${item.deck.message ? `: ${item.deck.message}` : ''}`);
      }
    }
  }
  const s = report.summary;
  const prefix = report.dryRun ? 'dry run, nothing written — would be: ' : '';
  lines.push(
    `${prefix}new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, conflicts ${s.conflict}, skipped ${s.skipped}, failed ${s.failed}` +
      (s.failedInputs ? `; ${s.failedInputs} input(s) failed` : ''),
  );
  return lines.join('\n');
}

function verb(status: SyncStatus, dryRun: boolean): string {
  const words: Record<SyncStatus, string> = {
    new: dryRun ? 'would create' : 'created',
    updated: dryRun ? 'would update' : 'updated',
    unchanged: 'unchanged',
    conflict: 'CONFLICT',
    skipped: 'skipped',
    failed: 'FAILED',
  };
  return words[status];
}

/** Writes the report as pretty JSON. */
export async function writeReportFile(report: ImportReport, path: string): Promise<void> {
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}

/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export class ProgressBar {
  private readonly stream: NodeJS.WriteStream;
  private readonly enabled: boolean;
  private total = 0;
  private done = 0;
  private label = '';
  private lastDraw = 0;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.enabled = stream.isTTY === true;
  }

  /** Starts counting `total` items of the input called `label`. */
  start(label: string, total: number): void {
    this.label = label;
    this.total = total;
    this.done = 0;
    this.draw(true);
  }

  /** Counts one finished item. */
  tick(): void {
    this.done += 1;
    this.draw(this.done === this.total);
  }

  /** Erases the bar so the report prints on a clean line. */
  clear(): void {
    if (this.enabled) this.stream.write('\r\u001b[2K');
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    // Redrawing on every item would cost more than converting it; ten frames a second is plenty.
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const name = this.label.length > 40 ? `…${this.label.slice(-39)}` : this.label;
    this.stream.write(`\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} ${name}`);
  }
}
