import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { DeckSchema } from './schemas/deck.ts';
import { PostSchema } from './schemas/post.ts';

const posts = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/posts' }),
  schema: PostSchema,
});

const cards = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/cards' }),
  schema: DeckSchema,
});

export const collections = { posts, cards };
