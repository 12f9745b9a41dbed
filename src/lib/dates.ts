import { site } from '../site.config.ts';

/** The date fields of a post: a precise `date`, or only an `approxDate` (`YYYY` or `YYYY-MM`). */
export interface PostDates {
  date?: Date | undefined;
  approxDate?: string | undefined;
}

/** First instant (UTC) of the period a post was published in: the date itself, or the start of the approximate year or month; undefined for an undated post. */
function periodStart({ date, approxDate }: PostDates): number | undefined {
  if (date) return date.getTime();
  if (approxDate) {
    const [year, month = '01'] = approxDate.split('-');
    return Date.UTC(Number(year), Number(month) - 1, 1);
  }
  return undefined;
}

/** Year a post belongs to in the archive; undefined for an undated post. */
export function yearOf(dates: PostDates): number | undefined {
  const start = periodStart(dates);
  return start === undefined ? undefined : new Date(start).getUTCFullYear();
}

/** Whether the post has only an approximate date. */
export function isApproximate({ date, approxDate }: PostDates): boolean {
  return date === undefined && approxDate !== undefined;
}

/** Whether the post has no date at all (an imported post whose source gives none). */
export function isUndated({ date, approxDate }: PostDates): boolean {
  return date === undefined && approxDate === undefined;
}

/** Human-readable date in the site language: "March 14, 2010", "c. 2010" / "c. March 2010" when approximate, "Undated". */
export function formatPostDate(dates: PostDates): string {
  const start = periodStart(dates);
  if (start === undefined) return 'Undated';
  const when = new Date(start);
  if (dates.date) {
    return when.toLocaleDateString(site.lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  }
  const hasMonth = dates.approxDate?.includes('-') ?? false;
  const period = when.toLocaleDateString(site.lang, { year: 'numeric', ...(hasMonth && { month: 'long' }), timeZone: 'UTC' });
  return `c. ${period}`;
}

/** Machine-readable value for `<time datetime>`: an ISO timestamp, or the approximate `YYYY`/`YYYY-MM` as given. */
export function machineDate({ date, approxDate }: PostDates): string | undefined {
  return date ? date.toISOString() : approxDate;
}

/** A post's dates plus where it sits in its source archive, which orders posts that share an approximate date or have none. */
export interface DatedPost extends PostDates {
  /** File or URL the post was imported from. */
  input?: string | undefined;
  /** Position in that archive, 0 = first. */
  order?: number | undefined;
}

/**
 * Newest-first order: by the start of each post's period; in the same period precise dates come first, then
 * approximate ones by their place in the source archive (which lists newest first). Undated posts come last, each
 * archive's in its own order.
 */
export function compareNewestFirst(a: DatedPost, b: DatedPost): number {
  const [startA, startB] = [periodStart(a), periodStart(b)];
  if (startA === undefined || startB === undefined) {
    if (startA !== startB) return startA === undefined ? 1 : -1;
  } else if (startA !== startB) {
    return startB - startA;
  }
  return (
    Number(isApproximate(a)) - Number(isApproximate(b)) ||
    (a.input ?? '').localeCompare(b.input ?? '') ||
    (a.order ?? 0) - (b.order ?? 0)
  );
}
