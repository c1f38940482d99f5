import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser, SCREENSHOTS, signInAs, violationLines } from '../../support/browser';

type Api = Awaited<ReturnType<typeof startTestApi>>;

/** A part of the page as the meeting sees it, kept with the other screenshots. */
async function screenshotOf(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe('a group’s plans and invitation lists are never lost, in a real browser', () => {
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signIn = (role: string) => signInAs(browser, api.server.url, role, DEMO);

  async function openFirstGroup(page: Page, which = 0): Promise<string> {
    await page.getByRole('navigation').getByRole('link', { name: 'Peer groups', exact: true }).click();
    await page.locator('.cluster-card h2 a').nth(which).click();
    await page.getByRole('heading', { name: 'Action plan' }).waitFor();
    return /#\/[a-z-]+\/([A-Za-z0-9-]{1,40})/.exec(page.url())?.[1] ?? '';
  }

  async function expectAccessible(page: Page) {
    expect(await violationLines(page)).toEqual([]);
  }

  it('after two drafts, the agreed version is the current plan, read-only, every plan listed; changing it starts the next version', async () => {
    const { page, errors } = await signIn('MADP chair');
    const clusterId = await openFirstGroup(page);
    const plan = page.locator('section[aria-labelledby="plan"]');
    await plan.getByText('There is no plan for this group yet.').waitFor();
    // Two drafts, as two people at the meeting might make them: the API lists the older first.
    for (const _ of [1, 2]) {
      const drafted = await api
        .as('madp-chair')
        .request('POST', `/v1/clusters/${clusterId}/action-plans`, { body: {} });
      expect(drafted.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await openFirstGroup(page);
    const everyPlan = plan.getByRole('table', { name: 'Every plan for this group (2)' });
    await everyPlan.waitFor();
    expect(await plan.getByRole('button', { name: /Draft a new plan/ }).count()).toBe(0);

    const summary = plan.getByLabel('Summary');
    await summary.fill('The young people are at risk of criminal exploitation; they play football on Saturdays.');
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await plan.getByText('Saved.').waitFor();
    await plan.getByRole('button', { name: 'Agree the plan' }).click();
    await plan.getByText('The plan is now agreed.').waitFor();

    await openFirstGroup(page);
    await plan.getByText(/Status: agreed · version 3/).waitFor();
    await expect.poll(() => everyPlan.textContent()).toContain('Version 3 (current plan)');
    expect(await everyPlan.textContent()).toMatch(/Version 1draft/);
    expect(await summary.isDisabled()).toBe(true);
    expect(await plan.getByRole('button', { name: 'Save the plan' }).count()).toBe(0);
    await plan.getByText('This plan is agreed: it reads as the meeting agreed it').waitFor();
    await expectAccessible(page);
    await screenshotOf(plan, 'plan-agreed-current');

    await plan.getByRole('button', { name: 'Change it: start version 4 as a draft' }).click();
    expect(await summary.isDisabled()).toBe(false);
    await summary.fill('Version 4: the group now meets at the youth club on Fridays too.');
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await plan.getByText(/Status: draft · version 4/).waitFor();
    // What the meeting agreed stays on the page to read.
    const history = plan.getByRole('table', { name: 'Agreed and reviewed versions of this plan (1)' });
    await history.getByText('Version 3').waitFor();
    await history.getByText('The summary and').click();
    await history.getByText('they play football on Saturdays').waitFor();
    await expectAccessible(page);
    await screenshotOf(plan, 'plan-next-version');
    await plan.getByRole('button', { name: 'Open version 1 (draft)' }).click();
    await plan.getByText(/Status: draft · version 1/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('drafts actions for whom they apply and why, in words; blaming words block agreeing until changed or kept', async () => {
    const { page, errors } = await signIn('MADP chair');
    await openFirstGroup(page, 1);
    const plan = page.locator('section[aria-labelledby="plan"]');
    await plan.getByRole('button', { name: "Draft a new plan from the partnership's rules" }).click();
    await plan.getByText(/Status: draft · version 1/).waitFor();
    // Each action says whom it is for and why; owners and days are words, not codes.
    const forLines = await plan.locator('.covered').allTextContents();
    expect(forLines.some((line) => /^For: the whole group \(\d+\)$/.test(line))).toBe(true);
    expect(forLines.some((line) => /— open concerns?: /.test(line))).toBe(true);
    const owners = await plan.getByLabel('Who').first().locator('option:checked').textContent();
    expect(owners).not.toMatch(/_|^yjs$|^council$/);
    expect(await plan.locator('.day-in-words').first().textContent()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(await plan.locator('option', { hasText: 'Youth justice service' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshotOf(plan, 'plan-editor');

    // The draft's reason is for the young people it chose: changed, the action no longer claims it.
    const concernAt = forLines.findIndex((line) => /— open concerns?: /.test(line));
    const concernFor = plan.locator(`#action-${concernAt}-for`);
    const reasonBefore = await concernFor.textContent();
    await plan.getByText(`Change whom action ${concernAt + 1} is for`).click();
    const ticked = plan.locator(`input[id^="action-${concernAt}-covers-"]:checked`).first();
    const tickedId = (await ticked.getAttribute('id')) ?? '';
    await plan.locator(`#${tickedId}`).uncheck();
    await expect.poll(() => concernFor.textContent()).not.toMatch(/open concern/);
    const reasonLeft = plan.locator(`#action-${concernAt}-reason-left`);
    expect(await reasonLeft.textContent()).toMatch(
      /^The draft chose these young people for a reason \(open concerns?: /,
    );
    await screenshotOf(plan.locator('.action').nth(concernAt), 'plan-action-reason-left');
    await plan.locator(`#${tickedId}`).check();
    await expect.poll(() => concernFor.textContent()).toBe(reasonBefore);
    expect(await reasonLeft.count()).toBe(0);
    await plan.locator(`#${tickedId}`).uncheck();

    const summary = plan.getByLabel('Summary');
    await summary.fill(`${await summary.inputValue()} The school calls them a gang.`);
    const first = plan.getByLabel('Action 1', { exact: true });
    await first.fill(`${await first.inputValue()}; in his words, "I was only the runner"`);
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await plan.getByText('Saved.').waitFor();
    // Saved, the plan keeps no reason for the changed action: the page and the API agree.
    expect(await concernFor.textContent()).not.toMatch(/open concern/);
    expect(await reasonLeft.count()).toBe(0);
    const block = plan.locator('#words-block');
    await block.getByText('The plan cannot be agreed yet.').waitFor();
    expect(await block.textContent()).toContain('“gang” in the summary; “runner” in action 1');
    expect(await plan.getByRole('button', { name: 'Agree the plan' }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await screenshotOf(plan.locator('form.plan-editor'), 'plan-editor-words');

    await plan.getByRole('button', { name: 'Change it to “peer group”' }).click();
    expect(await summary.inputValue()).toContain('calls them a peer group.');
    const notes = plan.locator('#action-0-notes');
    await notes.getByRole('button', { name: 'Keep it, because…' }).click();
    await notes.getByLabel('Why keep “runner”?').fill('His own words, quoted with his agreement.');
    await notes.getByRole('button', { name: 'Keep “runner”' }).click();
    await notes.getByText('“runner” is kept because: His own words, quoted with his agreement.').waitFor();
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await plan.getByText(/Status: draft · version 3/).waitFor();
    await notes.getByText(/kept by demo-madp-chair@demo on \d{1,2} [A-Z][a-z]+ \d{4}/).waitFor();
    expect(await block.count()).toBe(0);
    await plan.getByRole('button', { name: 'Agree the plan' }).click();
    await plan.getByText('The plan is now agreed.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('refuses a session dated in the past, confirms attendance when saved, and keeps every list', async () => {
    const { page, errors } = await signIn('Early help lead');
    await openFirstGroup(page);
    const session = page.locator('section[aria-labelledby="invitations"]');
    const build = async (date: string) => {
      await session.getByLabel('Date').fill(date);
      await session.getByLabel('Time').fill('18:30');
      await session.getByLabel('Venue').fill('Community Centre');
      await session.getByRole('button', { name: 'Build the invitation list' }).click();
    };
    await build('2020-01-01');
    await session.getByRole('alert').getByText('The session cannot be on 2020-01-01: that day has gone by.').waitFor();
    await expectAccessible(page);
    await screenshotOf(session.locator('form.session'), 'session-past-date-refused');

    await build('2099-12-10');
    const lists = session.getByRole('table', { name: /^Every invitation list for this group/ });
    await expect.poll(() => lists.getAttribute('class')).toBe('invitation-lists');
    const attendance = session.getByRole('combobox', { name: /^Attendance of / }).first();
    await attendance.selectOption('attended');
    await session
      .getByRole('status')
      .getByText(/^Attendance saved: .*, attended \(list version 2\)\.$/)
      .waitFor();
    await build('2099-12-17');
    await session.getByRole('table', { name: 'Every invitation list for this group (2)' }).waitFor();
    expect(await lists.textContent()).toContain('1 of');
    expect(await lists.textContent()).toContain('upcoming');
    await session.getByRole('button', { name: 'Open the list for 2099-12-10' }).click();
    expect(await attendance.inputValue()).toBe('attended');
    await expectAccessible(page);
    await screenshotOf(session, 'invitation-lists-kept');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
