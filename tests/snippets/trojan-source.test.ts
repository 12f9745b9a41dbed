import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseSnippets } from '../../src/lib/snippet-analysis.ts';
import { sandboxCommands } from '../../src/lib/sandbox-commands.ts';
import { findHiddenChars, splitHiddenChars } from '../../src/lib/trojan-source.ts';
import { renderSnippets } from './render.ts';

const input = readFileSync(join(import.meta.dirname, '../fixtures/snippets/trojan-source/input.md'), 'utf8');

describe('Trojan Source detection', () => {
  it('finds bidi overrides and zero-width characters, once each, in order', () => {
    expect(findHiddenChars(input)).toEqual(['U+202E', 'U+202C', 'U+200B']);
    expect(findHiddenChars('ls -l /tmp')).toEqual([]);
  });

  it('splits text around hidden characters', () => {
    expect(splitHiddenChars('a\u200Bb')).toEqual([{ text: 'a' }, { hidden: '\u200B', label: 'U+200B', name: 'ZERO WIDTH SPACE' }, { text: 'b' }]);
  });

  it('makes the snippet not runnable even though its commands would run', () => {
    const [info] = analyseSnippets([{ lang: 'bash', code: input.split('```bash\n')[1]!.split('\n```')[0]! }], sandboxCommands);
    expect(info!.commands.every((c) => c.execution === 'sandbox')).toBe(true);
    expect(info!.runnable).toBe(false);
  });

  it('renders visible markers, a warning and a disabled Run button, and no raw control character', async () => {
    const { html } = await renderSnippets(input);
    expect(html).toContain('⟨U+202E⟩');
    expect(html).toContain('⟨U+200B⟩');
    expect(html).toMatch(/class="snippet-warning"/);
    expect(html).toMatch(/<button[^>]*data-action="run"[^>]*disabled/);
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
  });
});
