import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { examples, todayOf } from '@peermap/domain';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, SCREENSHOTS, screenshot, signInAs, violationLines } from '../../support/browser';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

async function screenshotOf(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Chooses a score for a measure, at the start or the end of the session. */
async function choose(form: Locator, measure: RegExp, when: 'start' | 'end', score: string) {
  const group = form
    .getByRole('group', { name: measure })
    .getByRole('group', { name: `At the ${when} of the session` });
  await group.getByLabel(score, { exact: true }).check();
}

describe("parents' feedback on a session, in a real browser", () => {
  let api: Api;
  let browser: Browser;
  let sessionId = '';
  /** The invited carer's name as their record holds it today (the list shows it so). */
  let carerName = '';

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
    const [invited] = examples.invitationList.invite;
    const carer = await api.table.store.carers.get(DEMO, 'CR00001');
    if (!invited || !carer) throw new Error('the example session invites a carer, and the demo has CR00001');
    const held = await api.table.store.invitationLists.save(
      make.invitationList(DEMO, {
        status: 'held',
        session: {
          ...examples.invitationList.session,
          date: todayOf(new Date(Date.now() - 2 * 86_400_000)),
          venue: 'Harbour Road Family Hub',
        },
        youngPersonRefs: carer.youngPersonRefs,
        invite: [{ ...invited, carerRef: 'CR00001', name: carer.name, youngPersonRefs: carer.youngPersonRefs }],
        attendance: { CR00001: 'attended' },
      }),
    );
    sessionId = held.id;
    carerName = carer.name;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the lead records a parent’s feedback and gives another a one-time link; the parent answers once without signing in', async () => {
    const { page, errors } = await signInAs(browser, api.server.url, 'Early help lead', DEMO);
    await page.goto(`${api.server.url}/#/sessions/${sessionId}/list`);
    const section = page.locator('section.feedback');
    await section.getByText('No feedback yet.').waitFor();

    const entry = section.locator('form.feedback-entry');
    await entry.getByLabel('Who gave it').selectOption('CR00001');
    await entry.getByLabel('In their own words').fill('I was told he was choosing to go. Tonight I felt listened to.');
    await choose(entry, /know the signs/, 'start', '2');
    await choose(entry, /know the signs/, 'end', '4');
    await choose(entry, /on my own/, 'start', '5, very much');
    await entry.getByRole('button', { name: 'Save the feedback' }).click();
    await entry.getByText(`Feedback saved: ${carerName}.`).waitFor();
    await entry.getByText(/“choosing to”: these are the parent’s own words/).waitFor();
    await section
      .getByRole('table', { name: /1 parent gave feedback/ })
      .getByText('2 → 4')
      .waitFor();

    await section.getByRole('button', { name: 'Make a one-time link' }).click();
    const link = await section.getByLabel(/Send this link to one parent/).inputValue();
    expect(link).toMatch(new RegExp(`^${api.server.url}/#/feedback/demo\\.[A-Za-z0-9_-]{43}$`));
    expect(await violationLines(page)).toEqual([]);
    await screenshotOf(section, 'session-feedback-lead');
    expect(errors).toEqual([]);

    const parent = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await parent.goto(link);
    const form = parent.locator('form');
    await parent.getByRole('heading', { level: 1, name: 'How was the session?' }).waitFor();
    const shown = (await parent.locator('body').textContent()) ?? '';
    for (const hidden of [carerName, 'Harbour', 'CR00001', 'Sign in']) expect(shown).not.toContain(hidden);
    await choose(form, /know who to contact/, 'start', '1, not at all');
    await choose(form, /know who to contact/, 'end', '5, very much');
    await form.getByLabel(/in your own words/).fill('It helped to meet other parents.');
    expect(await violationLines(parent)).toEqual([]);
    await screenshot(parent, 'feedback-form-parent');
    await form.getByRole('button', { name: 'Send my feedback' }).click();
    await parent.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await screenshot(parent, 'feedback-form-thanks');

    await parent.reload();
    await parent.getByRole('heading', { level: 1, name: 'This link has already done its job' }).waitFor();
    expect(await violationLines(parent)).toEqual([]);
    await screenshot(parent, 'feedback-form-used');

    // The lead's token is in memory only: the page is opened again by its address, not reloaded.
    await page.goto(`${api.server.url}/#/sessions`);
    await page.goto(`${api.server.url}/#/sessions/${sessionId}/list`);
    await section
      .getByRole('table', { name: /2 parents gave feedback/ })
      .getByText('through a one-time link')
      .waitFor();
  });
});
