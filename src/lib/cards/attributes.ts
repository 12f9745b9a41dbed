/**
 * Heading attributes of the deck format: a trailing `{#id .open .term source=#anchor}` block, as in Pandoc.
 * Only these tokens are known; anything else is reported with the list of valid ones.
 */

/** Attributes found on a topic or card heading. */
export interface HeadingAttributes {
  /** `{#local-id}`: the card's id within its deck. */
  id?: string;
  /** `{.open}` / `{.term}`: the card kind. */
  kind?: 'open' | 'term';
  /** `{source=#anchor}`: where the card or topic links back to. */
  source?: string;
}

/** A trailing attribute block: `{` then tokens that start like attributes, then `}` at the very end. */
const TRAILING_BLOCK = /\s*(?<!\\)\{\s*((?:[#.][^\s{}]+|[a-z]+=(?:"[^"]*"|[^\s{}"]+))(?:\s+(?:[#.][^\s{}]+|[a-z]+=(?:"[^"]*"|[^\s{}"]+)))*)\s*\}\s*$/;
const TOKEN = /[#.][^\s{}]+|[a-z]+=(?:"[^"]*"|[^\s{}"]+)/g;

/** Splits `Question text {#id .open}` into the text and its attributes; throws a message on an unknown token. */
export function splitAttributes(raw: string): { text: string; attributes: HeadingAttributes; block: string } {
  const match = TRAILING_BLOCK.exec(raw);
  if (!match) return { text: raw, attributes: {}, block: '' };
  const attributes: HeadingAttributes = {};
  for (const token of match[1]!.match(TOKEN) ?? []) applyToken(attributes, token);
  return { text: raw.slice(0, match.index), attributes, block: match[0] };
}

function applyToken(attributes: HeadingAttributes, token: string): void {
  if (token.startsWith('#')) {
    attributes.id = token.slice(1);
  } else if (token === '.open' || token === '.term') {
    if (attributes.kind) throw new Error(`a card is either \`.open\` or \`.term\`, not both`);
    attributes.kind = token.slice(1) as 'open' | 'term';
  } else if (token.startsWith('source=')) {
    attributes.source = token.slice('source='.length).replace(/^"(.*)"$/, '$1');
  } else {
    throw new Error(`unknown heading attribute \`${token}\`: valid ones are \`#id\`, \`.open\`, \`.term\` and \`source=…\``);
  }
}

/** Writes attributes back as ` {#id .open source=#x}`, or '' when there are none. */
export function formatAttributes(attributes: HeadingAttributes): string {
  const tokens: string[] = [];
  if (attributes.id) tokens.push(`#${attributes.id}`);
  if (attributes.kind) tokens.push(`.${attributes.kind}`);
  if (attributes.source) tokens.push(/[\s"{}]/.test(attributes.source) ? `source="${attributes.source}"` : `source=${attributes.source}`);
  return tokens.length ? ` {${tokens.join(' ')}}` : '';
}
