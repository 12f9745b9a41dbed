import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Options of the Pagefind integration. */
export interface PagefindOptions {
  /**
   * Elements left out of the index wherever they appear: the snippet toolbars' button labels ("Copy commands",
   * "Run") would otherwise match every post that has a snippet, "Practise N cards" every post with a deck, and each
   * card's "Source" link every deck.
   * @default ['.snippet-bar', '.snippet-warning', '.practice-link', '.card__source']
   */
  excludeSelectors?: string[];
  /**
   * Folder of the index inside the build output; the search page loads `/<bundleDir>/pagefind.js`.
   * @default 'pagefind'
   */
  bundleDir?: string;
}

const DEFAULTS: Required<PagefindOptions> = {
  excludeSelectors: ['.snippet-bar', '.snippet-warning', '.practice-link', '.card__source'],
  bundleDir: 'pagefind',
};

/** The part of `pagefind-entry.json` that says how many pages each language's index holds. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/**
 * Pages in the written index. Read from the bundle rather than from `addDirectory`, whose count includes the pages
 * Pagefind drops afterwards for having no `data-pagefind-body` (the listing pages).
 */
async function indexedPageCount(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Throws with every message Pagefind reported for a step, naming the step. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * Indexes the HTML pages of a built site (`site`) and writes the Pagefind bundle to `bundle`. Returns how many pages
 * the index holds. Throws with Pagefind's messages when a step fails.
 * @default excludeSelectors the integration's default list
 */
export async function writeSearchIndex(site: string, bundle: string, excludeSelectors: string[] = DEFAULTS.excludeSelectors): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors });
    check('start', errors);
    if (!index) throw new Error('Pagefind could not start: no index was created');
    check(`index ${site}`, (await index.addDirectory({ path: site })).errors);
    check(`write ${bundle}`, (await index.writeFiles({ outputPath: bundle })).errors);
  } finally {
    // The service is a child process; left running it would keep the build from exiting.
    await pagefind.close();
  }
  return indexedPageCount(bundle);
}

/**
 * Builds the Pagefind search index from the HTML of the finished build (`astro:build:done`), so whatever output
 * folder the build wrote to (`astro build --outDir X`) gets its own `pagefind/` bundle. Which pages and what parts
 * of them are indexed is decided by `data-pagefind-*` attributes in the layouts.
 */
export function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  const { excludeSelectors, bundleDir } = { ...DEFAULTS, ...options };
  return {
    name: 'opsdeck:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const bundle = join(site, bundleDir);
        const pages = await writeSearchIndex(site, bundle, excludeSelectors);
        logger.info(`search index: ${pages} pages indexed into ${bundle}`);
      },
    },
  };
}
