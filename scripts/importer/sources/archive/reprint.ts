/**
 * Reprint markers in titles: "A nerd's perspective on cloud hosting (перепечатка)",
 * "[Reprint] Foo", "Foo (repost)". The marker is removed from the title and kept as attribution.
 */

const MARKERS = 'перепечатка|репост|кросспост|reprint|reprinted|repost|reposted|cross-?post(?:ed)?';
const SUFFIX = new RegExp(`\\s*[(\\[]\\s*(${MARKERS})\\s*[)\\]]\\s*$`, 'iu');
const PREFIX = new RegExp(`^\\s*[(\\[]\\s*(${MARKERS})\\s*[)\\]]\\s*[:\\-–—]?\\s*`, 'iu');

/** A title with its reprint marker taken out. */
export interface ReprintTitle {
  title: string;
  /** The marker as written, e.g. `перепечатка`; undefined when the title has none. */
  marker?: string;
}

/** Splits a reprint marker off a title. A title that is only a marker keeps it. */
export function splitReprintMarker(title: string): ReprintTitle {
  for (const pattern of [SUFFIX, PREFIX]) {
    const match = pattern.exec(title);
    const rest = title.replace(pattern, '').trim();
    if (match?.[1] !== undefined && rest !== '') return { title: rest, marker: match[1] };
  }
  return { title };
}
