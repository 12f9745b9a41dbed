/**
 * Tells what a single line of a plain-text dump is: prose, a list item, a title, a shell command or
 * a config line. These only *find* code in prose; helper modules in ../snippets.ts type it.
 */

import { isPromptLine, looksLikeCommand } from '../../../src/lib/shell-session.ts';

// Short function words of English and Russian prose; commands and config lines have almost none.
const STOPWORDS = new Set(
  `a an the and or but so to of in on at by for from with into over than that this these those is are was were be
  been it its you your we our they their he she i my me if as not no can will would should could do does did has
  have had then when what where which who why how all some there here about after before between because
  и в во на не что это как но а по к из за от для с со же ли или у о об мы вы он она они я его её их`.split(/\s+/),
);

/** Text with quoted strings removed, so a command's `"limit ssh access"` argument is not prose. */
function withoutQuoted(line: string): string {
  return line.replace(/"[^"]*"|'[^']*'|“[^”]*”|«[^»]*»/g, ' ');
}

/** Number of prose function words in the line, outside quoted strings. */
function stopwordCount(line: string): number {
  // Whole words only: `7bea4601:d5a0` must not count as the word "a".
  const words = withoutQuoted(line)
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[(«“"]+|[)»”",.;:!?]+$/g, ''));
  return words.filter((word) => STOPWORDS.has(word)).length;
}

/** Whether the line reads as a sentence (or a run of sentences) rather than code. */
export function isProseLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || isPromptLine(text)) return false;
  // "term – definition" lines and em-dash asides are prose even with few function words.
  if (/\s[–—]\s/.test(text)) return true;
  const words = text.split(/\s+/).length;
  if (stopwordCount(text) >= 2) return true;
  return words >= 4 && /^[\p{Lu}«“"]/u.test(text) && /[.!?…:]$/.test(text) && !/[;{}=]/.test(text);
}

/**
 * Whether the line is a shell command written without a prompt: a known command (see
 * src/lib/shell-commands.ts), an executable path (`/etc/init.d/glusterfsd start`), or a run of options
 * continuing a command (`-m comment --comment "x"`), and never a sentence.
 */
export function isCommandLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || isProseLine(text)) return false;
  if (looksLikeCommand(text)) return text.split(/\s+/).length > 1 || /[/|<>]/.test(text);
  if (/^\/[\w.-]+(?:\/[\w.@-]+)+\s+\S/.test(text)) return true;
  // A run of options and their values: `-m comment --comment "limit ssh access"`.
  const tokens = text.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  return /^--?[A-Za-z][\w-]*(?:=\S*)?$/.test(tokens[0] ?? '') && tokens.every((token) => !/^[-–—]$/.test(token) && !/[.!?]$/.test(token));
}

/** Whether the line is a config-file line: a hosts entry, an INI section or key, fstab or crontab. */
export function isConfigLine(line: string): boolean {
  const text = line.trim();
  return (
    /^(?:(?:\d{1,3}|x{1,3})(?:\.(?:\d{1,3}|x{1,3})){3}|[0-9a-f]*::[0-9a-f:]*)\s+[\w.-]+(?:\s+[\w.-]+)*$/i.test(text) ||
    /^\[[\w. :-]+\]$/.test(text) ||
    /^[\w.-]+\s*=\s*(?:"[^"]*"|'[^']*'|\S+)$/.test(text) ||
    /^(?:UUID=)?\S+\s+(?:\/\S*|none|swap)\s+\w+\s+\S+\s+\d\s+\d$/.test(text) ||
    /^(?:[\d*/,-]+\s+){5}\S/.test(text)
  );
}

/** Whether the line starts a script. */
export function isShebang(line: string): boolean {
  return /^#!\s*\/\S+/.test(line.trim());
}

/** A list item's marker and text. */
export interface ListMarker {
  ordered: boolean;
  /** The marker as written (`•`, `o`, `1.`, `A.`), so lists with different markers stay apart. */
  symbol: string;
  /** The number of an ordered item (letters count from A = 1). */
  number?: number;
  text: string;
}

/**
 * Reads a list marker: bullets (`•`, `o`, `*`, `-`, `▪`) and ordered markers (`1.`, `1)`, `A.`).
 * `o` (lynx's bullet) counts only before a capital or a digit, since "o" also starts ordinary
 * words, unless `looseO` says the block's other lines use it too.
 */
export function parseListMarker(line: string, looseO = false): ListMarker | undefined {
  const bullet = looseO
    ? /^\s*([•▪►·*‣◦-]|o)\s+(\S.*)$/u.exec(line)
    : /^\s*([•▪►·*‣◦-]|o(?=\s+[\p{Lu}\d«"“]))\s+(\S.*)$/u.exec(line);
  if (bullet?.[1] !== undefined && bullet[2] !== undefined) return { ordered: false, symbol: bullet[1], text: bullet[2] };
  const numbered = /^\s*(\d{1,3})([.)])\s+(\S.*)$/.exec(line);
  if (numbered?.[1] !== undefined && numbered[3] !== undefined) {
    return { ordered: true, symbol: `1${numbered[2]}`, number: Number(numbered[1]), text: numbered[3] };
  }
  const lettered = /^\s*([A-Z])([.)])\s+(\S.*)$/.exec(line);
  if (lettered?.[1] !== undefined && lettered[3] !== undefined) {
    return { ordered: true, symbol: `A${lettered[2]}`, number: lettered[1].charCodeAt(0) - 64, text: lettered[3] };
  }
  return undefined;
}

/** Whether a block's lines use `o ` as their bullet: two or more of them start with it. */
export function usesLooseO(lines: readonly string[]): boolean {
  return lines.filter((line) => /^\s*o\s+\S/.test(line)).length >= 2;
}

/**
 * Whether a line could be a title or a section heading: short, one phrase, no closing full stop,
 * comma-free, not a list item, not code, not a "Label: text" line ("Related: …", "Read: …").
 * @param strict also rejects `Label:` prefixes and lines longer than a standalone heading.
 */
export function isTitleLike(line: string, strict = true): boolean {
  const text = line.trim();
  const words = text.split(/\s+/).length;
  if (text.length < 2 || text.length > (strict ? 80 : 110) || words > (strict ? 12 : 16)) return false;
  // A post title may start with anything a person types; a heading inside a post is plainer.
  if (!(strict ? /^[\p{L}\d«"“]/u : /^[^\s[\]#$>|{}]/u).test(text)) return false;
  if (/[.,;:]$/.test(text) || /[.!?…]\s+\p{Lu}/u.test(text)) return false;
  if (/!$/.test(text) || (strict && /,\s/.test(text))) return false;
  if (strict && /^[^\s:]+(?:\s[^\s:]+)?:\s/.test(text)) return false;
  return !isPromptLine(text) && !isCommandLine(text) && !isConfigLine(text) && parseListMarker(text)?.ordered !== false;
}
