/**
 * Frontmatter as the importer writes and reads it: YAML through the `yaml` package, keys in a fixed order,
 * every string quoted when a YAML 1.1 or 1.2 reader could take it for something else (`Yes`, `null`, `: x`).
 */

import { isMap, parseDocument, stringify } from 'yaml';

/** Key order of frontmatter (PostSchema, then DeckSchema's own keys) and of its nested objects. */
const KEY_ORDER: Record<string, string[]> = {
  '': ['title', 'date', 'approxDate', 'updated', 'author', 'tags', 'summary', 'draft', 'post', 'url', 'description', 'source', 'reprint'],
  source: ['id', 'url', 'feed', 'input', 'order', 'hash'],
  reprint: ['author', 'url', 'marker'],
};

/**
 * A copy of value with object keys in KEY_ORDER for their parent key (unknown keys after them, sorted) and
 * undefined values dropped.
 */
function orderKeys(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => orderKeys(v));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const order = KEY_ORDER[parentKey] ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, orderKeys(v, k)]));
}

/**
 * Serialises frontmatter as YAML (without the `---` fences). Strings that any YAML reader could take for
 * another type are quoted (YAML 1.1 rules, so `Yes`, `on`, `~`, `null` stay strings for js-yaml and older
 * readers too); Dates become plain UTC timestamps (`2010-03-14T17:34:33`, which YAML reads as UTC); lines are
 * never folded, so the output is stable.
 */
export function stringifyFrontmatter(data: Record<string, unknown>): string {
  return stringify(orderKeys(data), { version: '1.1', lineWidth: 0, minContentWidth: 0 });
}

/** A file split into its frontmatter data and body. */
export interface ParsedFile {
  data: Record<string, unknown>;
  /** The YAML text between the fences. */
  yaml: string;
  body: string;
}

/**
 * Splits `---\nYAML\n---\nbody` and parses the YAML (YAML 1.1, as written). Returns null when the file has
 * no frontmatter or its YAML does not parse to a mapping.
 */
export function parseFrontmatter(text: string): ParsedFile | null {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  const yaml = match[1] ?? '';
  const doc = parseDocument(yaml, { version: '1.1', uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  return { data: doc.toJS() as Record<string, unknown>, yaml, body: text.slice(match[0].length) };
}

/** A whole file: fenced frontmatter, a blank line, then the body (ending in one newline). */
export function renderFile(data: Record<string, unknown>, body: string): string {
  // trimEnd strips exactly what /\s+$/ would (WhiteSpace and LineTerminator), without the regex retrying at every space
  const trimmed = body.replace(/^\n+/, '').trimEnd();
  return `---\n${stringifyFrontmatter(data)}---\n${trimmed === '' ? '' : `\n${trimmed}\n`}`;
}
