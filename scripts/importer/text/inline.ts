/**
 * Turns one run of plain prose into mdast phrasing: http(s) URLs become links, `*word*` becomes
 * emphasis, and absolute paths and command options mentioned in a sentence (`/etc/hosts`,
 * `--raid`) become inline code. Everything else stays text; the Markdown serialiser escapes it,
 * so `<script>` stays text.
 */

import type { PhrasingContent } from 'mdast';

// A URL ends at whitespace, at an angle bracket or quote (the remains of a broken `<a href="…">`).
const URL = /https?:\/\/[^\s<>"”“'«»]+/g;
// An absolute path with at least two segments, or a command option, standing as its own word.
const CODE_WORD = /(?<=^|[\s(«"“])(?:\/[\w.@%+-]+(?:\/[\w.@%+-]*)+|--?[A-Za-z][\w-]*)(?=$|[\s),.;:!?»"”])/g;

// What a text dump leaves of `<a href="URL">text</a>` when the quote was mangled: `URL”>text`.
const BROKEN_ANCHOR = /^["”']>([^,.;:!?()<>]{1,80}?)(?=[,.;:!?]|$)/;
// Plain-text emphasis the way people type it: *closer*, *LIKE*.
const STARRED = /(?<=^|[\s(«"“])\*([^*\s](?:[^*]{0,60}[^*\s])?)\*(?=$|[\s),.;:!?»"”])/g;

/** Trailing punctuation a sentence puts after a URL, which is not part of it. */
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]]+$/, '');
}

/** Splits text at `*starred*` words into emphasis, and the rest at code words. */
function emphasisAndCode(text: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of text.matchAll(STARRED)) {
    if (match.index > last) nodes.push(...codeWords(text.slice(last, match.index)));
    nodes.push({ type: 'emphasis', children: [{ type: 'text', value: match[1] ?? '' }] });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(...codeWords(text.slice(last)));
  return nodes;
}

/** Splits text at code words into text and inlineCode nodes. */
function codeWords(text: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE_WORD)) {
    const word = match[0];
    if (match.index > last) nodes.push({ type: 'text', value: text.slice(last, match.index) });
    nodes.push({ type: 'inlineCode', value: word });
    last = match.index + word.length;
  }
  if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
  return nodes;
}

/** Converts one run of prose to phrasing nodes. */
export function toPhrasing(text: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of text.matchAll(URL)) {
    if (match.index < last) continue;
    const url = trimUrl(match[0]);
    if (match.index > last) nodes.push(...emphasisAndCode(text.slice(last, match.index)));
    last = match.index + url.length;
    // A mangled anchor keeps its words after the URL: they are the link's text.
    const anchor = BROKEN_ANCHOR.exec(text.slice(last));
    const label = anchor?.[1]?.trim();
    if (anchor !== null && label) last += anchor[0].length;
    nodes.push({ type: 'link', url, children: [{ type: 'text', value: label || url }] });
  }
  if (last < text.length) nodes.push(...emphasisAndCode(text.slice(last)));
  return nodes;
}

/** Converts lines of one paragraph to phrasing, joined by line breaks where the source broke them. */
export function linesToPhrasing(lines: readonly string[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) {
      // A line that continues a sentence (no closing punctuation, next starts lower-case) was wrapped;
      // otherwise the source had a deliberate break.
      const previous = lines[index - 1]!.trim();
      const wrapped = !/[.!?:;…]$/.test(previous) && /^\p{Ll}/u.test(line.trim());
      nodes.push(wrapped ? { type: 'text', value: ' ' } : { type: 'break' });
    }
    nodes.push(...toPhrasing(line.trim()));
  });
  return mergeText(nodes);
}

/** Merges adjacent text nodes, so the serialiser sees whole runs. */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else merged.push(node);
  }
  return merged;
}
