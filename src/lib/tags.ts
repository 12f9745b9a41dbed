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
 * are transliterated, so `CTO/CIO` → `cto-cio`, `best practices` → `best-practices`, `Облака` → `oblaka`; texts that
 * differ only in case or punctuation get the same slug. A text with no letters or digits gets `tag-<hash>`.
 */
export function slugifyTag(text: string): string {
  const spelled = text.normalize('NFKC').replace(/[+#]/g, (symbol) => SPELLED_SYMBOLS[symbol] ?? symbol);
  const slug = transliterate(spelled)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `tag-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

/** Alias table keyed by slug, so an alias matches whatever case or punctuation a post spells it with. */
const aliasesBySlug = new Map(Object.entries(site.tagAliases).map(([alias, target]) => [slugifyTag(alias), target]));

/** The tag text after applying `site.tagAliases` (`k8s` → `Kubernetes`). */
export function resolveAlias(text: string): string {
  return aliasesBySlug.get(slugifyTag(text)) ?? text;
}

/** Slug of a tag text as used in URLs, aliases applied. */
export function tagSlug(text: string): string {
  return slugifyTag(resolveAlias(text));
}

/** All tags of a set of posts, with the posts under each tag, in the order of `posts`. */
export interface TagIndex<P> {
  /** Tags sorted by display name. */
  tags: Tag[];
  /** Posts under a tag slug. */
  postsByTag: Map<string, P[]>;
  /** Display name for a tag text of any spelling. */
  tagOf(text: string): Tag;
}

/**
 * Groups posts by tag slug. The display name of a merged tag is its most used spelling (an alias's target always
 * wins; ties go to the alphabetically first spelling), so the same tag reads the same on every page.
 */
export function indexTags<P>(posts: readonly P[], tagsOf: (post: P) => readonly string[]): TagIndex<P> {
  const postsByTag = new Map<string, P[]>();
  const spellings = new Map<string, Map<string, number>>();
  const aliasTargets = new Map<string, string>();
  for (const post of posts) {
    const slugs = new Set<string>();
    for (const text of tagsOf(post)) {
      const name = resolveAlias(text);
      const slug = slugifyTag(name);
      if (name !== text) aliasTargets.set(slug, name);
      const counts = spellings.get(slug) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(slug, counts);
      if (slugs.has(slug)) continue; // one post spelling a tag twice is listed once
      slugs.add(slug);
      const list = postsByTag.get(slug);
      if (list) list.push(post);
      else postsByTag.set(slug, [post]);
    }
  }
  const names = new Map<string, string>();
  for (const [slug, counts] of spellings) {
    const [mostUsed] = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    names.set(slug, aliasTargets.get(slug) ?? mostUsed![0]);
  }
  const tags = [...names].map(([slug, name]) => ({ slug, name }));
  tags.sort((a, b) => a.name.localeCompare(b.name, site.lang, { sensitivity: 'base' }));
  return {
    tags,
    postsByTag,
    tagOf(text: string): Tag {
      const slug = tagSlug(text);
      return { slug, name: names.get(slug) ?? resolveAlias(text) };
    },
  };
}

/** The distinct tags of one post, display names taken from the index, in the post's own order. */
export function tagsOfPost<P>(index: TagIndex<P>, texts: readonly string[]): Tag[] {
  const seen = new Set<string>();
  return texts.map((text) => index.tagOf(text)).filter((tag) => !seen.has(tag.slug) && Boolean(seen.add(tag.slug)));
}
