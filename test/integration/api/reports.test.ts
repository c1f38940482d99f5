import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

interface Group {
  group: string;
  onMap: number;
  inClusters: number;
  shareOfCohort: number | null;
  ratioOnMap: number | null;
}
interface Report {
  cohort: { source: string } | null;
  weeks: { week: string; onMap: number; inClusters: number; dimensions: Record<string, Group[]> }[];
}

describe('the disproportionality report of the demo partnership', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApi();
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('counts the map week by week by ethnicity, sex and age band, and compares with the cohort once it is set', async () => {
    const chair = api.as('madp-chair');
    const before = (await chair.request('GET', '/v1/reports/disproportionality')).body as Report;
    expect(before.cohort).toBeNull();
    expect(before.weeks.map((w) => w.week)).toEqual(['2026-W48', '2026-W47', '2026-W46', '2026-W45']);
    for (const week of before.weeks) {
      for (const groups of Object.values(week.dimensions)) {
        expect(groups.reduce((sum, g) => sum + g.onMap, 0)).toBe(week.onMap);
        expect(groups.reduce((sum, g) => sum + g.inClusters, 0)).toBe(week.inClusters);
      }
    }

    const admin = api.as('partnership-admin');
    const settings = await admin.request('GET', '/v1/settings');
    const changed = await admin.request('PATCH', '/v1/settings', {
      body: {
        cohort: {
          source: 'Invented figures for the demo partnership',
          ethnicity: { 'White British': 8000, 'Black British': 800, Asian: 1200 },
          sex: { Male: 5000, Female: 5000 },
          ageBand: { '10-12': 3000, '13-15': 4000, '16-17': 3000 },
        },
      },
      headers: { 'if-match': settings.headers.get('etag') ?? '' },
    });
    expect(changed.status).toBe(200);
    const after = (await chair.request('GET', '/v1/reports/disproportionality?weeks=1')).body as Report;
    expect(after.cohort).toEqual({ source: 'Invented figures for the demo partnership' });
    expect(after.weeks).toHaveLength(1);
    const sex = after.weeks[0]?.dimensions['sex'] ?? [];
    expect(sex.find((g) => g.group === 'male')).toMatchObject({ shareOfCohort: 0.5, ratioOnMap: expect.any(Number) });
    expect(JSON.stringify(after)).not.toMatch(/YP\d{5}/);
  });

  it('answers a subject access request with everything held, who read it, and what needs review first', async () => {
    await api.as('early-help-lead').request('GET', '/v1/young-people/YP00001');
    const kept = await api.as('madp-chair').request('POST', '/v1/young-people/YP00001/reviews', {
      body: { decision: 'keep', reason: 'the work with the family is going on' },
    });
    expect(kept.status).toBe(200);
    const answer = await api.as('partnership-admin').request('GET', '/v1/young-people/YP00001/subject-access');
    expect(answer.status).toBe(200);
    const access = answer.body as {
      youngPerson: { ref: string };
      relationships: { restricted: boolean }[];
      sightings: { restricted: boolean }[];
      peerGroups: { week: string }[];
      accessLog: { actor: { role: string }; action: string }[];
      reviewBeforeDisclosure: { item: string; reason: string }[];
      review: { status: { reviewDueOn: string }; decisions: { reason: string }[] };
    };
    expect(access.youngPerson.ref).toBe('YP00001');
    expect(access.review.decisions.map((d) => d.reason)).toEqual(['the work with the family is going on']);
    expect(access.review.status.reviewDueOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(access.peerGroups.map((g) => g.week)).toContain('2026-W48');
    expect(access.accessLog.some((e) => e.actor.role === 'early-help-lead' && e.action === 'read')).toBe(true);
    const restricted = [...access.relationships, ...access.sightings].filter((r) => r.restricted).length;
    const flagged = access.reviewBeforeDisclosure.filter((r) => /Restricted police intelligence/.test(r.reason)).length;
    expect(flagged).toBe(restricted);
    expect(access.reviewBeforeDisclosure.length).toBeGreaterThan(0);
    const paper = await api.as('madp-chair').request('GET', '/v1/young-people/YP00001/subject-access?format=docx');
    expect(paper.status).toBe(200);
    expect(
      Buffer.from(paper.bytes ?? new Uint8Array())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await api.as('police-analyst').request('GET', '/v1/young-people/YP00001/subject-access')).status).toBe(403);
  });
});
