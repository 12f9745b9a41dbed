/** `/rss.xml`: RSS 2.0 feed of the newest posts with their full content. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../lib/feed.ts';
import { getPosts, getTagIndex } from '../lib/posts.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async (context) =>
  rss({
    title: site.title,
    description: site.description,
    site: context.site ?? site.url,
    items: feedItems(await getPosts(), await getTagIndex()),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${site.lang}</language><atom:link href="${new URL('/rss.xml', site.url)}" rel="self" type="application/rss+xml"/>`,
  });
