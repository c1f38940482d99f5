import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookOf } from '@peermap/ingest';
import { DEMO_WEEKS } from '@peermap/local';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, FRESH, startTestApi } from '../../support/api';
import { launchBrowser, screenshot, signInAs, violationLines } from '../../support/browser';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const DEMO_FOLDER = join(import.meta.dirname, '..', '..', '..', 'packages', 'local', 'demo');
const SHEETS = ['young_people', 'relationships', 'locations', 'carers', 'sightings', 'concerns'];

const weekFiles = (folder: string) =>
  SHEETS.map((sheet) => ({
    name: `${sheet}.csv`,
    mimeType: 'text/csv',
    buffer: readFileSync(join(DEMO_FOLDER, folder, `${sheet}.csv`)),
  }));

/** Week 1's young people with one date of birth that cannot be a date. */
function brokenYoungPeople() {
  const [header = '', first = '', ...rest] = readFileSync(
    join(DEMO_FOLDER, 'week-1', 'young_people.csv'),
    'utf8',
  ).split(/\r?\n/);
  const columns = header.split(',');
  const cells = first.split(',');
  cells[columns.indexOf('date_of_birth')] = '31/02/2012';
  return {
    name: 'young_people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, cells.join(','), ...rest].join('\n')),
  };
}

describe('the web app, in a real browser, for each role’s week of work', () => {
  let api: Api;
  let browser: Browser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ web: true }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signIn = (role: string, partnership: string) => signInAs(browser, api.server.url, role, partnership);

  async function expectAccessible(page: Page) {
    expect(await violationLines(page)).toEqual([]);
  }

  async function expectNothingStored(page: Page) {
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toMatch(/^(#\/[a-z-]*(\/[A-Za-z0-9-]{1,40})?(\/\d{4}-W\d{2})?)?$/);
  }

  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  it('a chair uploads week 1 (after a broken file), weeks 1-4, runs the analysis, agrees a plan and downloads it', async () => {
    const { page, errors } = await signIn('MADP chair', FRESH);
    await expectAccessible(page);
    await screenshot(page, 'home-chair');

    await nav(page, 'Weekly upload').click();
    await page.getByRole('heading', { level: 1, name: 'Weekly upload and analysis' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Week', { exact: true }).fill('2026-W45');
    await page.getByLabel(/Only check the sheets/).check();
    await page.getByLabel(/Mapping sheets/).setInputFiles(weekFiles('week-1'));
    await page.getByRole('button', { name: 'Check the sheets' }).click();
    await page.getByText('No problems found in the sheets for 2026-W45').waitFor();
    await page.getByLabel(/Only check the sheets/).uncheck();
    await page.getByLabel(/Mapping sheets/).setInputFiles([brokenYoungPeople()]);
    await page.getByRole('button', { name: 'Upload the week' }).click();
    const problems = page.getByRole('table', { name: /problem/ });
    await problems.waitFor();
    await expect.poll(() => problems.textContent()).toContain('date_of_birth');
    expect(await problems.textContent()).toContain('31/02/2012');
    await expectAccessible(page);
    await screenshot(page, 'upload-problems');

    for (const { folder, week } of DEMO_WEEKS) {
      await page.getByLabel('Week', { exact: true }).fill(week);
      await page.getByLabel(/Mapping sheets/).setInputFiles(weekFiles(folder));
      await page.getByRole('button', { name: 'Upload the week' }).click();
      await page.getByRole('heading', { name: `Week ${week} is uploaded` }).waitFor({ timeout: 30_000 });
    }
    await page.getByRole('button', { name: 'Run the analysis' }).click();
    await page.getByText('Finished.').waitFor({ timeout: 60_000 });
    await screenshot(page, 'upload-and-analysis');
    await page.getByRole('link', { name: 'Go to the peer groups' }).click();

    const first = page.locator('.cluster-card h2 a').first();
    await first.waitFor();
    expect(await page.locator('.cluster-card .why').first().textContent()).toMatch(/Discussed first: .*recent concern/);
    await expectAccessible(page);
    await screenshot(page, 'clusters');
    await first.click();
    await page.getByRole('heading', { name: 'What is going well' }).waitFor();
    await page.getByRole('img', { name: /young people of the group as a network/ }).waitFor();
    await expectNothingStored(page);

    await page.getByRole('button', { name: /Draft a new plan/ }).click();
    const summary = page.getByLabel('Summary');
    await summary.fill('Two gang members are putting themselves at risk.');
    // The note comes as the words are written, before anything is saved.
    await page.getByText('Instead of “gang member”').waitFor();
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expectAccessible(page);
    await screenshot(page, 'cluster-plan-language');
    await summary.fill('Two young people are at risk of criminal exploitation; both play football on Saturdays.');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Agree the plan' }).click();
    await page.getByText('The plan is now agreed.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the plan (Word)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, 'cluster-agreed');

    await nav(page, 'Map of the week').click();
    await page.getByRole('application', { name: /network of young people/ }).waitFor();
    await page.waitForTimeout(500);
    await expectAccessible(page);
    await screenshot(page, 'map-network');
    await page.getByLabel('List', { exact: true }).check();
    const table = page.getByRole('table', { name: 'Young people on the map' });
    await table.waitFor();
    await table.getByRole('button').first().click();
    await page.getByRole('heading', { level: 2, name: /, \d+$/ }).waitFor();
    await page
      .getByText(/Why in this group: .*(of their friends are|friends are outside)|Not in a peer group this week/)
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'map-list');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('signs in and moves about by keyboard alone, and prints without the page furniture', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${api.server.url}/`);
    await page.getByRole('heading', { level: 1, name: /Sign in to peermap/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('role-madp-chair');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.id')).toBe('role-early-help-lead');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your week as Early help lead' }).waitFor();
    // The new page's heading takes the focus, so a screen reader announces where the user is.
    await page.waitForFunction("document.activeElement?.tagName === 'H1'", undefined, { timeout: 5_000 });
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Your week as Early help lead');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Read the peer groups and their reports');
    expect(await page.evaluate("document.querySelector('a,button,input,select,textarea').textContent")).toBe(
      'Skip to the page',
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByText(/OFFICIAL-SENSITIVE/).isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it('a chair sends the week as a workbook, which goes through a large upload and is read from there', async () => {
    const rows = Object.fromEntries(
      SHEETS.map((sheet) => [
        sheet,
        (parse(readFileSync(join(DEMO_FOLDER, 'week-4', `${sheet}.csv`)), { bom: true }) as string[][]).slice(1),
      ]),
    );
    const workbook = Buffer.from(await workbookOf(rows));
    const { page, errors } = await signIn('MADP chair', DEMO);
    await nav(page, 'Weekly upload').click();
    await page.getByLabel('Week', { exact: true }).fill('2026-W48');
    await page.getByLabel(/Mapping sheets/).setInputFiles([
      {
        name: 'week-4.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: workbook,
      },
    ]);
    await page.getByRole('button', { name: 'Upload the week' }).click();
    await page.getByRole('heading', { name: 'Week 2026-W48 is uploaded' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('table', { name: /What the upload changed/ }).textContent()).toMatch(/young people/);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('an early help lead builds an invitation list in its three parts, and cannot agree a plan', async () => {
    const { page, errors } = await signIn('Early help lead', DEMO);
    expect(await nav(page, 'Weekly upload').count()).toBe(0);
    await nav(page, 'Peer groups').click();
    await page.locator('.cluster-card h2 a').first().click();
    await page.getByRole('heading', { name: 'Parent Empowerment Session' }).waitFor();
    await page.getByLabel('Date').fill('2099-12-10');
    await page.getByLabel('Time').fill('18:30');
    await page.getByLabel('Venue').fill('Community Centre');
    await page.getByLabel(/Facilitators/).fill('Early Help, Police');
    await page.getByRole('button', { name: 'Build the invitation list' }).click();
    for (const part of [/^Invite \(\d+\)$/, /^Ask for consent first \(\d+\)$/, /^Not invited \(\d+\)$/]) {
      await page.getByRole('table', { name: part }).waitFor();
    }
    expect(await page.getByRole('button', { name: 'Agree the plan' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'cluster-invitations');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a chair reads a group page in plain words, with the figures one click away', async () => {
    const { page, errors } = await signIn('MADP chair', DEMO);
    await nav(page, 'Peer groups').click();
    const first = page.locator('.cluster-card h2 a').first();
    await first.waitFor();
    // The agenda order is said in words, so the only number on a card is the group's own.
    expect(await page.locator('.cluster-card .why').first().textContent()).toMatch(/^Discussed first: /);
    const label = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(label) }).waitFor();
    const narrative = (await page.locator('.narrative').textContent()) ?? '';
    expect(narrative).not.toMatch(/have strengths recorded|repeated runs|%/);
    const members = page.getByRole('table', { name: 'Who is in the group and why' });
    await members.waitFor();
    const words = (await members.textContent()) ?? '';
    expect(words).toMatch(/(strong|regular|occasional) link/);
    expect(words).toMatch(/of their friends are/);
    expect(words).toMatch(/every time|most times/);
    expect(words).not.toMatch(/weight|betweenness|\d+%/i);
    const figures = page.locator('details.figures');
    expect(await figures.getByRole('table', { name: "Each young person's figures" }).isVisible()).toBe(false);
    await figures.getByText('Figures', { exact: true }).click();
    await figures.getByRole('table', { name: "Each young person's figures" }).waitFor();
    expect(await figures.textContent()).toMatch(/Betweenness inside/);
    await page.getByRole('img', { name: /places on a plain plan.*the bar is \d+ k?m/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cluster-plain-words');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a police analyst adds a place by grid reference, and never sees a carer's phone number", async () => {
    const carers = await api.as('madp-chair').request('GET', '/v1/carers?limit=500');
    const phones = (carers.body as { items: { contact: { phone?: string } }[] }).items.flatMap((c) =>
      c.contact.phone ? [c.contact.phone] : [],
    );
    expect(phones.length).toBeGreaterThan(0);

    const { page, errors } = await signIn('Police analyst', DEMO);
    await nav(page, 'Places').click();
    await page.getByRole('button', { name: 'Add a place' }).click();
    await page.getByLabel(/^Reference/).fill('LOC9001');
    await page.getByLabel('Name', { exact: true }).fill('Railway Arches');
    await page.getByLabel('Kind of place').selectOption('abandoned_building');
    await page.getByLabel(/British National Grid/).check();
    await page.getByLabel('Easting', { exact: true }).fill('533000');
    await page.getByLabel('Northing', { exact: true }).fill('181000');
    await page.getByRole('button', { name: 'Add the place' }).click();
    const row = page.getByRole('row', { name: /Railway Arches/ });
    await Promise.race([row.waitFor(), page.getByRole('alert').waitFor()]);
    expect(await page.getByRole('alert').count(), (await page.getByRole('alert').allTextContents()).join()).toBe(0);
    expect(await row.textContent()).toMatch(/abandoned building51\.51\d+, -0\.0[78]\d+533000, 181000/);
    await expectAccessible(page);
    await screenshot(page, 'places');

    // A restricted sighting goes to police's own layer: a chair finds nothing at its address.
    await page.getByLabel('Young person').selectOption('YP00001');
    await page.getByLabel('Place').selectOption('LOC9001');
    await page.getByLabel('Seen on').fill('2026-11-25');
    await page.getByLabel(/^Restricted/).check();
    await page.getByRole('button', { name: 'Record the sighting' }).click();
    await page.getByRole('status').filter({ hasText: 'restricted intelligence' }).waitFor();
    const id = 'YP00001~LOC9001~2026-11-25~police';
    expect((await api.as('police-analyst').request('GET', `/v1/restricted-sightings/${id}`)).status).toBe(200);
    expect((await api.as('madp-chair').request('GET', `/v1/sightings/${id}`)).status).toBe(404);
    await screenshot(page, 'places-restricted-sighting');

    await nav(page, 'Peer groups').click();
    await page.getByRole('heading', { level: 1, name: /Peer groups in 2026-W48/ }).waitFor();
    await page.getByLabel('Week', { exact: true }).fill('2026-W45');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { level: 1, name: /Peer groups in 2026-W45/ }).waitFor();
    await page.locator('.cluster-card h2 a').first().click();
    await page.getByRole('heading', { level: 1, name: /\(2026-W45\)/ }).waitFor();
    await page.getByRole('heading', { name: 'Week by week' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Parent Empowerment Session' }).count()).toBe(0);
    const text = (await page.textContent('body')) ?? '';
    for (const phone of phones) expect(text).not.toContain(phone);
    await expectAccessible(page);
    await screenshot(page, 'cluster-police');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a partnership admin keeps the settings and adds a session topic (refused when a rule's words blame) and looks up the audit", async () => {
    const { page, errors } = await signIn('Partnership admin', DEMO);
    expect(await nav(page, 'Peer groups').count()).toBe(0);
    await nav(page, 'Settings').click();
    await page.getByRole('heading', { level: 1, name: /Settings of/ }).waitFor();
    await page.getByRole('button', { name: 'Add a phrase' }).click();
    await page.getByLabel('Instead of').last().fill('troublemaker');
    await page.getByLabel('say', { exact: true }).last().fill('young person who needs support');
    await page.getByLabel('Where the figures come from').fill('Invented figures for the demo');
    await page.getByLabel(/^By sex/).fill('Male, 5000\nFemale, 5000');
    expect(
      await page
        .getByLabel(/^Topic \d+$/)
        .first()
        .inputValue(),
    ).toBe('Recognising risk');
    await page.getByRole('button', { name: 'Add a topic' }).click();
    await page
      .getByLabel(/^Topic \d+$/)
      .last()
      .fill('Knife crime and keeping safe');
    await page.getByLabel('what it covers').last().fill('Asked for by the parents of the Northfield group');
    await page.getByRole('button', { name: 'Move “Knife crime and keeping safe” up' }).click();
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('The settings are saved.').waitFor();
    const saved = await api.as('early-help-lead').request('GET', '/v1/vocabulary');
    const topics = (saved.body as { sessionTopics: { name: string }[] }).sessionTopics.map((topic) => topic.name);
    expect(topics.slice(-2)).toEqual(['Knife crime and keeping safe', 'Keeping in touch with each other as parents']);
    await expectAccessible(page);
    await screenshot(page, 'settings');
    await page.getByRole('button', { name: 'Add a topic' }).click();
    await page
      .getByLabel(/^Topic \d+$/)
      .last()
      .fill('recognising RISK');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /topic 9, "recognising RISK", repeats topic 1/ })
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'settings-topic-refused');
    await page.getByRole('button', { name: 'Remove “recognising RISK”', exact: true }).click();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel('Action', { exact: true }).last().fill('Disrupt the gang');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /actionRules\.\d+\.actions\.0\.description/ });
    await alert.waitFor();
    await screenshot(page, 'settings-refused');

    await nav(page, 'Who is on the map').click();
    const sex = page.getByRole('table', { name: /^Sex in 2026-W48/ });
    await sex.waitFor();
    expect(await sex.textContent()).toMatch(/male.*50%.*\d\.\d\d×/);
    await expectAccessible(page);
    await screenshot(page, 'reports');

    await nav(page, 'Audit').click();
    await page.getByLabel('Ref or id').fill('YP00001');
    await page.getByRole('button', { name: 'Show the record' }).click();
    const table = page.getByRole('table', { name: /events, newest first/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page);
    await screenshot(page, 'audit');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a chair keeps one young person at review and removes another; the admin sees no names, sweeps and reads the erasures', async () => {
    const added = { recordedBy: 'chair-1', recordedAt: new Date(Date.now() - 100 * 86_400_000).toISOString() };
    for (const [ref, displayName] of [
      ['REVIEW1', 'Rowan Review'],
      ['REVIEW2', 'Remy Review'],
    ] as const) {
      await api.table.store.youngPeople.save({ ...make.youngPerson(DEMO, ref, { displayName }), provenance: added });
    }
    const { page, errors } = await signIn('MADP chair', DEMO);
    await nav(page, 'Reviews').click();
    const table = page.getByRole('table', { name: /by review date/ });
    await table.waitFor();
    expect(await table.textContent()).toMatch(/Rowan Review \(REVIEW1\).*added to the map.*overdue/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Review Rowan Review' }).click();
    await page.getByLabel('Why').fill('The youth work with Rowan is going well and still needs the group view');
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await page.getByText('Rowan Review stays on the map; the next review is set.').waitFor();
    await page.getByRole('button', { name: 'Review Remy Review' }).click();
    await page.getByLabel('Remove from the map').check();
    await page.getByLabel('Why').fill('No agency holds a concern any more; the family asked');
    const remove = page.getByRole('button', { name: 'Remove for good' });
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel(/I understand that everything about Remy Review is erased/).check();
    await expectAccessible(page);
    await screenshot(page, 'reviews');
    await remove.click();
    await page.getByText('Remy Review has been removed.').waitFor();
    expect(await api.table.store.youngPeople.get(DEMO, 'REVIEW2')).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();

    const admin = await signIn('Partnership admin', DEMO);
    await nav(admin.page, 'Reviews').click();
    await admin.page.getByRole('heading', { level: 2, name: 'Erasures' }).waitFor();
    expect(await admin.page.textContent('body')).not.toContain('Rowan');
    await admin.page.getByRole('button', { name: 'Run the retention sweep now' }).click();
    await admin.page.getByText(/^Retention sweep: 0 removed at their removal date/).waitFor();
    const erasures = admin.page.getByRole('table', { name: /Erasures, newest first/ });
    await erasures.waitFor();
    expect(await erasures.textContent()).toMatch(/No agency holds a concern any more.*erased-[0-9a-f]{8}/);
    expect(await erasures.textContent()).not.toContain('Remy');
    await expectAccessible(admin.page);
    expect(admin.errors).toEqual([]);
    await admin.page.close();
  }, 120_000);
});
