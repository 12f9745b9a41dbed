import type { PagefindResultData } from './pagefind-client.ts';

/** Matching sections listed under a result, at most. */
const MAX_SECTIONS = 3;

/** Creates an element with a class and optional text. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * An excerpt as text nodes and `<mark>`s only. Pagefind's excerpt is HTML (escaped text plus `<mark>`); it is parsed in
 * an inert document and copied node by node, so nothing else from the indexed pages can become markup here.
 */
function highlightedExcerpt(excerpt: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html').body;
  const out = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') out.append(element('mark', 'search-result__match', node.textContent ?? ''));
    else out.append(node.textContent ?? '');
  }
  return out;
}

/**
 * A post's date as its page shows it: "March 14, 2010", or "c. 2010" / "c. March 2010" for the approximate `YYYY` /
 * `YYYY-MM`. The twin of formatPostDate in src/lib/dates.ts, which this island cannot import without the site config.
 */
function displayDate(value: string, lang: string): string {
  const utc: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  const approximate = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (!approximate) return new Date(value).toLocaleDateString(lang, { ...utc, month: 'long', day: 'numeric' });
  const [, year, month] = approximate;
  const start = new Date(Date.UTC(Number(year), Number(month ?? '1') - 1, 1));
  return `c. ${start.toLocaleDateString(lang, month ? { ...utc, month: 'long' } : utc)}`;
}

/** The line under a title: the date and tags of a post, or what kind of page it is. */
function metaLine(data: PagefindResultData): HTMLElement {
  const meta = element('p', 'search-result__meta');
  if (data.url.startsWith('/cards/')) meta.append(element('span', 'search-result__kind', 'Flashcard deck'));
  const date = data.meta['date'];
  if (date) {
    const time = element('time', 'search-result__date', displayDate(date, document.documentElement.lang || 'en'));
    time.dateTime = date;
    meta.append(time);
  }
  const tags = data.filters['tag'] ?? [];
  if (tags.length > 0) {
    const list = element('span', 'search-result__tags');
    list.append(...tags.map((tag) => element('span', 'tag', tag)));
    meta.append(list);
  }
  return meta;
}

/** Links to the matching sections of a long page (headings with an id), when there are any. */
function sectionLinks(data: PagefindResultData): HTMLElement | undefined {
  const sections = data.sub_results.filter((section) => section.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length === 0) return undefined;
  const list = element('ul', 'search-result__sections');
  list.setAttribute('aria-label', 'Matching sections');
  for (const section of sections) {
    const link = element('a', '', section.title);
    link.href = section.url;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  return list;
}

/** One result: the title linking to the page, date and tags, the excerpt with the matches marked, matching sections. */
export function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  // Titles look like the post list's, so a result reads like the post it leads to.
  const title = element('h2', 'post-summary__title');
  const link = element('a', '', data.meta['title'] ?? data.url);
  link.href = data.url;
  title.append(link);
  const excerpt = element('p', 'search-result__excerpt');
  excerpt.append(highlightedExcerpt(data.excerpt));
  item.append(title, metaLine(data), excerpt);
  const sections = sectionLinks(data);
  if (sections) item.append(sections);
  return item;
}
