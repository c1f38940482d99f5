import { randomUUID } from 'node:crypto';
import { type InvitationList, todayOf } from '@peermap/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, screenshot, signInAs, violationLines } from '../../support/browser';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const daysFromToday = (days: number) => todayOf(new Date(Date.now() + days * 86_400_000));
/** A day as the pages say it: "3 December 2026". */
const inWords = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

const CARER = 'CR00001';

describe("an early help lead's sessions and carers' consent, in a real browser", () => {
  let api: Api;
  let browser: Browser;
  const upcoming = daysFromToday(9);

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
    // The demo holds no list: one session to come, made as a lead makes it, and one held, as it was then.
    const clusters = (await api.as('early-help-lead').request('GET', '/v1/clusters?week=2026-W48')).body as {
      clusters: { clusterId: string }[];
    };
    const clusterId = clusters.clusters[0]?.clusterId ?? '';
    const made = await api.as('early-help-lead').request('POST', `/v1/clusters/${clusterId}/invitation-lists`, {
      body: {
        session: {
          date: upcoming,
          time: '18:30',
          venue: 'Sandgate Family Hub',
          facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
        },
      },
    });
    expect(made.status).toBe(201);
    // The same group's session a fortnight ago, where two carers came and one sent apologies.
    const { version: _, ...list } = made.body as InvitationList;
    const [first, second, third] = list.invite.map((carer) => carer.carerRef);
    await api.table.store.invitationLists.save({
      ...list,
      id: randomUUID(),
      status: 'held',
      session: {
        date: daysFromToday(-14),
        time: '18:00',
        venue: 'Community Centre',
        facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
      },
      attendance: { [first ?? '']: 'attended', [second ?? '']: 'attended', [third ?? '']: 'apologies' },
      createdAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signIn = (role: string) => signInAs(browser, api.server.url, role, DEMO);
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Pages' });

  async function expectAccessible(page: Page) {
    expect(await violationLines(page)).toEqual([]);
  }

  it('lists the sessions to come and held, and opens a list from them', async () => {
    const { page, errors } = await signIn('Early help lead');
    await nav(page).getByRole('link', { name: 'Sessions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Parent Empowerment Sessions' }).waitFor();
    const toCome = page.getByRole('table', { name: 'Sessions from today, the nearest first' });
    const held = page.getByRole('table', { name: 'Sessions held, the latest first' });
    await Promise.all([toCome.waitFor(), held.waitFor()]);
    const row = toCome.getByRole('row', { name: new RegExp(inWords(upcoming)) });
    expect(await row.textContent()).toMatch(/Group \d+.*18:30, Sandgate Family Hub.*not yet held/);
    expect(await held.textContent()).toMatch(/Community Centre.*2 of \d+ \(1 sent apologies\)/);
    await expectAccessible(page);
    await screenshot(page, 'sessions-page');

    await row.getByRole('link', { name: /Open the list/ }).click();
    await page.getByRole('heading', { level: 1, name: `Parent Empowerment Session, ${inWords(upcoming)}` }).waitFor();
    await page.getByRole('table', { name: /^Invite \(\d+\)$/ }).waitFor();
    await page.getByRole('link', { name: 'Back to every session' }).waitFor();
    await page.getByText(`Session on ${inWords(upcoming)} at 18:30, Sandgate Family Hub`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'session-list');
    expect(errors).toEqual([]);
  });

  it('records consent for a carer, changes it and withdraws it, keeping who recorded what, when', async () => {
    const { page, errors } = await signIn('Early help lead');
    await nav(page).getByRole('link', { name: 'Carers and consent', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Carers and consent' }).waitFor();
    await page.getByRole('table', { name: 'Carers by name' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /Showing 1 to 20 of \d+ carers\./ })
      .waitFor();
    await screenshot(page, 'carers-page');
    await page.getByLabel(/Find a carer/).fill(CARER);
    await page.getByRole('status').filter({ hasText: 'Showing 1 to 1 of 1 carers.' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Open consent for / }).click();
    await page.getByRole('heading', { level: 1, name: /^Consent: / }).waitFor();

    const record = async (decision: string, day: string, by: string, scope: string, note = '') => {
      await page.getByLabel(decision, { exact: true }).check();
      await page.getByLabel('Day the carer decided').fill(day);
      await page.getByLabel(/^Recorded by/).fill(by);
      await page.getByLabel(/^Scope/).fill(scope);
      await page.getByLabel(/^Note/).fill(note);
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Saved: ${decision} on ${inWords(day)}` })
        .waitFor();
    };
    await record('Consent given', daysFromToday(-6), 'Kim Keyworker', 'parent sessions');
    // The form suggests being contacted or invited, never sharing information (that is not a matter of consent).
    const suggested = await page
      .locator('#consent-scopes option')
      .evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? ''));
    expect(suggested).toContain('invitation to parent sessions');
    expect(suggested.filter((scope) => /shar|school/i.test(scope))).toEqual([]);
    await record('Consent given', daysFromToday(-2), 'Sam Early', 'contact by the parent-led group');

    // A day still to come is refused in words before anything is sent.
    await page.getByLabel('Consent withdrawn', { exact: true }).check();
    await page.getByLabel('Day the carer decided').fill(daysFromToday(3));
    await page.getByLabel(/^Recorded by/).fill('Sam Early');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('alert').filter({ hasText: 'that day has not come yet' }).waitFor();

    await record('Consent withdrawn', daysFromToday(0), 'Sam Early', '', 'Asked us to stop for now');
    const history = page.getByRole('table', { name: 'Consent decisions, the latest first' });
    const rows = history.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toMatch(
      /Consent withdrawn.*Sam Early.*Asked us to stop for now.*Stands now/,
    );
    expect(await rows.nth(1).textContent()).toMatch(
      /Consent given.*Sam Early.*contact by the parent-led group.*Replaced/,
    );
    expect(await rows.nth(2).textContent()).toMatch(/Consent given.*Kim Keyworker.*parent sessions.*Replaced/);
    expect(await page.getByLabel('Consent withdrawn', { exact: true }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'carer-consent');
    expect(errors).toEqual([]);
  });

  it('shows the chair the change in the audit', async () => {
    const { page } = await signIn('MADP chair');
    await nav(page).getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByLabel('Look up').selectOption('carer');
    await page.getByLabel('Ref or id').fill(CARER);
    await page.getByRole('button', { name: 'Show the record' }).click();
    const events = page.getByRole('table', { name: /events, newest first/ });
    await events.waitFor();
    expect(await events.textContent()).toContain(
      `update carersallowed: consent withdrawn, recorded on ${daysFromToday(0)}`,
    );
  });

  it('offers a police analyst neither page, and the API refuses them', async () => {
    const { page } = await signIn('Police analyst');
    expect(await nav(page).getByRole('link', { name: 'Carers and consent' }).count()).toBe(0);
    expect(await nav(page).getByRole('link', { name: 'Sessions' }).count()).toBe(0);
    await page.goto(`${api.server.url}/#/carers/${CARER}`);
    await page.getByText("This page is not part of your role's work, or does not exist.").waitFor();
    const refused = await api.as('police-analyst').request('POST', `/v1/carers/${CARER}/consent`, {
      body: { status: 'declined', recordedOn: daysFromToday(0), recordedBy: 'A. Analyst' },
      headers: { 'if-match': '"1"' },
    });
    expect(refused.status).toBe(403);
    expect((await api.as('police-analyst').request('GET', '/v1/invitation-lists')).status).toBe(403);
    const read = await api.as('police-analyst').request('GET', `/v1/carers/${CARER}`);
    expect(read.body).not.toHaveProperty('consentHistory');
  });
});
