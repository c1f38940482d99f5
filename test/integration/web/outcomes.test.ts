import { readFileSync } from 'node:fs';
import { loadDemoSessions } from '@peermap/local';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, screenshot, signInAs, violationLines } from '../../support/browser';

type Api = Awaited<ReturnType<typeof startTestApi>>;

describe('the outcomes of Parent Empowerment Sessions, in a real browser', () => {
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
    await loadDemoSessions(api.table.store);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("shows the chair the demo's figures with charts beside their tables, the caveat, and the funder's paper to download", async () => {
    const { page, errors } = await signInAs(browser, api.server.url, 'MADP chair', DEMO);
    await page.getByRole('navigation').getByRole('link', { name: 'Outcomes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'What the parent sessions achieved' }).waitFor();
    const headlines = page.locator('.headlines');
    await headlines.getByText('Sessions held').waitFor();
    expect(await headlines.locator('dd').first().textContent()).toBe('2');
    for (const chart of ['Families invited, reached and who came', 'Average answers at the start and at the end']) {
      expect(await page.getByRole('img', { name: new RegExp(chart) }).count()).toBe(1);
    }
    await page.getByRole('table', { name: 'What parents said: paired answers only' }).waitFor();
    await page.getByText('This is not a controlled comparison').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/CR\d{5}|YP\d{5}/);
    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'outcomes');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parent-sessions-.+\.csv$/);
    expect(readFileSync(await download.path(), 'utf8')).toContain('fewer than 5');

    // A period that ends before it starts is refused, and the page says so.
    await page.getByLabel('First day').fill('2026-06-01');
    await page.getByLabel('Last day').fill('2026-05-01');
    await page.getByRole('button', { name: 'Show this period' }).click();
    await page.getByText('The period ends before it starts.').waitFor();
    expect(errors).toEqual([]);
  });
});
