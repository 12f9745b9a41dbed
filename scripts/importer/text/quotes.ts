/**
 * Finds `[quote]…[/quote]` spans (the BBCode-style shortcode that survives in text dumps of
 * WordPress pages) so they become blockquotes. A span may open and close on one line, span
 * several lines, or sit on the same line as the text before or after it.
 */

/** A run of the text that is either ordinary or quoted. */
export interface TextSegment {
  quoted: boolean;
  text: string;
}

// `[quote]` may carry an attribution (`[quote="Name"]`, `[quote name="x"]`), which is dropped.
const OPENING = /\[quote(?:[= ][^\]\n]*)?\]/gi;
const CLOSING = '[/quote]';

/**
 * Splits text into ordinary and quoted segments; an unclosed `[quote]` stays ordinary text.
 * Scans with indexOf rather than one lazy regex, which would rescan the rest of the text for
 * every unclosed opening tag (quadratic on hostile input).
 */
export function splitQuotes(text: string): TextSegment[] {
  const lower = text.toLowerCase();
  const segments: TextSegment[] = [];
  let last = 0;
  OPENING.lastIndex = 0;
  for (let open = OPENING.exec(text); open !== null; open = OPENING.exec(text)) {
    const start = open.index + open[0].length;
    const close = lower.indexOf(CLOSING, start);
    // No closing tag anywhere after this one: none of the later openings can close either.
    if (close < 0) break;
    if (open.index > last) segments.push({ quoted: false, text: text.slice(last, open.index) });
    segments.push({ quoted: true, text: text.slice(start, close) });
    last = close + CLOSING.length;
    OPENING.lastIndex = last;
  }
  if (last < text.length) segments.push({ quoted: false, text: text.slice(last) });
  return segments.filter((segment) => segment.text.trim() !== '');
}
