/**
 * Lines of an archive page that are not the author's text: comment counters, copyright lines,
 * newsletter calls, "follow me" lines and separators. Known markers (English and Russian) are
 * listed here; lines that recur across one page's posts are learned by `learnRecurringLines`.
 */

/**
 * Where a boilerplate line sits around a post. A `footer` ends a post (so the next title-like line
 * starts a new one); a `header` follows a title; `inline` lines may sit anywhere and never split.
 */
export type BoilerplateRole = 'header' | 'footer' | 'inline';

/** A known kind of boilerplate line. */
export interface BoilerplateMarker {
  name: 'copyright' | 'separator' | 'newsletter' | 'comment-counter' | 'follow-me' | 'share' | 'learned';
  role: BoilerplateRole;
  pattern: RegExp;
}

// Calls to action are short; a long line that mentions a newsletter is the author's prose.
const MAX_CALL_LENGTH = 220;

/** The known markers, tried in order. */
const KNOWN_MARKERS: readonly BoilerplateMarker[] = [
  {
    name: 'copyright',
    role: 'footer',
    pattern: /^(?:©|\(c\)|copyright\b|&copy;)|\ball rights reserved\b|все права защищены/iu,
  },
  // A lone "." or "* * *" between posts: what is left of a separator image or rule.
  { name: 'separator', role: 'footer', pattern: /^[\s.·•*~_=–—-]{1,12}$/ },
  {
    name: 'newsletter',
    role: 'footer',
    pattern:
      /\bread this far\b|\b(?:grab|get|join|sign up for|subscribe to)\b.{0,60}\bnewsletter\b|^subscribe\b.{0,40}\b(?:rss|feed|updates)\b|подпи(?:шитесь|сывайтесь|саться).{0,60}(?:рассылк|rss|обновлени)/iu,
  },
  {
    name: 'comment-counter',
    role: 'header',
    pattern:
      /^(?:комментариев нет|нет комментариев|комментарии \(\d+\)|\d+ комментари[йяев]*|оставить комментарий|добавить комментарий|no comments(?: yet)?|one comment|\d+ comments?|leave a (?:comment|reply)|comments? \(\d+\)|comments? off)\.?$/iu,
  },
  {
    name: 'follow-me',
    role: 'inline',
    pattern:
      // JavaScript's \b only knows ASCII letters, so the Russian alternatives use lookarounds.
      /\b(?:follow|find)\b.{0,60}\b(?:on|at|via)\s+(?:twitter|linkedin|facebook|mastodon|github)\b|\bjoin [\d,.]+ others\b|(?<!\p{L})(?:следите за (?:мной|нами)|подписывайтесь на (?:мой|наш|меня|нас))(?!\p{L})/iu,
  },
  { name: 'share', role: 'inline', pattern: /^(?:share this|like this|поделиться|рассказать друзьям)(?!\p{L}):?/iu },
];

/** Collapses runs of whitespace (including no-break spaces) so recurring lines compare equal. */
export function normaliseLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** The known marker a line matches, if any. */
export function matchKnownMarker(line: string): BoilerplateMarker | undefined {
  const text = normaliseLine(line);
  if (text.length === 0) return undefined;
  for (const marker of KNOWN_MARKERS) {
    const short = marker.name === 'separator' || marker.name === 'comment-counter' || text.length <= MAX_CALL_LENGTH;
    if (short && marker.pattern.test(text)) return marker;
  }
  return undefined;
}

/** One single-line paragraph of a page, with what surrounds it. */
export interface LineInContext {
  text: string;
  /** Whether the paragraph before it looks like a post title (or is the page heading). */
  afterTitle: boolean;
  /** Whether the paragraph after it looks like a post title (or the page ends). */
  beforeTitle: boolean;
}

/** How often a line must recur on one page before it counts as boilerplate. */
export const MIN_RECURRENCE = 3;

/**
 * Learns boilerplate from lines that recur on one page. A recurring line counts only when it sits
 * in the same place around posts most of the time: right before a title (a footer) or right after
 * one (a header). That keeps a heading such as "Conclusion", used by several posts, as text.
 * @returns normalised line → role.
 */
export function learnRecurringLines(lines: readonly LineInContext[]): Map<string, BoilerplateRole> {
  const stats = new Map<string, { count: number; before: number; after: number }>();
  for (const line of lines) {
    const key = normaliseLine(line.text);
    if (key.length === 0 || key.length > MAX_CALL_LENGTH) continue;
    const entry = stats.get(key) ?? { count: 0, before: 0, after: 0 };
    entry.count++;
    if (line.beforeTitle) entry.before++;
    if (line.afterTitle) entry.after++;
    stats.set(key, entry);
  }
  const learned = new Map<string, BoilerplateRole>();
  for (const [key, { count, before, after }] of stats) {
    if (count < MIN_RECURRENCE) continue;
    if (before * 3 >= count * 2) learned.set(key, 'footer');
    else if (after * 3 >= count * 2) learned.set(key, 'header');
  }
  return learned;
}
