/**
 * What untrusted markup may keep: the rehype-sanitize schema for bodies and sanitizeText for plain-text fields.
 */

import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * Elements removed together with their content. The GitHub default strips only `script`; the rest would
 * otherwise leave their text (CSS, fallback markup, the page title) in the post.
 */
export const STRIPPED_ELEMENTS = [
  'script', 'style', 'noscript', 'template', 'title', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'select', 'textarea', 'button', 'svg', 'math', 'canvas', 'audio', 'video', 'head', 'meta', 'link', 'base',
];

/** URL schemes a link may use; every other absolute URL (javascript:, data:, vbscript:, file:, …) is dropped. */
const LINK_PROTOCOLS = ['http', 'https', 'mailto'];

/** URL schemes an image or quotation source may use. */
const MEDIA_PROTOCOLS = ['http', 'https'];

/**
 * GitHub-like schema, minus everything in STRIPPED_ELEMENTS and `input`, with only http(s)/mailto links and
 * http(s) images. `pre`/`code` keep their class, since it names the language (`brush: bash`, `language-sh`).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  strip: STRIPPED_ELEMENTS,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'input' && !STRIPPED_ELEMENTS.includes(tag)),
  attributes: {
    ...defaultSchema.attributes,
    pre: [...(defaultSchema.attributes?.['pre'] ?? []), 'className'],
    code: ['className'],
  },
  protocols: {
    href: LINK_PROTOCOLS,
    src: MEDIA_PROTOCOLS,
    cite: MEDIA_PROTOCOLS,
    longDesc: MEDIA_PROTOCOLS,
  },
};

/** C0/C1 controls (tab and newline included: plain-text fields are one line), bidi overrides, BOM, separators. */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Cleans a plain-text field (title, author, tag, summary): removes HTML tags (script, style and similar
 * elements with their content), control and bidi-override characters, and collapses whitespace to single
 * spaces. Entities are left alone: fields arrive decoded, and decoding again would corrupt `&lt;` in a title.
 */
export function sanitizeText(text: string): string {
  const withoutElements = text.replace(/<(script|style|noscript|template|title|iframe|object)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ');
  // a tag is `<` + letter or `/` or `!`; a lone `<` as in "a < b" is text and stays
  const withoutTags = withoutElements.replace(/<(\/?[a-z][^<>]*|![^<>]*)>/gi, ' ');
  return withoutTags.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
}
