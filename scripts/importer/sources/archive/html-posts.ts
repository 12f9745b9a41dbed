/**
 * Finds the posts of a WordPress archive page and reads each one's fields from the markup
 * WordPress themes share: `post_class()` classes on the post, `.entry-title`, `time[datetime]`,
 * `.author .fn`, `rel="category tag"` links and `.entry-content` (Twenty Ten … Twenty Twenty-Four,
 * classic and block themes).
 */

import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { clean, httpUrl } from '../../fields.ts';

/** Elements that hold one post in the themes' markup. */
const POST_SELECTOR = 'article, .hentry, .type-post, li.wp-block-post, div.post';
const TITLE_SELECTOR = '.entry-title, .wp-block-post-title, .post-title, h2, h1, h3';
const CONTENT_SELECTOR = '.entry-content, .wp-block-post-content, .post-content';
const SUMMARY_SELECTOR = '.entry-summary, .wp-block-post-excerpt';
const DATETIME_SELECTORS = ['time.published[datetime]', 'time.entry-date[datetime]', 'time[datetime]'];
/** Displayed dates, most specific first (`.posted-on` wraps `.entry-date` plus "Posted on"). */
const DATE_TEXT_SELECTORS = ['abbr.published[title]', '.entry-date', '.wp-block-post-date', '.post-date', '.posted-on'];
const AUTHOR_SELECTOR =
  '.author .fn, .author.vcard a, a[rel~=author], .wp-block-post-author-name, .wp-block-post-author__name, .byline a, .author a';
/** Links a post's footer uses for categories (`rel="category tag"`) and tags (`rel="tag"`). */
const TERM_SELECTOR = 'a[rel~=tag], .wp-block-post-terms a';
/** Parts of a post body that are the theme's, not the author's. */
const THEME_PARTS = '.more-link, .screen-reader-text, .sharedaddy, .jp-relatedposts';
/** Text of the link themes append to an excerpt or a teaser. */
const CONTINUE_READING = /^(?:continue reading|read more|more|читать далее|далее|подробнее)\b/iu;

/** What one post's markup says, before validation. */
export interface HtmlPost {
  title?: string;
  href?: string;
  datetime?: string;
  dateText?: string;
  author?: string;
  terms: string[];
  /** The body's HTML, untrusted (sanitised later by html-to-markdown). */
  html?: string;
  /** Whether the page shows only an excerpt or a teaser cut at a "more" link. */
  partial: boolean;
}

/** The posts of the page: matching elements that are not inside another match. */
export function findPostElements(tree: Root): Element[] {
  const candidates = selectAll(POST_SELECTOR, tree);
  const nested = new Set<Element>();
  for (const candidate of candidates) {
    // selectAll matches the element it starts from too; only its descendants are nested.
    for (const inner of selectAll(POST_SELECTOR, candidate)) if (inner !== candidate) nested.add(inner);
  }
  return candidates.filter((candidate) => !nested.has(candidate) && inside(TITLE_SELECTOR, candidate) !== undefined);
}

/** The first match strictly inside `element` (hast-util-select also tests the element itself). */
function inside(selector: string, element: Element): Element | undefined {
  return selectAll(selector, element).find((match) => match !== element);
}

/** Displayed text of an element: whitespace collapsed, control characters removed, never re-parsed. */
function textOf(element: Element | undefined): string | undefined {
  return element === undefined ? undefined : clean(toText(element).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, ''));
}

function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: Element, outer: Element | undefined): boolean {
  return outer !== undefined && (inner === outer || selectAll('*', outer).includes(inner));
}

/** Reads one post element. Relative links are resolved against `baseUrl`. */
export function readPost(element: Element, baseUrl: string | undefined): HtmlPost {
  const titleElement = inside(TITLE_SELECTOR, element);
  const titleLink = (titleElement === undefined ? undefined : select('a[href]', titleElement)) ?? inside('a[rel~=bookmark][href]', element);
  const contentElement = inside(CONTENT_SELECTOR, element) ?? inside(SUMMARY_SELECTOR, element);
  const post: HtmlPost = { terms: [], partial: contentElement === undefined || inside(SUMMARY_SELECTOR, element) === contentElement };

  const title = textOf(titleElement);
  if (title !== undefined) post.title = title;
  const href = httpUrl(attribute(titleLink, 'href'), baseUrl);
  if (href !== undefined) post.href = href;

  for (const selector of DATETIME_SELECTORS) {
    const time = selectAll(selector, element).find((candidate) => !within(candidate, contentElement));
    const datetime = attribute(time, 'dateTime');
    if (datetime !== undefined) {
      post.datetime = datetime;
      break;
    }
  }
  for (const selector of DATE_TEXT_SELECTORS) {
    const dateElement = selectAll(selector, element).find((candidate) => !within(candidate, contentElement));
    const dateText = dateElement === undefined ? undefined : (attribute(dateElement, 'title') ?? textOf(dateElement));
    if (dateText !== undefined) {
      post.dateText = dateText;
      break;
    }
  }

  const authorElement = selectAll(AUTHOR_SELECTOR, element).find((candidate) => !within(candidate, contentElement));
  const author = textOf(authorElement);
  if (author !== undefined) post.author = author;

  for (const link of selectAll(TERM_SELECTOR, element)) {
    if (within(link, contentElement)) continue;
    const term = textOf(link);
    if (term !== undefined) post.terms.push(term);
  }

  if (contentElement !== undefined) {
    // "Continue reading →" links to the post itself: the theme cut the post at <!--more--> or
    // showed an excerpt.
    const continuation = selectAll('a[href]', contentElement).filter(
      (link) => CONTINUE_READING.test(textOf(link) ?? '') && isSamePost(httpUrl(attribute(link, 'href'), baseUrl), post.href),
    );
    const theme = [...selectAll(THEME_PARTS, contentElement), ...continuation];
    if (continuation.length > 0 || select('.more-link', contentElement) !== undefined) post.partial = true;
    post.html = toHtml({ type: 'root', children: contentElement.children.map((child) => withoutParts(child, new Set(theme))) });
  }
  return post;
}

/** Whether a link points at the post (its permalink, maybe with a `#more-N` fragment). */
function isSamePost(url: string | undefined, permalink: string | undefined): boolean {
  return url !== undefined && permalink !== undefined && url.split('#')[0] === permalink.split('#')[0];
}

/** A copy of a node with the given elements removed. */
function withoutParts<T extends Root['children'][number]>(node: T, parts: ReadonlySet<Element>): T {
  if (node.type !== 'element') return node;
  const children = node.children
    .filter((child) => !(child.type === 'element' && parts.has(child)))
    .map((child) => withoutParts(child, parts));
  return { ...node, children };
}
