/**
 * Finds code regions in a block of a text dump: shell sessions (prompt lines and the output that
 * follows them), commands written without prompts and their output, config fragments, and whole
 * scripts from a shebang to the first paragraph of prose after them.
 */

import { isPromptLine } from '../../../src/lib/shell-session.ts';
import type { TextBlock } from './blocks.ts';
import { isCommandLine, isConfigLine, isProseLine, isShebang, isTitleLike, parseListMarker } from './line-kinds.ts';

/** Where a code region starts in a block's lines, and how far it goes (exclusive). */
export interface CodeSpan {
  start: number;
  end: number;
}

/** Whether a line starts a code region inside a block. */
export function startsCode(line: string): boolean {
  return isPromptLine(line.trim()) || isShebang(line) || isCommandLine(line) || isConfigLine(line);
}

/**
 * The code span starting at `start` in the block's lines. A session or command runs to the end of
 * its block (its output follows it without a blank line); a config fragment runs while lines are
 * config lines.
 */
export function codeSpanAt(lines: readonly string[], start: number): CodeSpan {
  const first = lines[start] ?? '';
  if (!isPromptLine(first.trim()) && !isCommandLine(first) && !isShebang(first)) {
    let end = start;
    while (end < lines.length && isConfigLine(lines[end]!)) end++;
    return { start, end };
  }
  let end = start + 1;
  // Output lines follow until the block ends; a list item or prose sentence would end the region,
  // but only when it is not itself another command.
  while (end < lines.length && !(isProseLine(lines[end]!) && !startsCode(lines[end]!)) && parseListMarker(lines[end]!)?.ordered !== false) end++;
  return { start, end };
}

/**
 * Whether a block continues the script above it: scripts have blank lines, and a saved page may
 * write them as real paragraph breaks. A script ends at prose, a list or a title-like phrase.
 */
export function continuesScript(block: TextBlock): boolean {
  const first = block.lines[0] ?? '';
  if (isProseLine(first) || parseListMarker(first) !== undefined) return false;
  return !(isTitleLike(first) && first.trim().split(/\s+/).length >= 2);
}
