/**
 * The contracts between the importer's stages. Adapters (sources/) turn one decoded input into
 * ImportedEntry values; convert turns an entry into a post FileDraft; write syncs drafts to content/.
 */

/** The body of an entry as the source gave it. */
export type EntryContent =
  /** Untrusted HTML; converted by html-to-markdown (sanitised, URLs resolved against baseUrl). */
  | { kind: 'html'; value: string; baseUrl?: string }
  /** Plain text from a text-only source (Atom type="text"); becomes paragraphs. */
  | { kind: 'text'; value: string }
  /** Markdown already built from an mdast tree by an adapter (text archive pages); raw HTML in it is escaped. */
  | { kind: 'markdown'; value: string };

/** One post as every source adapter returns it, before conversion. All strings are decoded plain text. */
export interface ImportedEntry {
  /** guid / Atom id / WXR guid; undefined when the source has none (the link or a content hash is used). */
  guid?: string;
  /** Plain-text title; control characters removed. */
  title: string;
  /** Absolute permalink of the original, http(s) only. */
  link?: string;
  /** Exact publication date, when the source gives a valid one. */
  date?: Date;
  /** `YYYY` or `YYYY-MM` when only an approximate date is known. */
  approxDate?: string;
  /** Author display name. */
  author?: string;
  /** Categories and tags, display names, in source order, de-duplicated. */
  tags: string[];
  /** Plain-text summary, if the source has one. */
  summary?: string;
  content: EntryContent;
  /** Title of the feed, export or archive page. */
  feedTitle?: string;
  /** Position in the source, 0 = first. */
  order: number;
  /** WXR drafts/private posts imported with --drafts. */
  draft?: boolean;
  /** Reprint attribution, when the source marks the post as a reprint. */
  reprint?: { author: string; url?: string; marker?: string };
  /** Per-item warnings found while reading (date missing, unknown shortcode, …). */
  warnings: string[];
}

/** What an adapter returns for one input. */
export interface AdapterResult {
  entries: ImportedEntry[];
  /** Items deliberately not imported (WXR pages, attachments, drafts without --drafts), with the reason. */
  skipped: { item: string; reason: string }[];
  /** Input-level warnings (charset guessed, mojibake suspected, …). */
  warnings: string[];
  /** The absolute URL of the next ("older posts") page of an archive page, when it links one. */
  nextPage?: string;
}

/** A file the importer wants content/ to hold: a post or a deck. */
export interface FileDraft {
  /** Collection folder under content/: `posts` or `cards`. */
  collection: 'posts' | 'cards';
  /** Source id the file is keyed by; an existing file with the same id keeps its name. */
  sourceId: string;
  /** Preferred file name without extension (a safe slug); made unique by the writer. */
  slug: string;
  /** Frontmatter without `source.hash` (the writer adds it). */
  frontmatter: Record<string, unknown>;
  /** Markdown body. */
  body: string;
}

/** Outcome of syncing one FileDraft. */
export type SyncStatus = 'new' | 'updated' | 'unchanged' | 'conflict' | 'skipped' | 'failed';
