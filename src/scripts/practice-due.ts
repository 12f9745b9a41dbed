import { loadProgress, showNotice } from './practice-storage.ts';

/** Fills each deck of the deck list with its due and new counts from this browser's progress. */
export function showDueCounts(now = Date.now()): void {
  const data = document.getElementById('deck-card-ids')?.textContent;
  if (!data) return;
  const decks = JSON.parse(data) as Record<string, string[]>;
  const progress = loadProgress();
  showNotice(document.querySelector<HTMLElement>('[data-role="notice"]'), progress.notice);
  for (const item of document.querySelectorAll<HTMLElement>('[data-deck]')) {
    const ids = decks[item.dataset['deck'] ?? ''] ?? [];
    const due = ids.filter((id) => (progress.records.get(id)?.due ?? Infinity) <= now).length;
    const fresh = ids.filter((id) => !progress.records.has(id)).length;
    const target = item.querySelector('[data-role="due"]');
    if (target) target.textContent = ` · ${due} due · ${fresh} new`;
  }
}
