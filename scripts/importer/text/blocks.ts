/**
 * Splits plain text into blocks: runs of lines separated by blank lines. A line holding only
 * no-break spaces is kept inside its block as an empty line, because saved pages write the empty
 * lines of a <pre> that way, while real paragraph breaks come out as truly empty lines.
 */

/** A run of non-blank lines. */
export interface TextBlock {
  /** Lines without trailing whitespace; `''` for a no-break-space-only line inside the block. */
  lines: string[];
  /** Index of the block's first line in the text, 0-based. */
  start: number;
}

// C0/C1 control characters other than tab and newline never belong in a post.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Normalises line endings, strips control characters and splits into lines. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').split('\n');
}

/** Whether a line is empty or only ordinary whitespace (not no-break spaces). */
function isHardBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Whether a line holds only whitespace including at least one no-break space. */
function isSoftBlank(line: string): boolean {
  return !isHardBlank(line) && line.trim() === '';
}

/** Splits lines into blocks at hard blank lines. */
export function splitBlocks(lines: readonly string[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  lines.forEach((raw, index) => {
    if (isHardBlank(raw)) {
      current = undefined;
      return;
    }
    const line = isSoftBlank(raw) ? '' : raw.replace(/\s+$/, '');
    if (current === undefined) {
      // A block never starts with an empty line.
      if (line === '') return;
      current = { lines: [], start: index };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  // …nor ends with one.
  for (const block of blocks) while (block.lines.at(-1) === '') block.lines.pop();
  return blocks;
}
