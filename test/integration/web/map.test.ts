import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupStyle } from '../../../packages/web/src/app/pages/map/palette';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, screenshot, signInAs, violationLines } from '../../support/browser';

type Api = Awaited<ReturnType<typeof startTestApi>>;

describe('the map of the week, as a meeting reads it, in a real browser', () => {
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function openMap(role: string): Promise<{ page: Page; errors: string[] }> {
    const signedIn = await signInAs(browser, api.server.url, role, DEMO);
    await signedIn.page.getByRole('navigation').getByRole('link', { name: 'Map of the week', exact: true }).click();
    await signedIn.page.getByRole('application', { name: /network of young people/ }).waitFor();
    await expect.poll(() => namesDrawn(signedIn.page)).toBeGreaterThan(0);
    return signedIn;
  }

  const status = (page: Page) => page.getByRole('status').first().textContent();
  const zoom = async (page: Page) =>
    Number(/(\d+)%/.exec((await page.locator('.camera .zoom').textContent()) ?? '')?.[1]);
  const namesDrawn = async (page: Page) => Number(await page.locator('.network').getAttribute('data-names-drawn'));
  const canvasSize = (page: Page) => page.locator('.network').boundingBox();

  it('a chair sees the groups apart, zooms by keys, filters, opens a young person and adds places', async () => {
    const { page, errors } = await openMap('MADP chair');
    const shown = /(\d+) of (\d+) young people shown/.exec((await status(page)) ?? '');
    expect(Number(shown?.[1])).toBeGreaterThan(100);
    expect(shown?.[1]).toBe(shown?.[2]);

    // Every group in the key is told apart by its colour and outline, and by its name.
    const groups = page.locator('.key-groups li[data-colour]');
    const styles = await groups.evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('data-colour')} ${li.getAttribute('data-outline')}`),
    );
    const labels = await groups.allTextContents();
    expect(styles.length).toBeGreaterThan(9);
    expect(new Set(styles).size).toBe(styles.length);
    expect(new Set(labels).size).toBe(labels.length);
    // The colour comes from the group's tracked name, so a group carried on from last week keeps it.
    const keyColour = new Map(labels.map((label, i) => [label.replace(/ \(\d+\)$/, ''), styles[i]]));
    const lastWeek = (await api.as('madp-chair').request('GET', '/v1/clusters?week=2026-W47')).body as {
      clusters: { clusterId: string; label: string }[];
    };
    const carriedOn = lastWeek.clusters.filter((c) => keyColour.has(c.label));
    expect(carriedOn.length).toBeGreaterThan(0);
    for (const cluster of carriedOn) {
      const style = groupStyle(cluster);
      expect(keyColour.get(cluster.label)).toBe(`${style.colour} ${style.outline}`);
    }
    expect(await namesDrawn(page)).toBeGreaterThan(40);
    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'map-whole-week');

    // Keys, with the map in focus: zoom in, then 0 stands back to the whole week.
    await page.getByRole('application', { name: /network of young people/ }).focus();
    await page.keyboard.press('+');
    await expect.poll(() => zoom(page)).toBeGreaterThan(100);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('0');
    await expect.poll(() => zoom(page)).toBe(100);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => zoom(page)).toBe(150);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => zoom(page)).toBe(100);

    // A concern filter: fewer young people, and the camera fits them (back to 100%).
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => zoom(page)).toBe(150);
    const concern = page.getByLabel('Concern', { exact: true });
    const options = await concern.locator('option').allTextContents();
    await concern.selectOption({ label: options[1] ?? '' });
    await expect.poll(async () => /^(\d+) of/.exec((await status(page)) ?? '')?.[1]).not.toBe(shown?.[1]);
    await expect.poll(() => zoom(page)).toBe(100);
    await page.waitForTimeout(300);
    await screenshot(page, 'map-filtered');
    await concern.selectOption({ label: 'Any' });

    // A young person chosen from the list view opens over the map without shrinking it.
    const before = await canvasSize(page);
    await page.getByLabel('List', { exact: true }).check();
    await page.getByRole('table', { name: 'Young people on the map' }).getByRole('button').first().click();
    await page.getByRole('heading', { level: 2, name: /, \d+$/ }).waitFor();
    await page.getByLabel('Network', { exact: true }).check();
    await page.getByRole('application', { name: /network of young people/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /, \d+$/ }).waitFor();
    expect(await canvasSize(page)).toEqual(before);
    await page.waitForTimeout(300);
    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'map-person-open');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /, \d+$/ }).count()).toBe(0);
    const focused = (what: string) => page.evaluate<string | null>(`document.activeElement?.${what} ?? null`);
    await expect.poll(() => focused("getAttribute('aria-roledescription')")).toBe('network map');

    // In the list, the details close with Escape and the focus goes back to the name chosen.
    await page.getByLabel('List', { exact: true }).check();
    const firstName = page.getByRole('table', { name: 'Young people on the map' }).getByRole('button').first();
    await firstName.click();
    await page.getByRole('heading', { level: 2, name: /, \d+$/ }).waitFor();
    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'map-list-open');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused('textContent')).toBe(await firstName.textContent());
    await page.getByLabel('Network', { exact: true }).check();
    await page.getByRole('application', { name: /network of young people/ }).waitFor();

    // Places, as an optional layer: drawn as dark squares with their names, in the key too.
    await page.getByLabel('Show places').check();
    await expect.poll(() => status(page)).toMatch(/\d+ places? where they were seen/);
    await page.locator('.key').getByText('Place (name in italics)').waitFor();
    await page.waitForTimeout(300);
    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'map-places');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('a police analyst sees restricted links and sightings, marked as restricted', async () => {
    // A sighting only police may see: the chair must learn nothing of it.
    const sighting = await api.as('police-analyst').request('POST', '/v1/restricted-sightings', {
      body: { personRef: 'YP00001', locationRef: 'LOC0001', seenOn: '2026-11-27', sourceAgency: 'police' },
    });
    expect(sighting.status).toBe(201);
    const { page, errors } = await openMap('Police analyst');
    await page.locator('.key').getByText('Dashed: restricted police intelligence').waitFor();
    const links = Number(/(\d+) of the links shown are restricted/.exec((await status(page)) ?? '')?.[1]);
    expect(links).toBeGreaterThan(0);
    await page.getByLabel('Show places').check();
    await expect.poll(() => status(page)).toMatch(/places? where they were seen/);
    // The restricted sighting is counted as a sighting, not as one more link.
    expect(await status(page)).toContain(`${links} of the links and 1 of the sightings at places shown are restricted`);
    await page.waitForTimeout(300);
    await screenshot(page, 'map-police-restricted');
    expect(errors).toEqual([]);
    await page.close();

    const chair = await openMap('MADP chair');
    expect(await chair.page.locator('.key').getByText('Dashed: restricted police intelligence').count()).toBe(0);
    await chair.page.getByLabel('Show places').check();
    await expect.poll(() => status(chair.page)).toMatch(/places? where they were seen/);
    expect(await status(chair.page)).not.toMatch(/restricted/);
    await chair.page.close();
  }, 240_000);
});
