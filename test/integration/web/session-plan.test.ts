import { todayOf } from '@peermap/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, screenshot, signInAs, violationLines } from '../../support/browser';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const upcoming = todayOf(new Date(Date.now() + 12 * 86_400_000));
/** A day as the pages say it: "3 December 2026". */
const inWords = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

describe('an early help lead plans a Parent Empowerment Session, in a real browser', () => {
  let api: Api;
  let browser: Browser;
  let sessionId = '';

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
    const clusters = (await api.as('early-help-lead').request('GET', '/v1/clusters?week=2026-W48')).body as {
      clusters: { clusterId: string }[];
    };
    const made = await api
      .as('early-help-lead')
      .request('POST', `/v1/clusters/${clusters.clusters[0]?.clusterId}/invitation-lists`, {
        body: {
          session: {
            date: upcoming,
            time: '18:30',
            venue: 'Sandgate Family Hub',
            facilitators: [{ name: 'Sam Early', from: 'early_help' }],
          },
        },
      });
    sessionId = (made.body as { id: string }).id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('plans its times, facilitators, topics (one the parents asked for) and budget, and saves them', async () => {
    const { page, errors } = await signInAs(browser, api.server.url, 'Early help lead', DEMO);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Sessions', exact: true }).click();
    const toCome = page.getByRole('table', { name: 'Sessions from today, the nearest first' });
    await toCome
      .getByRole('row', { name: new RegExp(inWords(upcoming)) })
      .getByRole('link', { name: /^Open the session/ })
      .click();
    await page.getByRole('heading', { level: 1, name: `Parent Empowerment Session, ${inWords(upcoming)}` }).waitFor();
    expect(await page.getByRole('list', { name: 'Where the session stands' }).textContent()).toMatch(
      /Planned|Invitations sent/,
    );

    await page.getByLabel('Ends').fill('20:00');
    await page.getByLabel('Address').fill('12 Harbour Road, Sandgate');
    await page.getByLabel('Accessibility').fill('Step-free entrance and a hearing loop; a crèche in the next room');
    await page.getByRole('button', { name: 'Add a facilitator' }).click();
    await page.getByLabel('Facilitator 2: name').fill('PC Jo Patel');
    await page.getByLabel('Facilitator 2: from').selectOption({ label: 'Police' });
    await page.getByRole('button', { name: 'Add a facilitator' }).click();
    await page.getByLabel('Facilitator 3: name').fill('Dee Hart');
    await page.getByLabel('Facilitator 3: from').selectOption({ label: 'Expert by experience' });
    await page.getByLabel('Facilitator 3: team or organisation').fill('Parents Together');

    await page.getByLabel(/^Recognising risk/).check();
    await page.getByLabel(/^Grooming, online and offline/).check();
    await page.getByLabel('A topic the parents asked for').fill('Sleepovers and knowing where they are');
    await page.getByRole('button', { name: 'Add the topic' }).click();

    await page.getByRole('button', { name: 'Add a cost' }).click();
    await page.getByLabel('Cost 1: what it is').fill('Hall hire, two hours');
    await page.getByLabel('Cost 1: planned, in pounds').fill('45.50');
    await page.getByRole('button', { name: 'Add a cost' }).click();
    await page.getByLabel('Cost 2: kind').selectOption({ label: 'Refreshments' });
    await page.getByLabel('Cost 2: planned, in pounds').fill('20');
    await page.getByLabel('Cost 2: actual, in pounds').fill('18.75');
    expect(await page.locator('.budget tfoot').textContent()).toMatch(/£65\.50.*£18\.75 \(1 of 2 recorded\)/);
    await page.getByLabel('Notes').fill('Ask the school to share the date in its newsletter.');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'session-plan');
    const stored = (await api.table.store.invitationLists.get(DEMO, sessionId)) ?? {
      session: {},
      topics: [],
      budget: [],
    };
    expect(stored.topics).toEqual([
      { name: 'Recognising risk', askedByParents: false },
      { name: 'Grooming, online and offline', askedByParents: false },
      { name: 'Sleepovers and knowing where they are', askedByParents: true },
    ]);
    expect(stored.budget).toEqual([
      { kind: 'venue', note: 'Hall hire, two hours', plannedPence: 4550 },
      { kind: 'refreshments', plannedPence: 2000, actualPence: 1875 },
    ]);
    expect(stored.session).toMatchObject({
      endTime: '20:00',
      facilitators: [
        { name: 'Sam Early', from: 'early_help' },
        { name: 'PC Jo Patel', from: 'police' },
        { name: 'Dee Hart', from: 'expert_by_experience', organisation: 'Parents Together' },
      ],
    });
    expect(errors).toEqual([]);
  });
});
