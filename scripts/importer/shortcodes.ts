/**
 * Turns WordPress post source (as stored in a WXR export) into HTML the converter understands:
 * code shortcodes become `<pre><code class="language-…">`, `[caption]` becomes a figure, Gutenberg block
 * comments are removed after lending their `language` to the code they wrap, and classic-editor text gets
 * WordPress's paragraph rules (wpautop). Shortcodes we do not convert are reported, never silently kept.
 */

/** Result of {@link expandWordPressMarkup}. */
export interface ExpandedMarkup {
  html: string;
  warnings: string[];
}

/** SyntaxHighlighter Evolved's language shortcodes (`[bash]…[/bash]`), the ones ops blogs use. */
const LANGUAGE_SHORTCODES = new Set([
  'bash', 'shell', 'sh', 'zsh', 'powershell', 'ps', 'python', 'py', 'php', 'perl', 'pl', 'ruby', 'rb', 'js',
  'javascript', 'jscript', 'java', 'c', 'cpp', 'csharp', 'go', 'golang', 'sql', 'xml', 'html', 'xhtml', 'css',
  'yaml', 'json', 'ini', 'diff', 'patch', 'text', 'plain', 'erlang', 'scala', 'groovy', 'lua', 'vb', 'nginx',
]);

/** Shortcodes WordPress core/Jetpack users commonly leave behind; each is reported when left as text. */
const SHORTCODE = /\[([a-z][\w-]*)(\s[^\]\n]*)?\](?:([\s\S]*?)\[\/\1\])?/gi;

const BLOCK_COMMENT = /<!--\s+(\/?)wp:([a-z][\w/-]*)(\s+(\{[\s\S]*?\}))?\s+(\/?)-->/g;

/** Block-level elements, which wpautop never wraps in a paragraph (WordPress's `$allblocks`). */
const BLOCK_TAGS = new Set([
  'table', 'thead', 'tfoot', 'caption', 'col', 'colgroup', 'tbody', 'tr', 'td', 'th', 'div', 'dl', 'dd', 'dt', 'ul',
  'ol', 'li', 'pre', 'form', 'map', 'area', 'blockquote', 'address', 'math', 'style', 'p', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'hr', 'fieldset', 'legend', 'section', 'article', 'aside', 'hgroup', 'header', 'footer', 'nav',
  'figure', 'figcaption', 'details', 'menu', 'summary',
]);

/** `<pre>` blocks, set aside by wpautop so their newlines survive, and the placeholders that stand in for them. */
const PRE_BLOCK = /<pre\b[\s\S]*?<\/pre>/gi;
const PRE_PLACEHOLDER = /<pre wp-pre-(\d+)><\/pre>/g;

/** Expands shortcodes and block markup in one WordPress post body. */
export function expandWordPressMarkup(source: string): ExpandedMarkup {
  const warnings: string[] = [];
  const gutenberg = source.includes('<!-- wp:');
  let html = expandShortcodes(source, warnings);
  html = gutenberg ? removeBlockComments(html) : autoParagraphs(html);
  return { html, warnings };
}

function expandShortcodes(source: string, warnings: string[]): string {
  // A quick look for the bracket spares the shortcode regex a pass over every post that has none.
  if (!source.includes('[')) return source;
  const unknown = new Set<string>();
  const out = source.replace(SHORTCODE, (whole, rawName: string, rawAttrs: string | undefined, body: string | undefined) => {
    const name = rawName.toLowerCase();
    const attrs = parseAttributes(rawAttrs ?? '');
    if ((name === 'code' || name === 'sourcecode') && body !== undefined) {
      return codeBlock(body, attrs['lang'] ?? attrs['language'] ?? positional(rawAttrs));
    }
    if (LANGUAGE_SHORTCODES.has(name) && body !== undefined) return codeBlock(body, name);
    if (name === 'caption' && body !== undefined) return caption(body, attrs['caption']);
    // Only bracketed words with attributes or a closing tag are shortcodes; "[sic]" or "[1]" are prose.
    if (body !== undefined || rawAttrs?.includes('=')) unknown.add(name);
    return whole;
  });
  for (const name of unknown) warnings.push(`unknown shortcode [${name}] left as text`);
  return out;
}

/**
 * Code as typed in a shortcode is raw text, though the visual editor sometimes stored it entity-escaped:
 * existing entities are kept (the HTML parser decodes them once), bare `<`, `>` and `&` are escaped.
 */
function codeBlock(body: string, language: string | undefined): string {
  const code = body
    .replace(/^\r?\n/, '')
    .replace(/&(?![a-zA-Z][a-zA-Z0-9]*;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  const lang = language?.toLowerCase().replace(/[^a-z0-9+#-]/g, '');
  const cls = lang ? ` class="language-${lang}"` : '';
  return `<pre><code${cls}>${code}</code></pre>`;
}

/** `[caption …]<img …> Text[/caption]` → a figure; the caption text may also be an attribute. */
function caption(body: string, captionAttr: string | undefined): string {
  const media = /^\s*(<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>)/i.exec(body);
  const image = media?.[1] ?? '';
  const text = (captionAttr ?? body.slice(media ? media[0].length : 0)).trim();
  return `<figure>${image}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const match of raw.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|&quot;(.*?)&quot;|([^\s"']+))/g)) {
    attrs[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
  }
  return attrs;
}

/** `[code bash]` without a key: the first bare word is the language. */
function positional(raw: string | undefined): string | undefined {
  return raw ? /^\s*([a-z][\w+#-]*)\s*$/i.exec(raw)?.[1] : undefined;
}

/**
 * Removes Gutenberg block comments. A block's JSON attributes may name the language of the code it wraps
 * (`<!-- wp:code {"language":"bash"} -->`, syntax-highlighter blocks); that becomes the code's class.
 */
function removeBlockComments(html: string): string {
  const marked = html.replace(BLOCK_COMMENT, (_whole, _closing: string, _name: string, _space: string, json: string | undefined) => {
    const language = json ? blockLanguage(json) : undefined;
    return language ? `<!--lang:${language}-->` : '';
  });
  return marked
    .replace(/<!--lang:([\w+#-]+)-->(\s*)<pre\b([^>]*)>(\s*<code\b([^>]*)>)?/g, (whole, lang: string, space: string, preAttrs: string, code: string | undefined, codeAttrs: string | undefined) => {
      if (code === undefined) {
        const attrs = /\bclass="/.test(preAttrs) ? preAttrs.replace(/\bclass="/, `class="language-${lang} `) : `${preAttrs} class="language-${lang}"`;
        return `${space}<pre${attrs}>`;
      }
      if (/\bclass=/.test(codeAttrs ?? '')) return whole.replace(/^<!--lang:[^>]*-->/, '');
      return `${space}<pre${preAttrs}><code class="language-${lang}"${codeAttrs}>`;
    })
    .replace(/<!--lang:[^>]*-->/g, '');
}

function blockLanguage(json: string): string | undefined {
  try {
    const attrs = JSON.parse(json) as Record<string, unknown>;
    const value = attrs['language'] ?? attrs['lang'];
    return typeof value === 'string' && /^[\w+#-]+$/.test(value) ? value.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A port of the essential rules of WordPress's wpautop: blank lines separate paragraphs, single newlines
 * become `<br>`, block-level elements are not wrapped, and `<pre>` content is left exactly as it is.
 */
function autoParagraphs(html: string): string {
  if (html.trim() === '') return '';
  const pres: string[] = [];
  // Pre blocks are set aside so their newlines survive untouched.
  const text = html.replace(PRE_BLOCK, (block) => `<pre wp-pre-${pres.push(block) - 1}></pre>`);
  const unixText = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const paragraphs = paragraphChunks(unixText)
    .map((chunk) => (startsWithBlockTag(chunk) || endsWithBlockEndTag(chunk) ? chunk : `<p>${chunk.replaceAll('\n', '<br>\n')}</p>`));
  // Without a pre block no placeholder can be in the text (no step above writes "<pre"). A placeholder holds
  // no newline, so it never spans two paragraphs, and only paragraphs that contain one need the regex.
  if (pres.length === 0) return paragraphs.join('\n');
  const restore = (_placeholder: string, index: string) => pres[Number(index)]!;
  return paragraphs.map((chunk) => (chunk.includes('<pre wp-pre-') ? chunk.replace(PRE_PLACEHOLDER, restore) : chunk)).join('\n');
}

/**
 * Cuts text into trimmed, non-empty paragraph chunks: at blank lines (whitespace holding two or more
 * newlines), before every block-level start tag and after every block-level end tag. This is wpautop's
 * "put a blank line around blocks, then split on `\n\s*\n`" without building the spaced-out copy or
 * running the split regex over it; the chunks are the same because each cut only ever meets whitespace,
 * which trimming removes either way.
 */
function paragraphChunks(text: string): string[] {
  const chunks: string[] = [];
  let from = 0;
  const cut = (end: number, next: number) => {
    const chunk = text.slice(from, end).trim();
    if (chunk) chunks.push(chunk);
    from = next;
  };
  const blocks = blockCuts(text);
  let block = 0;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline)) {
    let end = newline + 1;
    let newlines = 1;
    for (; end < text.length && isSpace(text.charCodeAt(end)); end += 1) if (text.charCodeAt(end) === NEWLINE) newlines += 1;
    if (newlines >= 2) {
      for (; block < blocks.length && blocks[block]! <= newline; block += 1) cut(blocks[block]!, blocks[block]!);
      cut(newline, end);
    }
    newline = end;
  }
  for (; block < blocks.length; block += 1) cut(blocks[block]!, blocks[block]!);
  cut(text.length, text.length);
  return chunks;
}

/**
 * Where wpautop separates blocks: before every block-level start tag and after every block-level end tag,
 * in ascending order. It finds exactly what the regexes `<(blocks)\b[^>]*>` and `</(blocks)>`
 * (case-insensitive, applied one after the other) would, in one scan instead of two fifty-way alternations
 * tried at every `<` of the post: a start tag runs to the next `>` and hides the start tags inside it,
 * while an end tag counts wherever it is, even inside a start tag's attributes.
 */
function blockCuts(text: string): number[] {
  const cuts: number[] = [];
  let nextStartTag = 0;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    if (text.charCodeAt(lt + 1) === SLASH) {
      const nameEnd = wordEnd(text, lt + 2);
      if (text.charCodeAt(nameEnd) === GREATER_THAN && isBlockName(text, lt + 2, nameEnd)) cuts.push(nameEnd + 1);
    } else if (lt >= nextStartTag && isBlockName(text, lt + 1, wordEnd(text, lt + 1))) {
      const gt = text.indexOf('>', lt);
      if (gt >= 0) {
        cuts.push(lt);
        nextStartTag = gt + 1;
      }
    }
  }
  return cuts;
}

/** Whether a paragraph chunk starts with a block-level start tag (`^<(blocks)\b`, case-insensitive). */
function startsWithBlockTag(chunk: string): boolean {
  return chunk.charCodeAt(0) === LESS_THAN && isBlockName(chunk, 1, wordEnd(chunk, 1));
}

/** Whether a trimmed chunk ends with a block-level end tag (`</(blocks)>\s*$`, case-insensitive). */
function endsWithBlockEndTag(chunk: string): boolean {
  const gt = chunk.length - 1;
  if (chunk.charCodeAt(gt) !== GREATER_THAN) return false;
  let nameStart = gt;
  while (nameStart > 0 && isWordChar(chunk.charCodeAt(nameStart - 1))) nameStart -= 1;
  return chunk.charCodeAt(nameStart - 1) === SLASH && chunk.charCodeAt(nameStart - 2) === LESS_THAN && isBlockName(chunk, nameStart, gt);
}

const NEWLINE = 0x0a;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;

/** `\w` of a non-Unicode regex: ASCII letters, digits and underscore. */
function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** `\s` of a regex, which is also what String.prototype.trim removes: ASCII and Unicode spaces and line breaks. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Where the run of word characters starting at `from` ends; a tag name followed by `\b` is that whole run. */
function wordEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && isWordChar(text.charCodeAt(at))) at += 1;
  return at;
}

/** Whether `text[from, to)` names a block-level element, in any letter case. */
function isBlockName(text: string, from: number, to: number): boolean {
  // The longest block name ("blockquote", "figcaption") has 10 letters; longer runs need no lookup.
  return to > from && to - from <= 10 && BLOCK_TAGS.has(text.slice(from, to).toLowerCase());
}
