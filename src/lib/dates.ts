import { site } from '../site.config.ts';

/** The date fields of a post: a precise `date`, or only an `approxDate` (`YYYY` or `YYYY-MM`). */
export interface PostDates {
  date?: Date | undefined;
  approxDate?: string | undefined;
}

/** First instant (UTC) of the period a post was published in: the date itself, or the start of the approximate year or month. */
export function periodStart({ date, approxDate }: PostDates): number {
  if (date) return date.getTime();
  if (approxDate) {
    const [year, month = '01'] = approxDate.split('-');
    return Date.UTC(Number(year), Number(month) - 1, 1);
  }
  throw new Error('a post needs `date` or `approxDate`');
}

/** Year a post belongs to in the archive. */
export function yearOf(dates: PostDates): number {
  return new Date(periodStart(dates)).getUTCFullYear();
}

/** Whether the post's date is only approximate. */
export function isApproximate({ date }: PostDates): boolean {
  return date === undefined;
}

/** Human-readable date in the site language: "14 March 2010", or "c. 2010" / "c. March 2010" when approximate. */
export function formatPostDate(dates: PostDates): string {
  const when = new Date(periodStart(dates));
  if (dates.date) {
    return when.toLocaleDateString(site.lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  }
  const hasMonth = dates.approxDate?.includes('-') ?? false;
  const period = when.toLocaleDateString(site.lang, { year: 'numeric', ...(hasMonth && { month: 'long' }), timeZone: 'UTC' });
  return `c. ${period}`;
}

/** Machine-readable value for `<time datetime>`: an ISO timestamp, or the approximate `YYYY`/`YYYY-MM` as given. */
export function machineDate({ date, approxDate }: PostDates): string {
  return date ? date.toISOString() : (approxDate ?? '');
}

/** A post's dates plus its position in its archive page, which orders posts that share an approximate date. */
export interface DatedPost extends PostDates {
  order?: number | undefined;
}

/**
 * Newest-first order: by the start of each post's period; in the same period precise dates come first, then
 * approximate ones by their position in the source archive (which lists newest first).
 */
export function compareNewestFirst(a: DatedPost, b: DatedPost): number {
  return (
    periodStart(b) - periodStart(a) ||
    Number(isApproximate(a)) - Number(isApproximate(b)) ||
    (a.order ?? 0) - (b.order ?? 0)
  );
}
