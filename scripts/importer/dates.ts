/**
 * Strict date parsers for feeds. `new Date()` accepts garbage and rolls "31 Feb" into March; these reject
 * anything that is not a real calendar date in a plausible range, and say why.
 */

/** A parsed date, or the reason the text is not one. */
export type DateResult = { ok: true; date: Date } | { ok: false; reason: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Named zones of RFC 822 §5.1, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/** Earliest year accepted: nothing was blogged before the epoch; 1970-01-01 itself is usually a zeroed field. */
const MIN_YEAR = 1970;

const RFC822 =
  /^(?:([A-Za-z]{3}),?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an RFC 822 / RFC 2822 date (`Sun, 14 Mar 2010 17:34:33 +0000`), as RSS 2.0 `pubDate` uses. */
export function parseRfc822(value: string): DateResult {
  const match = RFC822.exec(value.trim());
  if (!match) return fail(`"${value}" is not an RFC 822 date`);
  const [, dayName, day, monthName, yearText, hour, minute, second, zone] = match;
  if (dayName && !DAYS.includes(dayName.toLowerCase())) return fail(`"${dayName}" is not a day name`);
  const month = MONTHS.indexOf(monthName!.toLowerCase());
  if (month < 0) return fail(`"${monthName}" is not a month`);
  let year = Number(yearText);
  // RFC 822 two-digit years: 2822 §4.3 says 00–49 are 20xx and 50–99 are 19xx.
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
  const offset = zoneOffset(zone ?? 'GMT');
  if (offset === undefined) return fail(`"${zone}" is not a time zone`);
  return build(value, year, month, Number(day), Number(hour), Number(minute), Number(second ?? 0), 0, offset);
}

/**
 * Parses an RFC 3339 / W3C-DTF date (`2010-03-14T17:34:33Z`, `2010-03-14T17:34+01:00`, `2010-03-14`), as
 * Atom and Dublin Core use. A missing zone means UTC.
 */
export function parseRfc3339(value: string): DateResult {
  const match = RFC3339.exec(value.trim());
  if (!match) return fail(`"${value}" is not an RFC 3339 date`);
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const offset = zone && !/^[Zz]$/.test(zone) ? isoOffset(zone) : 0;
  if (offset === undefined) return fail(`"${zone}" is not a time zone offset`);
  const millis = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  return build(value, Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), millis, offset);
}

/** Tries RFC 822 and then RFC 3339, since feeds mix them up; the reason names the field. */
export function parseFeedDate(value: string | undefined, field: string): DateResult {
  if (value === undefined || value.trim() === '') return fail(`no ${field}`);
  const rfc822 = parseRfc822(value);
  if (rfc822.ok) return rfc822;
  const rfc3339 = parseRfc3339(value);
  if (rfc3339.ok) return rfc3339;
  // Report the error of the format the text resembles most.
  const reason = /^\d{4}-/.test(value.trim()) ? rfc3339.reason : rfc822.reason;
  return fail(`${field} ${reason}`);
}

function build(
  text: string, year: number, month: number, day: number,
  hour: number, minute: number, second: number, millis: number, offsetMinutes: number,
): DateResult {
  if (month < 0 || month > 11) return fail(`"${text}" has no month ${month + 1}`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return fail(`"${text}": ${MONTH_NAMES[month]} ${year} has ${days} days, not ${day}`);
  if (hour > 23 || minute > 59 || second > 60) return fail(`"${text}" has an impossible time of day`);
  const maxYear = new Date().getUTCFullYear() + 1;
  if (year < MIN_YEAR) return fail(`"${text}" has an implausible year ${year} (before ${MIN_YEAR})`);
  if (year > maxYear) return fail(`"${text}" has an implausible year ${year} (more than a year ahead)`);
  // A leap second (:60) is kept as the last second of the minute rather than rolled into the next one.
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), millis) - offsetMinutes * 60_000;
  return { ok: true, date: new Date(utc) };
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;
}

function zoneOffset(zone: string): number | undefined {
  if (/^[+-]\d{4}$/.test(zone)) return isoOffset(zone);
  return ZONES[zone.toUpperCase()];
}

function isoOffset(zone: string): number | undefined {
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function fail(reason: string): DateResult {
  return { ok: false, reason };
}
