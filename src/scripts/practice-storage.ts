/**
 * Practice progress in localStorage, one key for every deck, keyed by card id. Storage that is disabled, corrupt or
 * full switches the page to session-only mode: progress lives in memory, a notice says so, nothing is written.
 */

/** The scheduling state of one card, as ts-fsrs keeps it, with dates as epoch milliseconds. */
export interface CardRecord {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
}

/** Progress of this browser, and whether it is being saved. */
export interface Progress {
  records: Map<string, CardRecord>;
  /** Why progress is not saved, when it is not. */
  notice?: string;
}

/** The localStorage key; the version changes if the record shape ever does. */
export const STORAGE_KEY = 'opsdeck:cards:v1';
const NUMBER_FIELDS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;

/** Whether a stored value is a well-formed card record (storage is outside our control, so check every field). */
function isRecord(value: unknown): value is CardRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return NUMBER_FIELDS.every((field) => Number.isFinite(record[field])) && (record['last_review'] === undefined || Number.isFinite(record['last_review']));
}

/** Reads saved progress; never throws. */
export function loadProgress(): Progress {
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { records: new Map(), notice: 'This browser does not allow saving progress here, so it lasts for this session only.' };
  }
  if (raw === null) return { records: new Map() };
  try {
    const parsed: unknown = JSON.parse(raw);
    const entries = Object.entries(parsed as object);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !entries.every(([, value]) => isRecord(value))) throw new Error('corrupt');
    return { records: new Map(entries as [string, CardRecord][]) };
  } catch {
    return { records: new Map(), notice: 'Saved progress could not be read (it is corrupt), so this session is not saved. It was left untouched.' };
  }
}

/** Saves progress unless the page is in session-only mode; returns the notice if saving fails now (storage full). */
export function saveProgress(progress: Progress): string | undefined {
  if (progress.notice) return progress.notice;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(progress.records)));
    return undefined;
  } catch {
    progress.notice = 'Progress could not be saved (browser storage is full or blocked), so it lasts for this session only.';
    return progress.notice;
  }
}

/** Shows a notice in an element (as text), or hides the element. */
export function showNotice(element: HTMLElement | null, notice: string | undefined): void {
  if (!element) return;
  element.textContent = notice ?? '';
  element.hidden = !notice;
}
