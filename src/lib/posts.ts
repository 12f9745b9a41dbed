import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../site.config.ts';
import { compareNewestFirst, yearOf } from './dates.ts';
import { indexTags, type TagIndex } from './tags.ts';

/** A post of the `posts` collection. */
export type PostEntry = CollectionEntry<'posts'>;

const byNewest = (a: PostEntry, b: PostEntry) =>
  compareNewestFirst({ ...a.data, order: a.data.source?.order }, { ...b.data, order: b.data.source?.order });

/** Whether this is `astro dev`, where content changes while the server runs. */
const isDev = () => import.meta.env.MODE === 'development';

async function loadPosts(): Promise<PostEntry[]> {
  // MODE, not DEV: DEV follows NODE_ENV, which test runners set to `test` even for a production build.
  const posts = await getCollection('posts', ({ data }) => isDev() || !data.draft);
  return posts.sort(byNewest);
}

let postsOnce: Promise<PostEntry[]> | undefined;
let tagIndexOnce: Promise<TagIndex<PostEntry>> | undefined;

/** Published posts, newest first (a shared array: do not mutate). Drafts are included only by `astro dev`. */
export function getPosts(): Promise<PostEntry[]> {
  if (isDev()) return loadPosts();
  return (postsOnce ??= loadPosts());
}

/** Tag index over the published posts. Computed once per build: every page shows tags. */
export function getTagIndex(): Promise<TagIndex<PostEntry>> {
  const build = async () => indexTags(await getPosts(), (post) => post.data.tags);
  if (isDev()) return build();
  return (tagIndexOnce ??= build());
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
