/**
 * Finds the "older posts" link of an archive page, for `--follow-pages`: WordPress themes put
 * it in `.nav-previous` (Twenty Ten … Twenty Fourteen), in `a.next.page-numbers` (the paginated
 * themes from Twenty Fifteen on), or in `.wp-block-query-pagination-next` (block themes); SEO
 * plugins add `<link rel="next">`. The link text is the last resort, in English and Russian.
 */

import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { httpUrl } from '../../fields.ts';

/** Selectors tried in order; the first match with a usable href wins. */
const NEXT_SELECTORS = [
  'link[rel~=next][href]',
  'a[rel~=next][href]',
  '.nav-previous a[href]',
  'a.next.page-numbers[href]',
  'a.wp-block-query-pagination-next[href]',
  '.pagination .next a[href]',
  '.nav-links .next[href]',
];

const OLDER_TEXT = /older (?:posts|entries)|previous (?:posts|entries)|next page|(?:предыдущие|старые|более ранние|следующие) записи|старее|следующая страница/i;

function hrefOf(element: Element | undefined, baseUrl: string): string | undefined {
  const href = element?.properties['href'];
  return typeof href === 'string' ? httpUrl(href, baseUrl) : undefined;
}

/** The older-posts URL of a parsed page, absolute, or undefined when the page is the last one. */
export function nextPageUrlOf(tree: Root, baseUrl: string): string | undefined {
  const here = httpUrl(baseUrl);
  const usable = (url: string | undefined): url is string => url !== undefined && url !== here;
  for (const selector of NEXT_SELECTORS) {
    const url = hrefOf(select(selector, tree), baseUrl);
    if (usable(url)) return url;
  }
  for (const anchor of selectAll('a[href]', tree)) {
    const url = hrefOf(anchor, baseUrl);
    if (OLDER_TEXT.test(toText(anchor)) && usable(url)) return url;
  }
  return undefined;
}

/**
 * The older-posts URL of an archive page, resolved against the page's URL.
 * @param html the page, decoded
 * @param baseUrl the URL the page was fetched from
 */
export function nextPageUrl(html: string, baseUrl: string): string | undefined {
  return nextPageUrlOf(fromHtml(html), baseUrl);
}
