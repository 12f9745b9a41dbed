/**
 * Trojan Source (CVE-2021-42574) and invisible-character detection: bidirectional controls reorder how code is
 * displayed without changing what runs, and zero-width characters hide differences between look-alike commands.
 */

/** Characters that change or hide what a reader sees, with their Unicode names. */
const HIDDEN_CHARS: Readonly<Record<string, string>> = {
  '\u061C': 'ARABIC LETTER MARK',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\u180E': 'MONGOLIAN VOWEL SEPARATOR',
  '\u00AD': 'SOFT HYPHEN',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
};

/** Matches any one hidden character. */
const HIDDEN_CHAR_PATTERN = new RegExp(`[${Object.keys(HIDDEN_CHARS).join('')}]`, 'gu');

/** `U+202E` for a character. */
function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The distinct hidden characters in a text, as `U+XXXX` labels in order of appearance. */
export function findHiddenChars(text: string): string[] {
  const labels = [...text.matchAll(HIDDEN_CHAR_PATTERN)].map((m) => codePointLabel(m[0]));
  return [...new Set(labels)];
}

/** A piece of text split around hidden characters: plain text, or one hidden character. */
export type HiddenCharPart = { text: string } | { hidden: string; label: string; name: string };

/** Splits text so that each hidden character stands alone and can be shown as a visible marker. */
export function splitHiddenChars(text: string): HiddenCharPart[] {
  const parts: HiddenCharPart[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN_CHAR_PATTERN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ hidden: match[0], label: codePointLabel(match[0]), name: HIDDEN_CHARS[match[0]] ?? 'HIDDEN CHARACTER' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
