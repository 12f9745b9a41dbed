/**
 * Source ids key imported posts across runs: the guid, else the link, else a hash of the content.
 */
import { createHash } from 'node:crypto';
import type { ImportedEntry } from './types.ts';

/** An entry paired with the id it is synced under, plus a warning when the id had to be made distinct. */
export interface KeyedEntry {
  entry: ImportedEntry;
  sourceId: string;
}

/** Guids that must not be written as they are: script URLs and markup. */
const UNSAFE_ID = /^\s*(javascript|vbscript|data)\s*:|[<>"]/i;

/** SHA-256 hex of a string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The natural id of one entry: guid, else link, else `sha256:` of title and content. */
function naturalId(entry: ImportedEntry): string {
  const guid = entry.guid?.trim();
  // An id is opaque, but it is written into the post; a script URL or markup in it is kept only as a hash.
  if (guid && UNSAFE_ID.test(guid)) return `sha256:${sha256(guid)}`;
  if (guid) return guid;
  if (entry.link) return entry.link;
  return `sha256:${sha256(`${entry.title}\n${entry.content.value}`)}`;
}

/**
 * Assigns a distinct id to every entry. When several entries share an id (duplicate guids happen in real
 * feeds), the first keeps it and each later one gets `#` plus a hash of its own title, link and content —
 * deterministic across runs and stable when other items are added or removed. A warning is added to the
 * entry whose id was changed.
 */
export function assignSourceIds(entries: ImportedEntry[]): KeyedEntry[] {
  const used = new Set<string>();
  return entries.map((entry) => {
    const natural = naturalId(entry);
    let id = natural;
    if (used.has(id)) {
      const digest = sha256(`${entry.title}\n${entry.link ?? ''}\n${entry.content.value}`).slice(0, 12);
      id = `${natural}#${digest}`;
      // Two items identical in every field still need distinct ids; their order is the only difference.
      for (let n = 2; used.has(id); n += 1) id = `${natural}#${digest}-${n}`;
      entry.warnings.push(`duplicate id "${natural}"; imported under "${id}"`);
    }
    used.add(id);
    return { entry, sourceId: id };
  });
}
