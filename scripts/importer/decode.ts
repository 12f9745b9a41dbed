/**
 * Turns an input's bytes into text. The charset comes from the BOM, then the XML declaration, the HTTP
 * Content-Type or an HTML meta tag, then a strict UTF-8 probe, then a windows-1251/KOI8-R guess. Guesses,
 * mislabels and text that looks like mojibake are reported as warnings, never passed silently.
 */

/** Decoded text and how its charset was chosen. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used, e.g. `utf-8`, `windows-1251`. */
  charset: string;
  warnings: string[];
}

/** How far into the input a charset declaration is looked for. */
const DECLARATION_WINDOW = 4096;

/** The commonest Russian letters; whichever single-byte decoding yields more of them is the right one. */
const FREQUENT_CYRILLIC = /[оеаинтсрвлОЕАИНТСРВЛ]/g;

/**
 * Decodes `bytes`, taking `contentType` (an HTTP Content-Type header) into account.
 * @param contentType e.g. `application/rss+xml; charset=windows-1251`
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const warnings: string[] = [];
  const bom = sniffBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.charset).decode(bytes.subarray(bom.length));
    return finish(text, bom.charset, warnings);
  }
  const declared = declaredCharset(bytes, contentType, warnings);
  const utf8 = probeUtf8(bytes);
  if (declared && declared.charset !== 'utf-8') {
    // Real single-byte Cyrillic text is never valid UTF-8, so valid multi-byte UTF-8 means the label is wrong.
    if (utf8 !== undefined && hasMultibyte(bytes) && isSingleByte(declared.charset)) {
      warnings.push(`charset mislabelled: ${declared.source} says ${declared.charset} but the bytes are valid UTF-8; decoded as UTF-8`);
      return finish(utf8, 'utf-8', warnings);
    }
    return finish(new TextDecoder(declared.charset).decode(bytes), declared.charset, warnings);
  }
  if (utf8 !== undefined) return finish(utf8, 'utf-8', warnings);
  const guess = guessCyrillic(bytes);
  const why = declared ? `${declared.source} says UTF-8 but the bytes are not valid UTF-8` : 'no charset declared and the bytes are not UTF-8';
  warnings.push(`charset guessed: ${why}; decoded as ${guess.charset}`);
  return finish(guess.text, guess.charset, warnings);
}

function finish(text: string, charset: string, warnings: string[]): DecodedText {
  const mojibake = findMojibake(text);
  if (mojibake) warnings.push(`text looks like mojibake (${mojibake}); check the source's charset`);
  return { text, charset, warnings };
}

function sniffBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

interface Declaration {
  charset: string;
  /** Where it came from, for messages: "the XML declaration", "the HTTP Content-Type", "the HTML meta tag". */
  source: string;
}

function declaredCharset(bytes: Uint8Array, contentType: string | undefined, warnings: string[]): Declaration | undefined {
  // Declarations are ASCII; latin1 maps every byte to one character, so nothing here can fail.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DECLARATION_WINDOW));
  const candidates: Array<[string | undefined, string]> = [
    [/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1], 'the XML declaration'],
    [contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] : undefined, 'the HTTP Content-Type'],
    [
      /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)/i.exec(head)?.[1],
      'the HTML meta tag',
    ],
  ];
  for (const [label, source] of candidates) {
    if (!label) continue;
    const charset = normalise(label);
    if (charset) return { charset, source };
    warnings.push(`${source} names an unknown charset "${label}"; ignored`);
  }
  return undefined;
}

/** The WHATWG name for a charset label, or undefined if TextDecoder does not know it. */
function normalise(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function probeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

function isSingleByte(charset: string): boolean {
  return !/^(utf-|gbk|gb18030|big5|euc-|iso-2022|shift_jis)/.test(charset);
}

/** Decodes as windows-1251 and as KOI8-R and keeps whichever reads more like Russian. */
function guessCyrillic(bytes: Uint8Array): { text: string; charset: string } {
  const cp1251 = new TextDecoder('windows-1251').decode(bytes);
  const koi8 = new TextDecoder('koi8-r').decode(bytes);
  const score = (text: string) => text.match(FREQUENT_CYRILLIC)?.length ?? 0;
  const [best, bestScore] = score(koi8) > score(cp1251) ? [{ text: koi8, charset: 'koi8-r' }, score(koi8)] : [{ text: cp1251, charset: 'windows-1251' }, score(cp1251)];
  // Not Russian in either: most likely Western European text from an old Windows machine.
  if (bestScore === 0) return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  return best;
}

/**
 * Finds the tell-tale pairs UTF-8 leaves when read as a single-byte charset: "Р°"/"С‚" (as windows-1251),
 * "Ð°"/"Ã©" (as latin1/windows-1252). Returns a short description with an example, or undefined.
 */
export function findMojibake(text: string): string | undefined {
  const patterns: Array<[RegExp, string]> = [
    [/[РС][\u0402-\u040F\u0452-\u045F\u2018-\u203A\u00A0-\u00B7\u00B9-\u00BF\u0490\u0491\u20AC\u2122]/g, 'UTF-8 read as windows-1251'],
    [/[ÐÑ][\u0080-\u00BF]|Ã[\u0080-\u00BF]|â€/g, 'UTF-8 read as latin1'],
  ];
  for (const [pattern, what] of patterns) {
    const hits = text.match(pattern);
    if (hits && hits.length >= 3) return `${what}, e.g. "${hits.slice(0, 3).join('", "')}"`;
  }
  return undefined;
}
