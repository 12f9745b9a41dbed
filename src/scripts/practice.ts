/**
 * The practice island of a deck page: shows one card at a time, reveals its answer, and schedules it with FSRS
 * (ts-fsrs, loaded as its own chunk). Keyboard: Space reveals, 1–4 rate, U undoes. Card text comes from the page's
 * own static card list and is inserted as text or as clones of those nodes; nothing from storage is ever HTML.
 */
import type { Card as FsrsCard, Grade } from 'ts-fsrs';
import { loadProgress, saveProgress, showNotice, type CardRecord } from './practice-storage.ts';

/** A card of the page, as the island practises it. */
interface PracticeCard {
  id: string;
  topic: string;
  question: string;
  /** The card's answer element in the static list, cloned on reveal. */
  answer: Element;
}

/** What undo restores. */
interface Step {
  id: string;
  before: CardRecord | undefined;
  queue: PracticeCard[];
  done: number;
  grade: Grade;
}

/** A card rated so that it is due again within this window comes back later in the same session (learning steps). */
const LEARNING_WINDOW_MS = 20 * 60_000;
const GRADES = ['Again', 'Hard', 'Good', 'Easy'];

const toFsrs = (record: CardRecord): FsrsCard => ({ ...record, due: new Date(record.due), last_review: record.last_review === undefined ? undefined : new Date(record.last_review) }) as FsrsCard;
const fromFsrs = (card: FsrsCard): CardRecord => {
  const { due, last_review, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state } = card;
  const record: CardRecord = { due: +due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state };
  if (last_review) record.last_review = +last_review;
  return record;
};

/** A duration as the buttons show it: 10m, 5h, 3d, 2mo, 1.5y. */
function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 1440) return `${Math.round(minutes / 60)}h`;
  const days = Math.round(minutes / 1440);
  if (days < 31) return `${days}d`;
  if (days < 365) return `${Math.round(days / 30.4)}mo`;
  return `${Math.round(days / 36.5) / 10}y`;
}

/** Starts the practice panel of the page, if it has one. */
export function startPractice(): void {
  const root = document.querySelector<HTMLElement>('[data-practice]');
  const list = document.querySelector<HTMLElement>('[data-role="deck-cards"]');
  if (!root || !list) return;
  const el = <T extends HTMLElement = HTMLElement>(role: string) => root.querySelector<T>(`[data-role="${role}"]`)!;
  const form = el<HTMLFormElement>('controls');
  const reveal = el('reveal');
  const grades = el('grades');
  const undo = el('undo');
  const answer = el('answer');
  const summary = el('summary');
  const notice = el('notice');
  const gradeButtons = [...root.querySelectorAll<HTMLButtonElement>('[data-grade]')];

  const cards: PracticeCard[] = [...list.querySelectorAll<HTMLElement>('[data-card-id]')].map((card) => ({
    id: card.dataset['cardId']!,
    topic: card.dataset['topic'] ?? '',
    question: card.querySelector('[data-role="question"]')?.textContent ?? '',
    answer: card.querySelector('[data-role="answer"]')!,
  }));
  const progress = loadProgress();
  const fsrsReady = import('ts-fsrs').then(({ fsrs, createEmptyCard }) => ({ scheduler: fsrs(), createEmptyCard }));
  const history: Step[] = [];
  const tally = [0, 0, 0, 0];
  let queue: PracticeCard[] = [];
  let done = 0;
  let revealed = false;
  let cram = false;

  const fsrsCardOf = async (id: string, now: Date) => {
    const { createEmptyCard } = await fsrsReady;
    const record = progress.records.get(id);
    return record ? toFsrs(record) : createEmptyCard(now);
  };

  /** Builds the session's queue from the controls: due then new cards, or every card when cramming. */
  const build = () => {
    const data = new FormData(form);
    cram = data.has('cram');
    const topic = String(data.get('topic') ?? '');
    const now = Date.now();
    const pool = cards.filter((card) => !topic || card.topic === topic);
    const due = pool.filter((card) => (progress.records.get(card.id)?.due ?? Infinity) <= now);
    due.sort((a, b) => progress.records.get(a.id)!.due - progress.records.get(b.id)!.due);
    queue = cram ? [...pool] : [...due, ...pool.filter((card) => !progress.records.has(card.id))];
    if (data.has('shuffle')) {
      for (let i = queue.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [queue[i], queue[j]] = [queue[j]!, queue[i]!];
      }
    }
    done = 0;
    history.length = 0;
    tally.fill(0);
    show();
  };

  const show = () => {
    const total = done + queue.length;
    el<HTMLProgressElement>('progress').value = total ? done / total : 1;
    el('count').textContent = `${done} / ${total}`;
    undo.toggleAttribute('disabled', history.length === 0);
    const card = queue[0];
    revealed = false;
    answer.hidden = true;
    grades.hidden = true;
    reveal.hidden = !card;
    el('stage').hidden = !card;
    summary.hidden = !!card;
    if (card) {
      el('topic').textContent = card.topic;
      el('question').textContent = card.question;
    } else {
      showSummary();
    }
  };

  const showSummary = () => {
    const reviewed = tally.reduce((a, b) => a + b, 0);
    const upcoming = Math.min(...cards.map((card) => progress.records.get(card.id)?.due ?? Infinity));
    const lines = [
      reviewed ? `Session complete: ${reviewed} ratings (${GRADES.map((name, i) => `${name} ${tally[i]}`).join(', ')}).` : 'Nothing is due right now.',
      cram ? 'Cram mode: the schedule was not changed.' : Number.isFinite(upcoming) ? `Next card due ${new Date(upcoming).toLocaleString()}.` : 'Try cram mode to go through every card.',
    ];
    summary.replaceChildren(...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
  };

  const doReveal = async () => {
    const card = queue[0];
    if (!card || revealed) return;
    revealed = true;
    answer.replaceChildren(...[...card.answer.cloneNode(true).childNodes]);
    answer.hidden = false;
    reveal.hidden = true;
    grades.hidden = false;
    const now = new Date();
    const preview = cram ? undefined : (await fsrsReady).scheduler.repeat(await fsrsCardOf(card.id, now), now);
    gradeButtons.forEach((button, i) => {
      const interval = button.querySelector('[data-role="interval"]')!;
      interval.textContent = preview ? formatInterval(+preview[(i + 1) as Grade].card.due - +now) : 'not saved';
    });
  };

  const rate = async (grade: Grade) => {
    const card = queue[0];
    if (!card || !revealed) return;
    revealed = false;
    history.push({ id: card.id, before: progress.records.get(card.id), queue: [...queue], done, grade });
    queue.shift();
    tally[grade - 1]! += 1;
    let again = cram && grade === 1;
    if (!cram) {
      const now = new Date();
      const next = (await fsrsReady).scheduler.next(await fsrsCardOf(card.id, now), now, grade);
      progress.records.set(card.id, fromFsrs(next.card));
      showNotice(notice, saveProgress(progress));
      again = +next.card.due - +now < LEARNING_WINDOW_MS;
    }
    if (again) queue.push(card);
    else done += 1;
    show();
  };

  const doUndo = () => {
    const step = history.pop();
    if (!step) return;
    queue = step.queue;
    done = step.done;
    tally[step.grade - 1]! -= 1;
    if (!cram) {
      if (step.before) progress.records.set(step.id, step.before);
      else progress.records.delete(step.id);
      showNotice(notice, saveProgress(progress));
    }
    show();
  };

  reveal.addEventListener('click', doReveal);
  gradeButtons.forEach((button, i) => button.addEventListener('click', () => rate((i + 1) as Grade)));
  undo.addEventListener('click', doUndo);
  form.addEventListener('change', build);
  el('browse').addEventListener('click', (event) => {
    list.hidden = !list.hidden;
    (event.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!list.hidden));
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, select, textarea')) return;
    if (event.key === ' ') {
      event.preventDefault();
      void doReveal();
    } else if (/^[1-4]$/.test(event.key)) {
      void rate(Number(event.key) as Grade);
    } else if (event.key === 'u' || event.key === 'U') {
      doUndo();
    }
  });

  showNotice(notice, progress.notice);
  list.hidden = true;
  root.hidden = false;
  build();
}
