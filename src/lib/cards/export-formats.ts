/** A card as the export files need it. */
export interface ExportCard {
  id: string;
  deck: string;
  kind: 'qa' | 'term' | 'open';
  question: string;
  /** Answer as Markdown (CSV). */
  answer: string;
  /** Answer as sanitised HTML (Anki). */
  answerHtml: string;
  topic?: string;
  /** Absolute URL of the card's section in its post. */
  sourceUrl?: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A field quoted the CSV way when it holds a separator, a quote or a line break (Anki's importer reads it so too). */
function quoteField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Anki tag: no spaces; hierarchical with `::`. */
const tag = (value: string) => value.trim().toLowerCase().replace(/\s+/g, '_').replace(/[^\p{L}\p{N}_:-]/gu, '');

/** The back of an Anki note: the answer, or the open-card prompt, then a link to the source. */
function ankiBack(card: ExportCard): string {
  const answer = card.kind === 'open' ? '<p><em>No model answer: think it through.</em></p>' : card.answerHtml;
  const source = card.sourceUrl ? `<p><a href="${escapeHtml(card.sourceUrl)}">Source</a></p>` : '';
  return `${answer}${source}`;
}

/**
 * An Anki "notes in plain text" file. `#guid column:1` carries the card id, so importing the file again updates the
 * notes instead of duplicating them. With `deckName`, every note goes to that deck (`#deck:`); without, a fifth
 * column names each note's deck (`#deck column:5`).
 */
export function ankiText(cards: ExportCard[], deckName?: string): string {
  const headers = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    deckName ? `#deck:${deckName.replace(/[\r\n]/g, ' ')}` : '#deck column:5',
    '#guid column:1',
    '#tags column:4',
    `#columns:GUID\tFront\tBack\tTags${deckName ? '' : '\tDeck'}`,
  ];
  const rows = cards.map((card) => {
    const tags = ['opsdeck', `kind::${card.kind}`, ...(card.topic ? [`topic::${tag(card.topic)}`] : [])].join(' ');
    const fields = [card.id, escapeHtml(card.question), ankiBack(card), tags, ...(deckName ? [] : [card.deck])];
    return fields.map((field) => quoteField(field, '\t')).join('\t');
  });
  return `${[...headers, ...rows].join('\n')}\n`;
}

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula (CSV injection); a leading
 * `'` makes them show it as text, as OWASP recommends.
 */
const inertCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A CSV file (RFC 4180, CRLF) with one card per row: id, deck, topic, kind, question, answer (Markdown), source. */
export function cardsCsv(cards: ExportCard[]): string {
  const header = ['id', 'deck', 'topic', 'kind', 'question', 'answer', 'source'];
  const rows = cards.map((card) => [card.id, card.deck, card.topic ?? '', card.kind, card.question, card.answer, card.sourceUrl ?? '']);
  return `${[header, ...rows].map((row) => row.map((field) => quoteField(inertCell(field), ',')).join(',')).join('\r\n')}\r\n`;
}
