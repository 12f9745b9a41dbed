/**
 * The blog in Chromium: a reader goes home → post → tag page → back, in light and dark schemes and on a phone.
 * Works on whatever content/posts holds; screenshots go to /tmp/site-e2e-*.png for review.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, openPage, site } from './harness.ts';

let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = site().baseUrl;
  browser = await openBrowser();
});
afterAll(() => browser?.close());

const pathOf = (page: Page) => new URL(page.url()).pathname;

describe('reading the blog', () => {
  it('goes home → post → tag page → back → back', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(baseUrl + '/');
    await expect(page.title()).resolves.toContain('opsdeck');
    const firstPost = page.locator('.post-list .post-summary__title a').first();
    const title = (await firstPost.textContent())!.trim();
    await page.screenshot({ path: '/tmp/site-e2e-home.png' });

    await firstPost.click();
    await page.waitForURL(/\/posts\/[^/]+\/$/);
    const postPath = pathOf(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.locator('.post__meta time').count()).resolves.toBe(1);
    await expect(page.locator('.prose').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/site-e2e-post.png', fullPage: true });

    const tag = page.locator('.post__header .tag-list a').first();
    const tagName = (await tag.textContent())!.trim();
    await tag.click();
    await page.waitForURL(/\/tags\/[a-z0-9-]+\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Tagged “${tagName}”`);
    const tagged = await page.locator('.post-list .post-summary__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(tagged).toContain(postPath);
    await page.screenshot({ path: '/tmp/site-e2e-tag.png' });

    await page.goBack();
    expect(pathOf(page)).toBe(postPath);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await page.goBack();
    expect(pathOf(page)).toBe('/');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reaches the tags index, the archive, the feed and a friendly 404 from the header and links', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(baseUrl + '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await page.waitForURL(/\/tags\/$/);
    await expect(page.locator('.tag-cloud a').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click();
    await page.waitForURL(/\/archive\/$/);
    await expect(page.locator('.archive-list a').count()).resolves.toBeGreaterThan(0);
    const feed = await page.request.get(await page.locator('link[rel=alternate][type="application/rss+xml"]').getAttribute('href').then((href) => new URL(new URL(href!).pathname, baseUrl).href));
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('<rss version="2.0"');
    const missing = await page.goto(baseUrl + '/no/such/page/');
    expect(missing?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await context.close();
  });
});

describe('themes and screens', () => {
  /** Background colour of the body, and the colour of the first highlighted code token if the page has one. */
  const colours = (page: Page) =>
    page.evaluate(() => {
      const token = document.querySelector('pre code [data-line] span[style*="--shiki-dark"]');
      return { body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color, token: token ? getComputedStyle(token).color : null };
    });

  it('follows the dark colour scheme, code highlighting included', async () => {
    const light = await openPage(browser, { colorScheme: 'light' });
    const dark = await openPage(browser, { colorScheme: 'dark' });
    // The post with the most code blocks shows the highlighter's dual themes best.
    await light.page.goto(baseUrl + '/archive/');
    const paths = await light.page.locator('.archive-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    let withCode = paths[0]!;
    for (const path of paths) {
      await light.page.goto(baseUrl + path);
      if ((await light.page.locator('pre code [data-line] span[style*="--shiki-dark"]').count()) > 0) {
        withCode = path;
        break;
      }
    }
    await light.page.goto(baseUrl + withCode);
    await dark.page.goto(baseUrl + withCode);
    const [day, night] = [await colours(light.page), await colours(dark.page)];
    expect(day.body).toBe('rgb(252, 252, 251)');
    expect(night.body).toBe('rgb(15, 19, 23)');
    expect(night.text).not.toBe(day.text);
    if (day.token !== null) {
      const style = await dark.page.locator('pre code [data-line] span[style*="--shiki-dark"]').first().getAttribute('style');
      const hex = /--shiki-dark:\s*#([0-9a-f]{6})/i.exec(style ?? '')![1]!;
      const rgb = `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      expect(night.token).toBe(rgb);
      expect(night.token).not.toBe(day.token);
    }
    await dark.page.screenshot({ path: '/tmp/site-e2e-post-dark.png', fullPage: true });
    await dark.page.goto(baseUrl + '/');
    await dark.page.screenshot({ path: '/tmp/site-e2e-home-dark.png' });
    expect([...light.problems, ...dark.problems]).toEqual([]);
    await light.context.close();
    await dark.context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(baseUrl + '/');
    const paths = ['/', '/tags/', '/archive/', ...(await page.locator('.post-list .post-summary__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!)))];
    for (const path of paths) {
      await page.goto(baseUrl + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    }
    await page.goto(baseUrl + paths.at(-1)!);
    await page.screenshot({ path: '/tmp/site-e2e-post-mobile.png', fullPage: true });
    await page.goto(baseUrl + '/');
    await page.screenshot({ path: '/tmp/site-e2e-home-mobile.png' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
