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
const QUOTE = /\[quote(?:[= ][^\]\n]*)?\]([\s\S]*?)\[\/quote\]/gi;

/** Splits text into ordinary and quoted segments; an unclosed `[quote]` stays ordinary text. */
export function splitQuotes(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(QUOTE)) {
    if (match.index > last) segments.push({ quoted: false, text: text.slice(last, match.index) });
    segments.push({ quoted: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ quoted: false, text: text.slice(last) });
  return segments.filter((segment) => segment.text.trim() !== '');
}
