import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../site.config.ts';
import { compareNewestFirst, yearOf } from './dates.ts';
import { indexTags, type TagIndex } from './tags.ts';

/** A post of the `posts` collection. */
export type PostEntry = CollectionEntry<'posts'>;

const byNewest = (a: PostEntry, b: PostEntry) =>
  compareNewestFirst({ ...a.data, order: a.data.source?.order }, { ...b.data, order: b.data.source?.order });

/** Published posts, newest first. Drafts are included only by `astro dev`. */
export async function getPosts(): Promise<PostEntry[]> {
  // MODE, not DEV: DEV follows NODE_ENV, which test runners set to `test` even for a production build.
  const posts = await getCollection('posts', ({ data }) => import.meta.env.MODE === 'development' || !data.draft);
  return posts.sort(byNewest);
}

/** Tag index over the published posts. */
export async function getTagIndex(): Promise<TagIndex<PostEntry>> {
  return indexTags(await getPosts(), (post) => post.data.tags);
}

/** Display name of a post's author. */
export function authorOf(post: PostEntry): string {
  return post.data.author ?? site.author;
}

/** Posts grouped by year, newest year first; each group keeps the newest-first order. */
export function groupByYear(posts: readonly PostEntry[]): { year: number; posts: PostEntry[] }[] {
  const groups = new Map<number, PostEntry[]>();
  for (const post of posts) {
    const year = yearOf(post.data);
    const group = groups.get(year);
    if (group) group.push(post);
    else groups.set(year, [post]);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, posts: list }));
}
