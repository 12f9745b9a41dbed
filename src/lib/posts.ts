import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../site.config.ts';
import { compareNewestFirst, yearOf } from './dates.ts';
import { indexTags, type TagIndex } from './tags.ts';

/** A post of the `posts` collection. */
export type PostEntry = CollectionEntry<'posts'>;

const datedPost = ({ data }: PostEntry) => ({ ...data, input: data.source?.input, order: data.source?.order });
const byNewest = (a: PostEntry, b: PostEntry) => compareNewestFirst(datedPost(a), datedPost(b));

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

/** Posts grouped by year, newest year first, then undated posts (`year: undefined`); groups keep the newest-first order. */
export function groupByYear(posts: readonly PostEntry[]): { year: number | undefined; posts: PostEntry[] }[] {
  const groups = new Map<number | undefined, PostEntry[]>();
  for (const post of posts) {
    const year = yearOf(post.data);
    const group = groups.get(year);
    if (group) group.push(post);
    else groups.set(year, [post]);
  }
  // `posts` is newest first with undated posts last, so the groups already come in order.
  return [...groups].map(([year, list]) => ({ year, posts: list }));
}
