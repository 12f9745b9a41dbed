/**
 * The CPU-heavy part of an import for one entry — HTML→Markdown conversion and flashcard extraction —
 * as one pure function, so it runs the same in a worker thread (convert-worker.ts) or inline.
 */
import { extractDeck } from './cards.ts';
import { convertEntry } from './convert.ts';
import type { FileDraft, ImportedEntry } from './types.ts';

/** One entry to convert, with the id it is synced under. */
export interface ConvertTask {
  entry: ImportedEntry;
  sourceId: string;
  /** Input name for the post's `source.input`. */
  input: string;
}

/** The post, the flashcard deck found in it (if any), and conversion warnings. */
export interface ConvertOutcome {
  post: FileDraft;
  deck: FileDraft | null;
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
