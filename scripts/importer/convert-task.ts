/**
 * The CPU-heavy part of an import for one entry — HTML→Markdown conversion, flashcard extraction, and rendering
 * the files (frontmatter and import hash) — as pure functions, so they run the same in a worker thread
 * (convert-worker.ts) or inline, and the main thread is left only placing and writing the files.
 */
import { extractDeck } from './cards.ts';
import { convertEntry } from './convert.ts';
import type { FileDraft, ImportedEntry } from './types.ts';
import { renderFileOf, type RenderedFile } from './write.ts';

/** One entry to convert, with the id it is synced under. */
export interface ConvertTask {
  entry: ImportedEntry;
  sourceId: string;
  /** Input name for the post's `source.input`. */
  input: string;
  /**
   * Give the post back as its draft instead of rendered (see {@link convertForSync}): for a caller that still
   * rewrites its body (`--download-images`) and renders it after. @default false
   */
  postAsDraft?: boolean;
}

/** The post, the flashcard deck found in it (if any), and conversion warnings. */
export interface ConvertOutcome {
  post: FileDraft;
  deck: FileDraft | null;
  warnings: string[];
}

/** What the main thread syncs for one entry: {@link ConvertOutcome} with its files rendered. */
export interface SyncReadyOutcome {
  /** The post's file; its draft when the task asked for it (`postAsDraft`). */
  post: RenderedFile | FileDraft;
  /** The deck's file: always rendered, as it is extracted from the Markdown before any rewrite. */
  deck: RenderedFile | null;
  warnings: string[];
}

/** Converts one entry and extracts its deck. @throws whatever the converter throws for this entry. */
export function convertTask(task: ConvertTask): ConvertOutcome {
  const { draft, warnings, tree } = convertEntry(task.entry, task.sourceId, task.input);
  const title = typeof draft.frontmatter['title'] === 'string' ? draft.frontmatter['title'] : task.entry.title;
  const post = task.entry.link
    ? { id: task.sourceId, title, markdown: draft.body, url: task.entry.link }
    : { id: task.sourceId, title, markdown: draft.body };
  return { post: draft, deck: extractDeck(post, tree), warnings };
}

/**
 * {@link convertTask}, then renders the files, so a worker hands back the files' text and nothing the main thread
 * would not use. @throws whatever the converter throws for this entry.
 */
export function convertForSync(task: ConvertTask): SyncReadyOutcome {
  const { post, deck, warnings } = convertTask(task);
  return { post: task.postAsDraft ? post : renderFileOf(post), deck: deck && renderFileOf(deck), warnings };
}
