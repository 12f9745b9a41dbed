// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import rehypePrettyCode from 'rehype-pretty-code';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  integrations: [sitemap()],
  markdown: {
    // Astro 7 defaults to Sätteri, which runs no remark/rehype plugins and passes raw HTML through.
    processor: unified({
      gfm: false, // remark-gfm is added explicitly below so its options stay in one place
      remarkPlugins: [remarkGfm],
      rehypePlugins: [
        [rehypePrettyCode, { theme: { light: 'github-light', dark: 'github-dark' }, keepBackground: false, defaultLang: 'plaintext' }],
      ],
    }),
    syntaxHighlight: false, // rehype-pretty-code highlights instead of Astro's built-in Shiki pass
  },
});
