/** A term with its definition, from a line such as "rsync (pronounced our-sync) – sync files between servers". */
export interface TermDefinition {
  term: string;
  pronunciation?: string;
  definition: string;
}

/** Longest term, in characters and in words: terms are names, not sentences. */
const MAX_TERM_CHARS = 40;
const MAX_TERM_WORDS = 4;
/** Share of a list's lines that must be term definitions for the list to be read as a glossary. */
const MIN_TERM_SHARE = 2 / 3;
/** Fewest term lines that make a glossary (two dashed lines are just prose). */
const MIN_TERMS = 3;

/** "term (pronounced x) – definition", with an en/em dash or a spaced hyphen; "**term**: definition" when bold. */
const TERM_LINE = /^(?<term>[^\s–—()][^–—()]*?)\s*(?:\((?:pronounced\s+|say\s+)?(?<pron>[^()]{1,60})\))?\s+(?:–|—|-{1,2})\s+(?<def>\S.*)$/;

/**
 * What every line TERM_LINE matches contains: the end of its `\s+` followed by the first character of its dash.
 * Testing it first spares most lines of prose the costly TERM_LINE, and rejects no line TERM_LINE accepts: TERM_LINE
 * runs on the trimmed line, which is part of the line, and both patterns use the same `\s`.
 */
const SPACE_THEN_DASH = /\s[–—-]/;

/** Parses one line as a term definition, or returns undefined. */
export function parseTermLine(line: string): TermDefinition | undefined {
  if (!SPACE_THEN_DASH.test(line)) return undefined;
  const match = TERM_LINE.exec(line.trim());
  if (!match?.groups) return undefined;
  const term = match.groups.term!.replace(/[:*]+$/, '').trim();
  if (term.length > MAX_TERM_CHARS || term.split(/\s+/).length > MAX_TERM_WORDS || /[.?!]$/.test(term)) return undefined;
  const pronunciation = match.groups.pron?.trim();
  return { term, ...(pronunciation ? { pronunciation } : {}), definition: match.groups.def!.trim() };
}

/**
 * Reads lines (a paragraph's lines or a list's items) as a glossary: at least three term definitions making up at
 * least two thirds of the lines. Returns the definitions, or undefined when the lines are not a glossary.
 */
export function readGlossary(lines: string[]): TermDefinition[] | undefined {
  // Fewer lines than MIN_TERMS can hold no glossary (most paragraphs are one line): skip parsing them.
  if (lines.length < MIN_TERMS) return undefined;
  const terms = lines.map(parseTermLine).filter((term): term is TermDefinition => term !== undefined);
  return terms.length >= MIN_TERMS && terms.length >= lines.length * MIN_TERM_SHARE ? terms : undefined;
}
