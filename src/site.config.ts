import { z } from 'astro/zod';

/** Site-wide settings. Edit `site` below; the schema checks it when the site builds. */
export const SiteConfigSchema = z.object({
  /** Site title, shown in the header, the page titles and the feed. */
  title: z.string().min(1),
  /** One-line description for the home page, meta tags and the feed. */
  description: z.string(),
  /** Absolute URL the site is deployed at, with no trailing slash. Used for canonical links, the sitemap and the feed. */
  url: z.url(),
  /** BCP 47 language tag of the site, e.g. `en` or `ru`. */
  lang: z.string().min(2),
  /** Default author for posts that name none. */
  author: z.string(),
  /** Posts per page on the home page and tag pages. @default 10 */
  postsPerPage: z.number().int().positive().default(10),
  /** Posts in the RSS feed, newest first. @default 50 */
  feedItems: z.number().int().positive().default(50),
  /** Synonym tags merged into one: key is the alias, value the tag it becomes (`k8s` → `Kubernetes`). */
  tagAliases: z.record(z.string(), z.string()).default({}),
});

export type SiteConfig = z.output<typeof SiteConfigSchema>;

export const site: SiteConfig = SiteConfigSchema.parse({
  title: 'opsdeck',
  description: 'Years of ops writing in one place: posts, runnable snippets and interview flashcards.',
  url: 'https://opsdeck.example.org',
  lang: 'en',
  author: 'opsdeck',
  postsPerPage: 10,
  feedItems: 50,
  tagAliases: {},
});
