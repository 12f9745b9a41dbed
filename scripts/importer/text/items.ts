/**
 * The intermediate form between text blocks and mdast: what each run of lines was recognised as,
 * before decisions that need the whole post (which numbered lines are headings, which lists join).
 */

/** One recognised piece of a post. */
export type TextItem =
  | { kind: 'paragraph'; lines: string[] }
  /** A heading recognised from its own shape (a short line heading a paragraph). */
  | { kind: 'heading'; text: string }
  /** A standalone short line: a heading if something follows it, else a paragraph. */
  | { kind: 'heading-candidate'; text: string }
  /** A standalone numbered line ("1. Root Cause"): a heading when the post numbers its sections. */
  | { kind: 'numbered-candidate'; number: number; symbol: string; text: string; line: string }
  /** `symbol` is the source's marker; lists with different markers are different lists. */
  | { kind: 'list'; ordered: boolean; symbol: string; start: number; items: string[] }
  /** A code region as found in the text, not yet typed. */
  | { kind: 'code'; lines: string[] }
  | { kind: 'quote'; items: TextItem[] };
