/**
 * Recognises the structure of plain-text blocks: code regions, lists, headings and paragraphs.
 * Decisions that need the whole post are left to assemble.ts.
 */

import type { TextBlock } from './blocks.ts';
import { codeSpanAt, continuesScript, startsCode } from './find-code.ts';
import type { TextItem } from './items.ts';
import { isProseLine, isShebang, isTitleLike, parseListMarker, usesLooseO } from './line-kinds.ts';

// A line this long is a sentence, not an item of a list of short lines.
const MAX_UNMARKED_ITEM = 160;

/** Recognises a run of blocks (one post body, or the inside of a quote). */
export function recogniseBlocks(blocks: readonly TextBlock[]): TextItem[] {
  const items: TextItem[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (isShebang(block.lines[0] ?? '')) {
      const lines = [...block.lines];
      // A script runs from its shebang over blank lines until prose starts again.
      while (index + 1 < blocks.length && continuesScript(blocks[index + 1]!)) {
        lines.push('', ...blocks[++index]!.lines);
      }
      items.push({ kind: 'code', lines });
      continue;
    }
    items.push(...recogniseBlock(block.lines));
  }
  return items;
}

/** Recognises one block: text lines, with code regions and lists cut out of it. */
function recogniseBlock(lines: readonly string[]): TextItem[] {
  const items: TextItem[] = [];
  let text: string[] = [];
  const flushText = (): void => {
    if (text.length > 0) items.push(...recogniseText(text));
    text = [];
  };
  const looseO = usesLooseO(lines);
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line !== '' && startsCode(line)) {
      flushText();
      const span = codeSpanAt(lines, index);
      items.push({ kind: 'code', lines: lines.slice(span.start, span.end) });
      index = span.end;
      continue;
    }
    const marker = parseListMarker(line, looseO);
    // A numbered line alone in its block may be a section heading; assemble.ts decides.
    if (marker !== undefined && !(marker.ordered && lines.length === 1)) {
      flushText();
      const list = { kind: 'list' as const, ordered: marker.ordered, symbol: marker.symbol, start: marker.number ?? 1, items: [marker.text] };
      index++;
      while (index < lines.length) {
        const next = lines[index]!;
        const nextMarker = parseListMarker(next, looseO);
        if (nextMarker?.symbol === marker.symbol) list.items.push(nextMarker.text);
        // An indented line without a marker continues the item above it.
        else if (nextMarker === undefined && /^\s{2,}\S/.test(next) && !startsCode(next)) {
          list.items[list.items.length - 1] += ` ${next.trim()}`;
        } else break;
        index++;
      }
      items.push(list);
      continue;
    }
    if (line !== '') text.push(line);
    index++;
  }
  flushText();
  return items;
}

/** Recognises lines of text with no code or marked list in them. */
function recogniseText(lines: readonly string[]): TextItem[] {
  const [first, ...rest] = lines;
  if (first === undefined) return [];
  if (rest.length === 0) {
    const marker = parseListMarker(first);
    if (marker?.ordered === true && isTitleLike(marker.text, false)) {
      return [{ kind: 'numbered-candidate', number: marker.number ?? 1, symbol: marker.symbol, text: marker.text, line: first.trim() }];
    }
    if (marker?.ordered === true) return [{ kind: 'list', ordered: true, symbol: marker.symbol, start: marker.number ?? 1, items: [marker.text] }];
    return isTitleLike(first) ? [{ kind: 'heading-candidate', text: first.trim() }] : [{ kind: 'paragraph', lines: [first] }];
  }
  // "Heading\nA long first sentence of the section…": the dump lost the break after a heading.
  if (isTitleLike(first, false) && isProseLine(rest[0]!) && rest[0]!.length > first.length) {
    return [{ kind: 'heading', text: first.trim() }, ...recogniseText(rest)];
  }
  // "Here are some examples:\nrsync – …\nscp – …": short lines under an introduction are a list.
  if (/:$/.test(first.trim()) && rest.length >= 2 && rest.every((line) => line.trim().length <= MAX_UNMARKED_ITEM)) {
    return [
      { kind: 'paragraph', lines: [first] },
      { kind: 'list', ordered: false, symbol: '', start: 1, items: rest.map((line) => line.trim()) },
    ];
  }
  return [{ kind: 'paragraph', lines: [...lines] }];
}
