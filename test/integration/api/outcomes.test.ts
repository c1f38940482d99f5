import { addDays, todayOf } from '@peermap/domain';
import { DEMO_LEAD, loadDemoSessions } from '@peermap/local';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, OTHER, startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

interface Outcomes {
  sessions: { held: number; planned: number; cancelled: number };
  families: Record<'invited' | 'reached' | 'attended', number | string>;
  notInvited: { total: number | string; reasons: { reason: string; count: number | string }[] };
  followUps: Record<'owed' | 'done' | 'open', number | string>;
  feedback: Record<'total' | 'named' | 'anonymous', number | string>;
  measures: { measure: string; pairs: number | string; meanBefore: number | null; meanAfter: number | null }[];
  costs: { plannedPence: number; spentPence: number; basis: string; perFamilyReachedPence: number | string | null };
  trends: { weeks: number; caveat: string; rows: { before: number | string; after: number | string }[] };
}

const today = todayOf(new Date());
const period = `from=${addDays(today, -60)}&to=${addDays(today, 30)}`;
const PATH = `/v1/reports/parent-sessions?${period}`;

describe('the outcome report of Parent Empowerment Sessions', () => {
  let api: Api;
  /** Every carer's and young person's ref and name the sessions hold: none may leave in the report. */
  let forbidden: string[];

  beforeAll(async () => {
    api = await startTestApi();
    await loadDemoSessions(api.table.store);
    const lists = (await api.table.store.invitationLists.list(DEMO, { limit: 50 })).items;
    const carers = lists.flatMap((list) => [...list.invite, ...list.askConsentFirst, ...list.notInvited]);
    forbidden = [
      ...new Set([
        ...carers.flatMap((carer) => [carer.carerRef, carer.name]),
        ...lists.flatMap((list) => list.youngPersonRefs),
      ]),
    ];
    expect(lists.filter((list) => list.createdBy === DEMO_LEAD)).toHaveLength(3);
    // A second start finds the demo's sessions and writes none again.
    expect(await loadDemoSessions(api.table.store)).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it("counts the demo's sessions, families, follow-ups, paired measures and costs, naming no one", async () => {
    const answer = await api.as('early-help-lead').request('GET', PATH);
    expect(answer.status).toBe(200);
    const outcomes = answer.body as Outcomes;
    expect(outcomes.sessions).toEqual({ held: 2, planned: 1, cancelled: 0 });
    expect(outcomes.families.attended).toBeGreaterThanOrEqual(5);
    expect(outcomes.feedback).toEqual({ total: 8, named: 'not shown', anonymous: 'fewer than 5' });
    const signs = outcomes.measures.find((m) => m.measure === 'knowsSigns');
    expect(signs).toMatchObject({ pairs: 8, meanBefore: 2.3, meanAfter: 3.8 });
    expect(outcomes.followUps.owed).toBeGreaterThanOrEqual(5);
    expect(outcomes.costs).toMatchObject({ plannedPence: 60_000, spentPence: 58_575, basis: 'actual_and_planned' });
    expect(outcomes.trends.caveat).toContain('not a controlled comparison');
    const text = answer.text;
    for (const word of forbidden) expect(text).not.toContain(word);

    // The audit names everyone whose records were read to count it, as the sessions list does.
    const [event] = (await api.table.store.audit.byUser(DEMO, 'demo-early-help-lead@demo', { limit: 5 })).items;
    expect(event).toMatchObject({ resource: 'reports', action: 'read', outcome: 'allowed' });
    expect(event?.subjects.carers.length).toBeGreaterThan(0);
  });

  it('exports DOCX for the funder and CSV for the analyst, with no name or ref in either', async () => {
    const chair = api.as('madp-chair');
    const csv = await chair.request('GET', `${PATH}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('not a controlled comparison');
    const docx = await chair.request('GET', `${PATH}&format=docx`);
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(docx.bytes ?? new Uint8Array());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('fewer than 5');
    for (const word of forbidden) {
      expect(csv.text).not.toContain(word);
      expect(xml).not.toContain(word);
    }
  });

  it('gives partnership admins the counts but not the files, refuses police analysts, and shows another partnership nothing', async () => {
    const admin = api.as('partnership-admin');
    const counts = await admin.request('GET', PATH);
    expect(counts.status).toBe(200);
    expect((counts.body as Outcomes).sessions.held).toBe(2);
    expect((await admin.request('GET', `${PATH}&format=csv`)).status).toBe(403);
    expect((await api.as('police-analyst').request('GET', PATH)).status).toBe(403);
    const other = await api.as('madp-chair', OTHER).request('GET', PATH);
    expect((other.body as Outcomes).sessions).toEqual({ held: 0, planned: 0, cancelled: 0 });
  });

  it('refuses a period that ends before it starts, runs past three years, or is not a date', async () => {
    const chair = api.as('madp-chair');
    for (const query of [
      'from=2026-05-01&to=2026-04-30',
      'from=2020-01-01&to=2023-01-02',
      'from=2026-13-01&to=2026-12-31',
      'to=2026-01-01',
    ]) {
      const answer = await chair.request('GET', `/v1/reports/parent-sessions?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await chair.request('GET', '/v1/reports/parent-sessions?from=2020-01-01&to=2023-01-01')).status).toBe(200);
  });
});
