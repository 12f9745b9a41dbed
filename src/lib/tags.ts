import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';
import { site } from '../site.config.ts';

/** A tag as shown on the site: its URL slug and the display name chosen for all spellings that share the slug. */
export interface Tag {
  slug: string;
  name: string;
}

/** Symbols that carry meaning in technology names (C++, C#), spelled out so that `C++` does not merge with `C`. */
const SPELLED_SYMBOLS: Record<string, string> = { '+': ' plus ', '#': ' sharp ' };

/**
 * URL slug of a tag text, ignoring aliases: lower-case ASCII letters, digits and hyphens. Cyrillic and other scripts
 * are transliterated, so `CTO/CIO` → `cto-cio`, `best practices` → `best-practices`, `Облака` → `oblaka`. A text with
 * no letters or digits gets `tag-<hash>`. Which spellings merge into one tag is decided by `tagMergeKey`.
 */
export function slugifyTag(text: string): string {
  const spelled = text.normalize('NFKC').replace(/[+#]/g, (symbol) => SPELLED_SYMBOLS[symbol] ?? symbol);
  const slug = transliterate(spelled)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `tag-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

/** Synonym map as in `site.tagAliases`: alias text → the tag it becomes. */
export type TagAliases = Readonly<Record<string, string>>;

const aliasTables = new WeakMap<TagAliases, Map<string, string>>();

/** The alias table keyed by slug, so an alias matches whatever case or punctuation a post spells it with. */
function aliasTable(aliases: TagAliases): Map<string, string> {
  let table = aliasTables.get(aliases);
  if (!table) {
    table = new Map(Object.entries(aliases).map(([alias, target]) => [slugifyTag(alias), target]));
    aliasTables.set(aliases, table);
  }
  return table;
}

/** The tag text after applying the aliases (`k8s` → `Kubernetes`). @default aliases site.tagAliases */
function resolveAlias(text: string, aliases: TagAliases = site.tagAliases): string {
  return aliasTable(aliases).get(slugifyTag(text)) ?? text;
}

/** Slug of a tag text as used in URLs, aliases applied. @default aliases site.tagAliases */
function tagSlug(text: string, aliases: TagAliases = site.tagAliases): string {
  return slugifyTag(resolveAlias(text, aliases));
}

/** All tags of a set of posts, with the posts under each tag, in the order of `posts`. */
export interface TagIndex<P> {
  /** Tags sorted by display name. */
  tags: Tag[];
  /** Posts under a tag slug, in the order of `posts`. */
  postsByTag: Map<string, P[]>;
  /** The tag (slug and display name) a tag text of any spelling belongs to. */
  tagOf(text: string): Tag;
}

/**
 * Key under which tag spellings merge: the slug without its hyphens, so `Mem-cached`, `memcached` and `MEMCACHED`
 * are one tag, as are `CTO/CIO` and `cto cio`. Aliases are applied first.
 */
export function tagMergeKey(text: string, aliases: TagAliases = site.tagAliases): string {
  return tagSlug(text, aliases).replace(/-/g, '');
}

/**
 * Groups posts by tag. The display name of a merged tag is its most used spelling (an alias's target always wins;
 * ties go to the spelling met first, i.e. in the newest post), and its slug is derived from that name, so the same
 * tag reads the same and has one URL everywhere.
 */
export function indexTags<P>(
  posts: readonly P[],
  tagsOf: (post: P) => readonly string[],
  aliases: TagAliases = site.tagAliases,
): TagIndex<P> {
  const postsByKey = new Map<string, P[]>();
  const spellings = new Map<string, Map<string, number>>(); // insertion order = order first met
  const aliasTargets = new Map<string, string>();
  for (const post of posts) {
    const keys = new Set<string>();
    for (const text of tagsOf(post)) {
      const name = resolveAlias(text, aliases);
      const key = tagMergeKey(name, {});
      if (name !== text) aliasTargets.set(key, name);
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(key, counts);
      if (keys.has(key)) continue; // a post that spells a tag twice is listed once
      keys.add(key);
      const list = postsByKey.get(key);
      if (list) list.push(post);
      else postsByKey.set(key, [post]);
    }
  }
  const tagsByKey = new Map<string, Tag>();
  const postsByTag = new Map<string, P[]>();
  for (const [key, counts] of spellings) {
    // Array.prototype.sort is stable, so equal counts keep the order spellings were met in.
    const [mostUsed] = [...counts].sort(([, x], [, y]) => y - x);
    const name = aliasTargets.get(key) ?? mostUsed![0];
    const tag = { slug: slugifyTag(name), name };
    tagsByKey.set(key, tag);
    postsByTag.set(tag.slug, postsByKey.get(key)!);
  }
  const tags = [...tagsByKey.values()].sort((a, b) => a.name.localeCompare(b.name, site.lang, { sensitivity: 'base' }));
  return {
    tags,
    postsByTag,
    tagOf(text: string): Tag {
      return tagsByKey.get(tagMergeKey(text, aliases)) ?? { slug: tagSlug(text, aliases), name: resolveAlias(text, aliases) };
    },
  };
}

/** The distinct tags of one post, display names taken from the index, in the post's own order. */
export function tagsOfPost<P>(index: TagIndex<P>, texts: readonly string[]): Tag[] {
  const seen = new Set<string>();
  return texts.map((text) => index.tagOf(text)).filter((tag) => !seen.has(tag.slug) && Boolean(seen.add(tag.slug)));
}
