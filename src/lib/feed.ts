import type { RSSFeedItem } from '@astrojs/rss';
import { site } from '../site.config.ts';
import { authorOf, type PostEntry } from './posts.ts';
import type { TagIndex } from './tags.ts';
import { tagsOfPost } from './tags.ts';
import { absoluteUrl, absolutizeHtml, postPath } from './urls.ts';

/** Escapes text for an XML element body. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The feed item of a post: full rendered HTML with every URL absolute, tags as categories, the author as
 * `dc:creator` (RSS's own `<author>` must be an e-mail address). Posts with only an approximate date have no
 * pubDate rather than an invented one.
 */
function feedItem(post: PostEntry, tagIndex: TagIndex<PostEntry>): RSSFeedItem {
  const link = absoluteUrl(postPath(post.id));
  const html = post.rendered?.html;
  if (html === undefined) throw new Error(`post "${post.id}" (${post.filePath}) has no rendered HTML for the feed`);
  return {
    title: post.data.title,
    link,
    ...(post.data.date && { pubDate: post.data.date }),
    ...(post.data.summary && { description: post.data.summary }),
    content: absolutizeHtml(html, link),
    categories: tagsOfPost(tagIndex, post.data.tags).map((tag) => tag.name),
    customData: `<dc:creator>${xmlText(authorOf(post))}</dc:creator>`,
  };
}

/** The newest `site.feedItems` posts as feed items. */
export function feedItems(posts: readonly PostEntry[], tagIndex: TagIndex<PostEntry>): RSSFeedItem[] {
  return posts.slice(0, site.feedItems).map((post) => feedItem(post, tagIndex));
}
