import { describe, expect, it } from 'vitest';
import { decodeBytes, findMojibake } from '../../../scripts/importer/decode.ts';

const RUSSIAN = 'Привет, мир! Это проверка кодировки: съешь же ещё этих мягких французских булок.';

/** Encodes text in a single-byte charset by inverting TextDecoder's table (Node has no such encoder). */
function encodeSingleByte(text: string, charset: string): Uint8Array {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return new Uint8Array([...text].map((char) => table.get(char)!));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  it('takes the BOM first, even over a conflicting declaration', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`<?xml version="1.0" encoding="windows-1251"?><a>${RUSSIAN}</a>`)]);
    const result = decodeBytes(bytes);
    expect(result.charset).toBe('utf-8');
    expect(result.text).toContain(RUSSIAN);
  });

  it('decodes UTF-16 with a BOM', () => {
    const body = `<a>${RUSSIAN}</a>`;
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i += 1) new DataView(bytes.buffer).setUint16(2 + i * 2, body.charCodeAt(i), true);
    expect(decodeBytes(bytes).text).toBe(body);
  });

  it('follows the XML declaration for windows-1251 and KOI8-R', () => {
    for (const charset of ['windows-1251', 'koi8-r']) {
      const bytes = encodeSingleByte(`<?xml version="1.0" encoding="${charset.toUpperCase()}"?><a>${RUSSIAN}</a>`, charset);
      const result = decodeBytes(bytes);
      expect(result).toMatchObject({ charset, warnings: [] });
      expect(result.text).toContain(RUSSIAN);
    }
  });

  it('uses the HTTP charset and the HTML meta tag', () => {
    expect(decodeBytes(encodeSingleByte(`<rss>${RUSSIAN}</rss>`, 'koi8-r'), 'application/rss+xml; charset=KOI8-R').text).toContain(RUSSIAN);
    const html = encodeSingleByte(`<html><head><meta charset="windows-1251"></head><body>${RUSSIAN}</body></html>`, 'windows-1251');
    expect(decodeBytes(html).text).toContain(RUSSIAN);
  });

  it('guesses windows-1251 vs KOI8-R for undeclared bytes, with a warning', () => {
    for (const charset of ['windows-1251', 'koi8-r']) {
      const result = decodeBytes(encodeSingleByte(RUSSIAN, charset));
      expect(result.charset).toBe(charset);
      expect(result.text).toBe(RUSSIAN);
      expect(result.warnings).toEqual([expect.stringContaining(`charset guessed: no charset declared and the bytes are not UTF-8; decoded as ${charset}`)]);
    }
  });

  it('catches a mislabelled charset both ways', () => {
    const saysUtf8 = encodeSingleByte(`<?xml version="1.0" encoding="utf-8"?><a>${RUSSIAN}</a>`, 'windows-1251');
    const first = decodeBytes(saysUtf8);
    expect(first.text).toContain(RUSSIAN);
    expect(first.warnings[0]).toMatch(/the XML declaration says UTF-8 but the bytes are not valid UTF-8; decoded as windows-1251/);
    const saysCp1251 = utf8(`<?xml version="1.0" encoding="windows-1251"?><a>${RUSSIAN}</a>`);
    const second = decodeBytes(saysCp1251);
    expect(second.text).toContain(RUSSIAN);
    expect(second.warnings[0]).toMatch(/charset mislabelled: the XML declaration says windows-1251 but the bytes are valid UTF-8/);
  });

  it('warns about text that is already mojibake', () => {
    const mangled = new TextDecoder('windows-1251').decode(utf8(RUSSIAN));
    const result = decodeBytes(utf8(mangled));
    expect(result.warnings).toEqual([expect.stringContaining('mojibake (UTF-8 read as windows-1251')]);
    expect(findMojibake(RUSSIAN)).toBeUndefined();
    expect(findMojibake('Ð\u009fÑ\u0080Ð¸Ð²ÐµÑ\u0082')).toMatch(/latin1/);
  });
});
