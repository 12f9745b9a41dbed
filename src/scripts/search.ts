/**
 * The search page island: searches as you type over the Pagefind index, with an optional tag filter, and keeps the
 * query in the address (`?q=…&tag=…`) so a search can be shared or bookmarked.
 */
import { loadPagefind, type PagefindApi, type PagefindResult } from './pagefind-client.ts';
import { resultItem } from './search-results.ts';

/** Results rendered at a time; "More results" renders the next batch. */
const PAGE_SIZE = 10;
/** Pause in typing before a search runs, so each keystroke does not fetch index chunks. */
const TYPING_DELAY_MS = 120;
/** Words in an excerpt. */
const EXCERPT_WORDS = 28;

/** What the reader asked for: words and a tag's display name, either may be empty. */
interface Query {
  q: string;
  tag: string;
}

function queryFromUrl(search: string): Query {
  const params = new URLSearchParams(search);
  return { q: params.get('q')?.trim() ?? '', tag: params.get('tag') ?? '' };
}

/** This page's address for a query, without empty parameters. */
function queryUrl({ q, tag }: Query): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (tag) params.set('tag', tag);
  const search = params.toString();
  return location.pathname + (search ? `?${search}` : '');
}

/** The status line after a search. */
function summary({ q, tag }: Query, count: number): string {
  const tagged = tag ? ` tagged “${tag}”` : '';
  if (!q) return count === 0 ? `Nothing is tagged “${tag}”.` : `${count} ${count === 1 ? 'page' : 'pages'}${tagged}.`;
  if (count === 0) return `Nothing matches “${q}”${tagged}. Try fewer or shorter words${tag ? ', or all tags' : ''}.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${q}”${tagged}.`;
}

/** Starts the search page: fills the form from the address, runs that search, then follows the form. */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLElement>('[data-search-more]');
  const input = form?.elements.namedItem('q');
  const moreButton = more?.querySelector('button');
  if (!form || !status || !list || !more || !moreButton || !(input instanceof HTMLInputElement)) return;
  const tagSelect = form.elements.namedItem('tag');
  const tags = tagSelect instanceof HTMLSelectElement ? tagSelect : undefined;

  let pagefind: Promise<PagefindApi> | undefined;
  const ready = () => (pagefind ??= loadPagefind(EXCERPT_WORDS));
  /** Bumped by every search, so a slower earlier search cannot overwrite a later one's results. */
  let generation = 0;
  /** Results of the current search not rendered yet. */
  let pending: PagefindResult[] = [];
  let typing: ReturnType<typeof setTimeout> | undefined;

  const current = (): Query => ({ q: input.value.trim(), tag: tags?.value ?? '' });

  async function render(search: number): Promise<HTMLLIElement[]> {
    const batch = pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (search !== generation) return [];
    const items = data.map(resultItem);
    list!.append(...items);
    more!.hidden = pending.length === 0;
    return items;
  }

  async function run(): Promise<void> {
    clearTimeout(typing);
    const query = current();
    const search = ++generation;
    history.replaceState(history.state, '', queryUrl(query));
    if (!query.q && !query.tag) {
      pending = [];
      list!.replaceChildren();
      more!.hidden = true;
      status!.textContent = '';
      return;
    }
    list!.setAttribute('aria-busy', 'true');
    try {
      const api = await ready();
      const found = await api.search(query.q || null, query.tag ? { filters: { tag: query.tag } } : {});
      if (search !== generation) return;
      const count = found.results.length;
      pending = [...found.results];
      list!.replaceChildren();
      await render(search);
      if (search === generation) status!.textContent = summary(query, count);
    } catch (error) {
      if (search !== generation) return;
      pagefind = undefined; // the next search tries again
      pending = [];
      list!.replaceChildren();
      more!.hidden = true;
      status!.textContent = `Search is unavailable: ${error instanceof Error ? error.message : String(error)}.`;
    } finally {
      if (search === generation) list!.removeAttribute('aria-busy');
    }
  }

  const initial = queryFromUrl(location.search);
  input.value = initial.q;
  if (tags && [...tags.options].some((option) => option.value === initial.tag)) tags.value = initial.tag;

  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(), TYPING_DELAY_MS);
  });
  tags?.addEventListener('change', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // the page is already here: search in place instead of reloading
    void run();
  });
  moreButton.addEventListener('click', async () => {
    const [first] = await render(generation);
    first?.querySelector('a')?.focus(); // keyboard readers continue where the new results start
  });

  // Fetch the index runtime now, while the reader is still typing; a failure is reported by the first search.
  ready().catch(() => undefined);
  if (initial.q || initial.tag) void run();
}
