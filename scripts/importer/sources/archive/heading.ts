/**
 * Recognises the heading WordPress themes put above an archive page ("Category Archives: X",
 * "Архив рубрики «X»", "Tag: X", …) in English and Russian, old and new core wording.
 */

/** What kind of archive a page is, and the term it lists. */
export interface ArchiveHeading {
  kind: 'category' | 'tag' | 'author' | 'date';
  /** The category, tag or author name, or the date text (`June 2010`). */
  term: string;
}

/** A heading pattern; the term is the first capture group. */
interface HeadingPattern {
  kind: ArchiveHeading['kind'];
  pattern: RegExp;
}

// Quotes themes and translations wrap the term in; stripped from both ends.
const QUOTES = '«»‘’“”„"\'';

const PATTERNS: HeadingPattern[] = [
  // Twenty Ten … Twenty Thirteen ("Category Archives: X"), Kubrick ("Archive for the ‘X’ Category").
  { kind: 'category', pattern: /^category archives?:?\s*(.+)$/i },
  { kind: 'category', pattern: /^archive for the (.+) category$/i },
  { kind: 'tag', pattern: /^tag archives?:?\s*(.+)$/i },
  { kind: 'tag', pattern: /^posts tagged:?\s*(.+)$/i },
  { kind: 'author', pattern: /^author archives?:?\s*(.+)$/i },
  { kind: 'date', pattern: /^(?:daily|monthly|yearly) archives?:?\s*(.+)$/i },
  { kind: 'date', pattern: /^archive for (.+)$/i },
  // WordPress ≥ 4.1 core wording ("Category: X"), used by Twenty Fifteen onward and block themes.
  { kind: 'category', pattern: /^category:\s*(.+)$/i },
  { kind: 'tag', pattern: /^tag:\s*(.+)$/i },
  { kind: 'author', pattern: /^author:\s*(.+)$/i },
  { kind: 'date', pattern: /^(?:year|month|day):\s*(.+)$/i },
  // Russian translations, old and new.
  { kind: 'category', pattern: /^архивы? (?:рубрики|рубрик|категории|раздела):?\s*(.+)$/i },
  { kind: 'category', pattern: /^рубрика:\s*(.+)$/i },
  { kind: 'tag', pattern: /^архивы? (?:тега|тегов|метки|меток):?\s*(.+)$/i },
  { kind: 'tag', pattern: /^(?:метка|тег):\s*(.+)$/i },
  { kind: 'tag', pattern: /^записи с меткой:?\s*(.+)$/i },
  { kind: 'author', pattern: /^архивы? автора:?\s*(.+)$/i },
  { kind: 'author', pattern: /^автор:\s*(.+)$/i },
  { kind: 'date', pattern: /^архивы? (?:за|по) (?:день|дням|месяц|месяцам|год|годам):?\s*(.+)$/i },
  { kind: 'date', pattern: /^(?:год|месяц|день):\s*(.+)$/i },
];

/** Removes one layer of quotes (and whitespace) around a term. */
function unquote(term: string): string {
  let start = 0;
  let end = term.length;
  while (start < end && (QUOTES.includes(term[start]!) || /\s/.test(term[start]!))) start++;
  while (end > start && (QUOTES.includes(term[end - 1]!) || /\s/.test(term[end - 1]!))) end--;
  return term.slice(start, end);
}

/**
 * Parses one line (a text dump's line, or an HTML heading's text) as an archive heading.
 * @returns the heading, or undefined when the line is not one.
 */
export function parseArchiveHeading(line: string): ArchiveHeading | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > 200) return undefined;
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    const term = match?.[1] === undefined ? '' : unquote(match[1]);
    if (term.length > 0) return { kind, term };
  }
  return undefined;
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  январь: 1, февраль: 2, март: 3, апрель: 4, май: 5, июнь: 6, июль: 7, август: 8,
  сентябрь: 9, октябрь: 10, ноябрь: 11, декабрь: 12,
};

/**
 * The approximate date a date archive covers (`Monthly Archives: June 2010` → `2010-06`), used for
 * posts on the page that carry no date of their own.
 */
export function approxDateOfArchive(heading: ArchiveHeading): string | undefined {
  if (heading.kind !== 'date') return undefined;
  const year = /\b(19\d\d|20\d\d)\b/.exec(heading.term)?.[1];
  if (year === undefined) return undefined;
  const word = /\p{L}+/u.exec(heading.term)?.[0]?.toLowerCase();
  const month = word === undefined ? undefined : MONTHS[word];
  return month === undefined ? year : `${year}-${String(month).padStart(2, '0')}`;
}
