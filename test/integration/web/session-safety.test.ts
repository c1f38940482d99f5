import { todayOf } from '@peermap/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, screenshot, signInAs, violationLines } from '../../support/browser';

type Api = Awaited<ReturnType<typeof startTestApi>>;

interface AssessmentBody {
  carers: { carerRef: string; name: string; listed: string }[];
}

describe('a session made safe in a real browser: the lead completes, a chair approves', () => {
  let api: Api;
  let browser: Browser;
  let id = '';
  let pair: { carerRef: string; name: string }[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
    const lead = api.as('early-help-lead');
    const clusters = (await lead.request('GET', '/v1/clusters?week=2026-W48')).body as {
      clusters: { clusterId: string }[];
    };
    const made = await lead.request('POST', `/v1/clusters/${clusters.clusters[0]?.clusterId}/invitation-lists`, {
      body: {
        session: {
          date: todayOf(new Date(Date.now() + 21 * 86_400_000)),
          time: '18:00',
          venue: 'Sandgate Family Hub',
          facilitators: [{ name: 'Pat Early', from: 'early_help' }],
        },
      },
    });
    expect(made.status).toBe(201);
    id = (made.body as { id: string }).id;
    const view = (await lead.request('GET', `/v1/sessions/${id}/risk-assessment`)).body as AssessmentBody;
    pair = view.carers.filter((carer) => carer.listed !== 'not_invited').slice(0, 2);
    expect(pair).toHaveLength(2);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const open = async (role: string) => {
    const signedIn = await signInAs(browser, api.server.url, role, DEMO);
    await signedIn.page.goto(`${api.server.url}/#/sessions/${id}/list`);
    await signedIn.page.getByRole('heading', { level: 2, name: 'Making the session safe' }).waitFor();
    return signedIn;
  };
  const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

  it('is written and completed by the lead, approved by a chair, and only then offers the pack', async () => {
    const lead = await open('Early help lead');
    const page = lead.page;
    await page.getByText(/^Planned: the risk assessment is still to be written/).waitFor();
    await page.getByLabel('Group dynamics').fill('Most families know each other from the school gate.');
    await page.getByLabel('Confidentiality').fill('What is said stays in the room, unless a child needs keeping safe.');
    await page.getByLabel('The group agreement to propose').fill('We listen, we take turns, we keep what is shared.');
    await page.getByRole('button', { name: 'Keep two carers apart' }).click();
    await page.getByLabel('Carer', { exact: true }).selectOption(pair[0]?.carerRef ?? '');
    await page.getByLabel('and carer').selectOption(pair[1]?.carerRef ?? '');
    await page.getByLabel('Reason').fill('A falling out between the two families');
    await page.getByRole('button', { name: 'Save the risk assessment' }).click();
    await status(page, 'Risk assessment saved.');
    await page.getByRole('button', { name: `Offer ${pair[1]?.name} another session` }).click();
    await status(page, /is offered another session/);
    await page.getByRole('button', { name: 'Complete the risk assessment' }).click();
    await status(page, 'Risk assessment completed.');
    // The one who completed it may not approve it: the button says why it is not for them.
    expect(await page.getByRole('button', { name: 'Approve the risk assessment' }).isDisabled()).toBe(true);
    await page.getByText('You completed this assessment: a second person').waitFor();
    expect(await violationLines(page)).toEqual([]);
    await screenshot(page, 'session-safety-completed');

    const chair = await open('MADP chair');
    await chair.page.getByText(/^Completed by demo-early-help-lead@demo/).waitFor();
    await chair.page.getByText('A falling out between the two families', { exact: false }).waitFor();
    await chair.page.getByRole('button', { name: 'Approve the risk assessment' }).click();
    await status(chair.page, 'Risk assessment approved: invitations can go out.');
    await chair.page.getByText(/^Approved by demo-madp-chair@demo/).waitFor();
    expect(await violationLines(chair.page)).toEqual([]);
    await screenshot(chair.page, 'session-safety-approved');

    // Signed in again (the sign-in is kept in memory only), the lead now has the pack to download.
    const again = await open('Early help lead');
    await again.page.getByRole('button', { name: 'Download the facilitators’ pack (Word)' }).waitFor();
    expect([...lead.errors, ...chair.errors, ...again.errors]).toEqual([]);
  }, 120_000);
});
