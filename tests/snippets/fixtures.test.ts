import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSnippets } from './render.ts';

/** Each folder of tests/fixtures/snippets/ holds input.md and the expected.html the snippet plugins render. */
const root = join(import.meta.dirname, '../fixtures/snippets');
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('snippet rendering fixtures', () => {
  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, async () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const { html } = await renderSnippets(input);
      const expectedPath = join(root, name, 'expected.html');
      // UPDATE=1 regenerates the expected file; review the diff before committing it
      if (process.env['UPDATE'] === '1') writeFileSync(expectedPath, html);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE=1 and review it`).toBe(true);
      expect(html).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
