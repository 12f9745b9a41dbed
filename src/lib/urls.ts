import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { site } from '../site.config.ts';

/** Path of a post page. */
export function postPath(id: string): string {
  return `/posts/${id}/`;
}

/** Path of page `page` (1-based) of a tag's post list. */
export function tagPath(slug: string, page = 1): string {
  return page > 1 ? `/tags/${slug}/${page}/` : `/tags/${slug}/`;
}

/** Path of page `page` (1-based) of the home page's post list. */
export function homePath(page = 1): string {
  return page > 1 ? `/${page}/` : '/';
}

/** Absolute URL of a site path (or any URL relative to the site root), percent-encoded. */
export function absoluteUrl(path: string, base: string = site.url + '/'): string {
  return new URL(path, base).href;
}

/** Attributes that hold one URL each. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite', 'action'] as const;

/**
 * Rewrites every relative URL in an HTML fragment to an absolute one, resolved against `base` (the page the fragment
 * was rendered for). Feed readers show content out of context, where relative links would point nowhere.
 */
export function absolutizeHtml(html: string, base: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => {
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = absoluteUrl(value, base);
    }
    const srcset = node.properties['srcSet'];
    if (typeof srcset === 'string') {
      // A comma-separated list of "url [descriptor]" candidates; only the URLs change.
      node.properties['srcSet'] = srcset
        .split(',')
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [absoluteUrl(url, base), ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
  return toHtml(tree);
}
