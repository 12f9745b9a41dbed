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

const BLOCK_TAGS =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary';

/** Expands shortcodes and block markup in one WordPress post body. */
export function expandWordPressMarkup(source: string): ExpandedMarkup {
  const warnings: string[] = [];
  const gutenberg = source.includes('<!-- wp:');
  let html = expandShortcodes(source, warnings);
  html = gutenberg ? removeBlockComments(html) : autoParagraphs(html);
  return { html, warnings };
}

function expandShortcodes(source: string, warnings: string[]): string {
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
  const text = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => `<pre wp-pre-${pres.push(block) - 1}></pre>`);
  const blockOpen = new RegExp(`^<(?:${BLOCK_TAGS})\\b`, 'i');
  const blockClose = new RegExp(`</(?:${BLOCK_TAGS})>\\s*$`, 'i');
  const spaced = text
    .replace(/\r\n?/g, '\n')
    .replace(new RegExp(`(<(?:${BLOCK_TAGS})\\b[^>]*>)`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'gi'), '$1\n\n');
  const paragraphs = spaced
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (blockOpen.test(chunk) || blockClose.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`));
  return paragraphs.join('\n').replace(/<pre wp-pre-(\d+)><\/pre>/g, (_m, index: string) => pres[Number(index)]!);
}
