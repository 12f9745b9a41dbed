/** The part of Pagefind's browser API (`/pagefind/pagefind.js`, written by the build) that the search page uses. */
export interface PagefindApi {
  options(options: { excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  /** `term` null lists every page that passes the filters. */
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
}

/** One search: matching pages, best first; their data loads per result. */
export interface PagefindSearch {
  results: PagefindResult[];
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/** A matching page. `excerpt` is text with `<`/`>` escaped and the matched words in `<mark>`. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  /** Sections of the page (headings with an id) that match; a page without any gives one entry for itself. */
  sub_results: { title: string; url: string; excerpt: string }[];
}

/** Where the build writes the bundle (see src/integrations/pagefind.ts). */
const PAGEFIND_URL = '/pagefind/pagefind.js';

/**
 * Loads and starts Pagefind. Rejects with a message saying why when the bundle is missing: `astro dev` serves no
 * index, only `astro build` writes one.
 */
export async function loadPagefind(excerptLength: number): Promise<PagefindApi> {
  let api: PagefindApi;
  try {
    // A runtime URL, not a module of this build: Vite must leave the import alone.
    api = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindApi;
  } catch {
    throw new Error(`the search index (${PAGEFIND_URL}) could not be loaded; it is written by npm run build`);
  }
  await api.options({ excerptLength });
  await api.init();
  return api;
}
