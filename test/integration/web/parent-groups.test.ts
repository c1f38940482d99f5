import { randomUUID } from 'node:crypto';
import type { InvitationList } from '@peermap/domain';
import { todayOf } from '@peermap/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, screenshot, signInAs, violationLines } from '../../support/browser';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const daysFromToday = (days: number) => todayOf(new Date(Date.now() + days * 86_400_000));

describe('a parent group that goes on meeting, in a real browser', () => {
  let api: Api;
  let browser: Browser;
  let heldId = '';

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
    const store = api.table.store;
    for (const n of [1, 2, 3]) {
      await store.youngPeople.save(make.youngPerson(DEMO, `PW${n}`, { displayName: `Young person PW${n}` }));
      await store.carers.save(make.carer(DEMO, `PWC${n}`, [`PW${n}`], { name: `Robin Parent ${n}` }));
    }
    // A session held last month at which two of the three parents came.
    const held: Omit<InvitationList, 'version' | 'clusterId'> = {
      ...make.invitationList(DEMO, { id: randomUUID() }),
      status: 'held',
      youngPersonRefs: ['PW1', 'PW2'],
      session: {
        date: daysFromToday(-30),
        time: '18:30',
        venue: 'Harbour Road hall',
        facilitators: [{ name: 'Sam Okafor', from: 'early_help' }],
      },
      invite: [1, 2].map((n) => ({
        carerRef: `PWC${n}`,
        name: `Robin Parent ${n}`,
        relationship: 'mother' as const,
        parentalResponsibility: true,
        youngPersonRefs: [`PW${n}`],
        interpreterNeeded: false,
        transportNeeded: false,
        contactRoute: 'phone' as const,
      })),
      askConsentFirst: [],
      notInvited: [],
      attendance: { PWC1: 'attended', PWC2: 'attended' },
    };
    const { clusterId: _, ...forChosen } = { ...held, clusterId: undefined };
    heldId = (await store.invitationLists.save(forChosen)).id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('a lead starts a group from a held session, adds a parent, plans the next session and opens the group’s plan', async () => {
    const { page, errors } = await signInAs(browser, api.server.url, 'Early help lead', DEMO);
    // From the held session's list, as the lead opens it from the sessions page.
    await page.evaluate(`window.location.hash = '#/sessions/${heldId}'`);
    await page.getByRole('link', { name: 'Start a parent group from this session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Parent groups' }).waitFor();
    const from = page.getByLabel('Grown from a session held');
    await from.locator('option', { hasText: 'Harbour Road hall: 2 came' }).waitFor({ state: 'attached' });
    expect(await from.inputValue()).toBe(heldId);
    await page.getByLabel('The group’s name').fill('Harbour Road kitchen table');
    await page.getByLabel('How often it meets').fill('Monthly, first Tuesday');
    await page.getByLabel(/Topics the parents asked for/).fill('Online grooming, Talking with the school');
    await page.getByRole('button', { name: 'Start the group' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harbour Road kitchen table' }).waitFor();

    const members = page.getByRole('table', { name: /^Members/ });
    await members.getByRole('rowheader', { name: 'Robin Parent 2' }).waitFor();
    expect(await members.getByRole('row').count()).toBe(3);
    await page.getByLabel('Parent or carer').selectOption({ label: 'Robin Parent 3 (PWC3)' });
    await page.getByRole('button', { name: 'Add to the group' }).click();
    await members.getByRole('rowheader', { name: 'Robin Parent 3' }).waitFor();

    await page.getByLabel('Date').fill(daysFromToday(28));
    await page.getByLabel('Time').fill('18:30');
    await page.getByLabel('Venue').fill('Harbour Road hall');
    await page.getByRole('button', { name: 'Build the invitation list' }).click();
    const sessions = page.getByRole('table', { name: /The group’s sessions/ });
    await sessions.getByRole('cell', { name: 'planned' }).waitFor();
    expect(await sessions.getByRole('cell', { name: '3', exact: true }).count()).toBe(1);

    const plan = page.locator('section[aria-labelledby="group-plan"]');
    await plan
      .getByLabel('What the parents want, in their words')
      .fill(
        'We want our children to have somewhere safe to go after school, and to know who to call when we are worried.',
      );
    await plan.getByRole('button', { name: 'Begin the group’s plan' }).click();
    await plan.getByLabel('Summary').waitFor();
    await plan.getByRole('button', { name: 'Add an action' }).click();
    await plan.getByText('the families of the group').first().waitFor();

    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'parent-group');
    await page.getByRole('navigation').getByRole('link', { name: 'Parent groups', exact: true }).click();
    const groups = page.getByRole('table', { name: 'Every parent group of the partnership' });
    await groups.getByRole('link', { name: 'Harbour Road kitchen table' }).waitFor();
    expect(await groups.textContent()).not.toContain('Robin Parent');
    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'parent-groups');
    expect(errors).toEqual([]);
  }, 60_000);
});
