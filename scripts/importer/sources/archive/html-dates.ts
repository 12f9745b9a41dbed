/**
 * Dates as WordPress themes print them on archive pages: a `datetime` attribute (RFC 3339) when
 * the theme has one, else the displayed text ("June 10, 2010", "10 июня 2010", "10.06.2010").
 * Every form is checked strictly; a date that is not a real calendar day is rejected, not rolled.
 */

import { type DateResult, parseRfc3339 } from '../../dates.ts';

// English month names and their abbreviations, and Russian month names in every case a date uses.
const MONTH_WORDS: [RegExp, number][] = [
  [/^jan(uary)?$|^январ[ья]$/i, 1], [/^feb(ruary)?$|^феврал[ья]$/i, 2], [/^mar(ch)?$|^марта?$/i, 3],
  [/^apr(il)?$|^апрел[ья]$/i, 4], [/^may$|^ма[йя]$/i, 5], [/^june?$|^июн[ья]$/i, 6], [/^july?$|^июл[ья]$/i, 7],
  [/^aug(ust)?$|^августа?$/i, 8], [/^sep(t|tember)?$|^сентябр[ья]$/i, 9], [/^oct(ober)?$|^октябр[ья]$/i, 10],
  [/^nov(ember)?$|^ноябр[ья]$/i, 11], [/^dec(ember)?$|^декабр[ья]$/i, 12],
];

function monthNumber(word: string): number | undefined {
  return MONTH_WORDS.find(([pattern]) => pattern.test(word.replace(/\.$/, '')))?.[1];
}

function iso(year: string, month: number, day: string): string {
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Parses a displayed date; the result is midnight UTC of that day. */
export function parseDisplayedDate(text: string): DateResult {
  const value = text.replace(/\s+/g, ' ').replace(/\s*г\.?$/, '').trim();
  // "June 10, 2010", "Jun 10 2010"
  const american = /^(\p{L}+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(value);
  // "10 June 2010", "10 июня 2010"
  const european = /^(\d{1,2}) (\p{L}+\.?),? (\d{4})$/u.exec(value);
  // "10.06.2010", "2010/06/10", "2010-06-10"
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const isoLike = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  let candidate: string | undefined;
  if (american) {
    const month = monthNumber(american[1]!);
    if (month !== undefined) candidate = iso(american[3]!, month, american[2]!);
  } else if (european) {
    const month = monthNumber(european[2]!);
    if (month !== undefined) candidate = iso(european[3]!, month, european[1]!);
  } else if (dotted) {
    candidate = iso(dotted[3]!, Number(dotted[2]), dotted[1]!);
  } else if (isoLike) {
    candidate = iso(isoLike[1]!, Number(isoLike[2]), isoLike[3]!);
  }
  return candidate === undefined ? { ok: false, reason: `"${value}" is not a date this importer can read` } : parseRfc3339(candidate);
}
