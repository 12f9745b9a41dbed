import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBrowser, site } from './harness.ts';

/**
 * Flashcard practice in Chromium on the site built from content/: the seed's interview deck once the seeds are
 * imported (content/cards/cloud-operations-interview.md), else the hand-written example deck.
 */
const cardsDir = join(import.meta.dirname, '../../content/cards');
const deckId = existsSync(join(cardsDir, 'cloud-operations-interview.md')) ? 'cloud-operations-interview' : 'ops-basics';
const STORAGE_KEY = 'opsdeck:cards:v1';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});

const deckUrl = () => `${site().baseUrl}/cards/${deckId}/`;
const stored = () => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
const count = () => page.locator('[data-role="count"]').textContent();
const question = () => page.locator('[data-practice] [data-role="question"]').textContent();
const cardIds = () => page.locator('[data-card-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-card-id')!));

/** Reveals the current card and rates it by keyboard, waiting until the interval labels are filled. */
async function revealAndRate(grade: '1' | '2' | '3' | '4'): Promise<void> {
  await page.keyboard.press('Space');
  await page.locator('[data-role="grades"]').waitFor({ state: 'visible' });
  await expect.poll(() => page.locator('[data-role="interval"]').first().textContent()).not.toBe('');
  await page.keyboard.press(grade);
}

describe(`flashcards in Chromium (deck ${deckId})`, () => {
  it('reads as a clean Q&A list without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(deckUrl());
    expect(await plain.locator('[data-practice]').isVisible()).toBe(false);
    expect(await plain.locator('.card__question').first().isVisible()).toBe(true);
    expect(await plain.locator('.card__answer').first().isVisible()).toBe(true);
    await noJs.close();
  });

  it('practises the deck by keyboard, with intervals, undo, progress and a summary', async () => {
    await page.goto(deckUrl());
    const ids = await cardIds();
    expect(await page.locator('[data-role="deck-cards"]').isVisible()).toBe(false);
    expect(await count()).toBe(`0 / ${ids.length}`);
    const first = await question();
    const grades = page.locator('[data-practice] [data-role="grades"]');
    expect(await grades.isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await grades.isVisible()).toBe(true);
    await expect.poll(() => page.locator('[data-role="interval"]').nth(3).textContent()).toMatch(/^\d+(\.\d+)?(m|h|d|mo|y)$/);
    expect(await page.locator('[data-practice] [data-role="answer"]').isVisible()).toBe(true);
    await page.keyboard.press('4');
    expect(await count()).toBe(`1 / ${ids.length}`);
    expect(await question()).not.toBe(first);
    await page.keyboard.press('u');
    expect(await count()).toBe(`0 / ${ids.length}`);
    expect(await question()).toBe(first);
    expect(await stored()).toBe('{}');
    for (let i = 0; i < ids.length; i++) await revealAndRate('4');
    await page.locator('[data-role="summary"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-role="summary"]').textContent()).toContain(`Session complete: ${ids.length} ratings`);
    expect(Object.keys(JSON.parse((await stored())!)).sort()).toEqual([...ids].sort());
  });

  it('keeps progress and due counts across reloads', async () => {
    await page.goto(`${site().baseUrl}/cards/`);
    const due = page.locator(`[data-deck="${deckId}"] [data-role="due"]`);
    await page.goto(deckUrl());
    const total = (await cardIds()).length;
    await revealAndRate('4');
    await revealAndRate('4');
    await page.reload();
    expect(await count()).toBe(`0 / ${total - 2}`);
    await page.goto(`${site().baseUrl}/cards/`);
    expect(await due.textContent()).toBe(` · 0 due · ${total - 2} new`);
    // A year later both reviewed cards are due.
    await page.clock.install({ time: Date.now() + 365 * 86_400_000 });
    await page.reload();
    expect(await due.textContent()).toBe(` · 2 due · ${total - 2} new`);
  });

  it('cram mode ignores and never changes the schedule', async () => {
    await page.goto(deckUrl());
    await revealAndRate('3');
    const before = await stored();
    await page.locator('input[name="cram"]').check();
    // Keys go to the page, not to the focused checkbox (Space would toggle it).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const total = (await cardIds()).length;
    expect(await count()).toBe(`0 / ${total}`);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-role="interval"]').first().textContent()).toBe('not saved');
    await page.keyboard.press('1');
    for (let i = 0; i < total; i++) await revealAndRate('4');
    await page.locator('[data-role="summary"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-role="summary"]').textContent()).toContain('the schedule was not changed');
    expect(await stored()).toBe(before);
  });

  it('degrades to session-only mode on corrupt or disabled storage', async () => {
    await page.goto(deckUrl());
    await page.evaluate((key) => localStorage.setItem(key, '{"x":{"due":"<img src=x onerror=alert(1)>"}'), STORAGE_KEY);
    await page.reload();
    const notice = page.locator('[data-practice] [data-role="notice"]');
    expect(await notice.textContent()).toContain('corrupt');
    await revealAndRate('4');
    expect(await count()).toMatch(/^1 \//);
    expect(await stored()).toBe('{"x":{"due":"<img src=x onerror=alert(1)>"}');
    expect(await page.locator('img').count()).toBe(0);
    await page.goto(`${site().baseUrl}/cards/`);
    expect(await page.locator('[data-role="notice"]').textContent()).toContain('corrupt');

    const blocked = await browser.newContext();
    await blocked.addInitScript(() => Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } }));
    const other = await blocked.newPage();
    await other.goto(deckUrl());
    expect(await other.locator('[data-practice] [data-role="notice"]').textContent()).toContain('session only');
    await other.keyboard.press('Space');
    expect(await other.locator('[data-practice] [data-role="answer"]').isVisible()).toBe(true);
    await blocked.close();
  });

  it('downloads an Anki file whose GUIDs are the card ids', async () => {
    await page.goto(deckUrl());
    const ids = await cardIds();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[href="/cards/${deckId}.anki.txt"]`).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', expect.stringMatching(/^#deck:opsdeck::/), '#guid column:1', '#tags column:4', '#columns:GUID\tFront\tBack\tTags']);
    const notes = lines.slice(7);
    // Fields with line breaks are quoted; the GUID starts each note's first line.
    const guids = notes.map((line) => line.split('\t')[0]).filter((guid) => ids.includes(guid!));
    expect(guids).toEqual(ids);
  });
});
