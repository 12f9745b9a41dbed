/** Absolute URLs for feed content: every relative reference resolved against the post's own URL. */
import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '../../src/lib/urls.ts';

const base = 'https://opsdeck.example.org/posts/some-post/';

describe('absolutizeHtml', () => {
  it('resolves root-relative, page-relative, fragment and srcset URLs, and leaves absolute ones alone', () => {
    const html = absolutizeHtml(
      '<p><a href="/archive/">a</a> <a href="../other/">b</a> <a href="#steps">c</a> <a href="https://example.com/x">d</a> ' +
        '<a href="mailto:me@example.com">e</a> <img src="img/rj45.jpg" srcset="/a.png 1x, b.png 2x" alt=""></p>',
      base,
    );
    expect(html).toBe(
      '<p><a href="https://opsdeck.example.org/archive/">a</a> <a href="https://opsdeck.example.org/posts/other/">b</a> ' +
        '<a href="https://opsdeck.example.org/posts/some-post/#steps">c</a> <a href="https://example.com/x">d</a> ' +
        '<a href="mailto:me@example.com">e</a> <img src="https://opsdeck.example.org/posts/some-post/img/rj45.jpg" ' +
        'srcset="https://opsdeck.example.org/a.png 1x, https://opsdeck.example.org/posts/some-post/b.png 2x" alt=""></p>',
    );
  });

  it('percent-encodes non-ASCII paths', () => {
    expect(absolutizeHtml('<a href="/tags/облака/">t</a>', base)).toBe('<a href="https://opsdeck.example.org/tags/%D0%BE%D0%B1%D0%BB%D0%B0%D0%BA%D0%B0/">t</a>');
  });
});
