import { examples } from '@peermap/domain';
import { DEMO_WEEKS, demoFiles } from '@peermap/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, DEMO, startTestApi } from '../../support/api';
import * as make from '../../support/records';

/** A partnership of its own, so its weeks are uploaded and analysed one at a time, in order. */
const WEEKLY = 'weekly';

type Api = Awaited<ReturnType<typeof startTestApi>>;

interface ClusterListBody {
  analysisId: string;
  week: string;
  clusters: {
    clusterId: string;
    label: string;
    memberRefs: string[];
    change: { status: string };
    weak: boolean;
    agenda: { position: number; factors: { factor: string; value: number; text: string }[] };
  }[];
}

interface ClusterBody {
  cluster: {
    clusterId: string;
    label: string;
    memberRefs: string[];
    stability: number;
    change: { status: string; joined: string[]; left: string[]; previousClusterIds: string[] };
    members: { ref: string; strongestLinks: { ref: string }[]; shareOfLinkWeightInside: number }[];
    mostConnected: { ref: string; linkWeightInside: number; betweennessInside: number }[];
    narrative: string;
  };
  history: { week: string; status: string }[];
}

const form = (files: Record<string, Uint8Array>) => {
  const data = new FormData();
  for (const [name, content] of Object.entries(files)) data.append(name, new Blob([content]), name);
  return data;
};

describe('the peer-group analysis through the API', () => {
  let api: Api;
  const weeks: { week: string; analysisId: string; clusters: ClusterListBody }[] = [];
  const chair = (partnership = WEEKLY) => api.as('madp-chair', partnership);

  /** Asks for a run and follows it until it is no longer queued or running. */
  async function analyse(week: string, partnership = WEEKLY, asked: object = {}): Promise<ApiResponse> {
    const started = await chair(partnership).request('POST', '/v1/analyses', {
      body: { week, purpose: 'safety_planning', ...asked },
    });
    expect(started.status).toBe(202);
    const location = started.headers.get('location') ?? '';
    for (let attempt = 0; attempt < 100; attempt++) {
      const run = await chair(partnership).request('GET', location);
      const status = (run.body as { status: string }).status;
      if (status !== 'queued' && status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the analysis of ${week} did not finish`);
  }

  beforeAll(async () => {
    api = await startTestApi();
    for (const { folder, week } of DEMO_WEEKS) {
      const upload = await chair().request('POST', `/v1/uploads?week=${week}`, { form: form(demoFiles(folder)) });
      expect(upload.status).toBe(201);
      const run = await analyse(week);
      expect(run.body).toMatchObject({ status: 'completed', week });
      const analysisId = (run.body as { id: string }).id;
      const clusters = await chair().request('GET', `/v1/clusters?week=${week}`);
      expect(clusters.status).toBe(200);
      weeks.push({ week, analysisId, clusters: clusters.body as ClusterListBody });
    }
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('names the young people a list shows, and no one else', async () => {
    const [latest] = weeks.slice(-1);
    const listed = (await chair().request('GET', `/v1/clusters?week=${latest?.week}`)).body as ClusterListBody & {
      names: Record<string, string>;
    };
    const shown = new Set(listed.clusters.flatMap((c) => c.memberRefs));
    for (const ref of shown) expect(listed.names[ref]).toEqual(expect.any(String));
    const report = await chair().request('GET', `/v1/clusters/${listed.clusters[0]?.clusterId}`);
    const { names, cluster } = report.body as { names: Record<string, string>; cluster: { memberRefs: string[] } };
    for (const ref of cluster.memberRefs) expect(names[ref]).toEqual(expect.any(String));
    expect(Object.keys(names).length).toBeLessThan(120);
  });

  it("lists each week's groups in the meeting's order, with the factors that put each there", () => {
    for (const { clusters } of weeks) {
      const agenda = clusters.clusters.map((c) => c.agenda);
      expect(agenda.map((a) => a.position)).toEqual(agenda.map((_, index) => index + 1));
      const concerns = agenda.map((a) => a.factors.find((f) => f.factor === 'recent_concerns')?.value ?? 0);
      expect(concerns).toEqual([...concerns].sort((a, b) => b - a));
      for (const a of agenda) expect(a.factors.map((f) => f.text).every((text) => text.length > 0)).toBe(true);
    }
  });

  it('completes a run for each demo week, with its parameters, purpose and an honest summary', async () => {
    for (const { week, analysisId, clusters } of weeks) {
      const run = await chair().request('GET', `/v1/analyses/${analysisId}`);
      expect(run.body).toMatchObject({
        week,
        purpose: 'safety_planning',
        status: 'completed',
        parameters: { recencyHalfLifeDays: 14, kindFactors: { friend: 1 } },
        summary: { youngPeopleIncluded: 120 },
      });
      expect(clusters.analysisId).toBe(analysisId);
      expect(clusters.clusters.length).toBeGreaterThan(5);
    }
    const [, second] = weeks;
    const secondRun = await chair().request('GET', `/v1/analyses/${second?.analysisId}`);
    expect(secondRun.body).toMatchObject({ summary: { comparedWith: { analysisId: weeks[0]?.analysisId } } });
  });

  it('shows the move in week 2, the merge in week 3 and the new group in week 4', async () => {
    const cluster = async (week: string, clusterId: string) =>
      ((await chair().request('GET', `/v1/clusters/${clusterId}?week=${week}`)).body as ClusterBody).cluster;
    const [, week2, week3, week4] = weeks;
    const joined = week2?.clusters.clusters.find((c) => c.memberRefs.includes('YP00001'));
    const detail = await cluster('2026-W46', joined?.clusterId ?? '');
    expect(detail.change).toMatchObject({ status: 'grown', joined: ['YP00001'] });

    const merged = week3?.clusters.clusters.find((c) => c.change.status === 'merged');
    expect(merged).toBeDefined();
    expect((await cluster('2026-W47', merged?.clusterId ?? '')).change.previousClusterIds).toHaveLength(2);

    const formed = week4?.clusters.clusters.find((c) => c.change.status === 'new');
    expect(formed?.memberRefs).toEqual(['YP00114', 'YP00115', 'YP00116']);
  });

  it('explains a cluster so a person can check it against the map', async () => {
    const first = weeks[0]?.clusters.clusters[0];
    const response = await chair().request('GET', `/v1/clusters/${first?.clusterId}`);
    expect(response.status).toBe(200);
    const { cluster, history } = response.body as ClusterBody;
    expect(history.map((h) => h.week)).toEqual(['2026-W48', '2026-W47', '2026-W46', '2026-W45']);
    expect(cluster.narrative).toMatch(/child who may be at risk of harm/);
    const inside = new Set(cluster.memberRefs);
    for (const member of cluster.members) {
      for (const link of member.strongestLinks) {
        expect(inside.has(link.ref)).toBe(true);
        const relationships = await chair().request('GET', `/v1/young-people/${member.ref}/relationships`);
        const pairs = (relationships.body as { items: { personA: string; personB: string }[] }).items;
        const sighted = pairs.some((r) => [r.personA, r.personB].includes(link.ref));
        // A link is a recorded relationship or being seen at the same place.
        expect(sighted || (link as { placesSeenTogether?: string[] }).placesSeenTogether?.length).toBeTruthy();
      }
    }
  });

  it('shows a cluster week by week across the four weeks, for the meeting and for funders', async () => {
    const lasting = weeks[3]?.clusters.clusters.find((c) =>
      weeks.every((w) => w.clusters.clusters.some((x) => x.clusterId === c.clusterId)),
    );
    const response = await api
      .as('early-help-lead', WEEKLY)
      .request('GET', `/v1/clusters/${lasting?.clusterId}/trends`);
    expect(response.status).toBe(200);
    const trends = (response.body as { weeks: { week: string; members: number; missingEpisodes: number }[] }).weeks;
    expect(trends.map((t) => t.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    for (const [index, trend] of trends.entries()) {
      const listed = weeks[index]?.clusters.clusters.find((c) => c.clusterId === lasting?.clusterId);
      expect(trend.members).toBe(listed?.memberRefs.length);
    }
    // Week 1 records missing episodes for YP00001-YP00003, in that week.
    const early = weeks[0]?.clusters.clusters.find((c) => c.memberRefs.includes('YP00002'));
    const first = await chair().request('GET', `/v1/clusters/${early?.clusterId}/trends`);
    const [w45] = (first.body as { weeks: { week: string; missingEpisodes: number }[] }).weeks;
    expect(w45?.week).toBe('2026-W45');
    expect(w45?.missingEpisodes).toBeGreaterThanOrEqual(2);
  });

  it('lets early help leads and police analysts read clusters, and only chairs start runs', async () => {
    const week = weeks[3]?.week ?? '';
    expect((await api.as('early-help-lead', WEEKLY).request('GET', `/v1/clusters?week=${week}`)).status).toBe(200);
    expect((await api.as('police-analyst', WEEKLY).request('GET', `/v1/clusters?week=${week}`)).status).toBe(200);
    expect((await api.as('partnership-admin', WEEKLY).request('GET', `/v1/clusters?week=${week}`)).status).toBe(403);
    const refused = await api
      .as('early-help-lead', WEEKLY)
      .request('POST', '/v1/analyses', { body: { week, purpose: 'safety_planning' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('keeps partnerships apart: another partnership cannot see a run or a cluster', async () => {
    const analysisId = weeks[0]?.analysisId ?? '';
    const clusterId = weeks[0]?.clusters.clusters[0]?.clusterId ?? '';
    expect((await chair(DEMO).request('GET', `/v1/analyses/${analysisId}`)).status).toBe(404);
    expect((await chair(DEMO).request('GET', `/v1/clusters/${clusterId}`)).status).toBe(404);
    const demoWeek = await chair(DEMO).request('GET', `/v1/clusters?week=2026-W45&analysisId=${analysisId}`);
    expect(demoWeek.status).toBe(404);
  });

  it('audits each cluster read with the young people it names', async () => {
    const first = weeks[3]?.clusters.clusters.find((c) => c.change.status === 'new');
    await api.as('early-help-lead', WEEKLY).request('GET', `/v1/clusters/${first?.clusterId}`);
    const events = await api.table.store.audit.byYoungPerson(WEEKLY, 'YP00114');
    const actions = events.items.map((e) => `${e.actor.role} ${e.action} ${e.resource}`);
    expect(actions).toContain('early-help-lead read clusters');
    expect(actions).toContain('madp-chair analyse analyses');
  });

  it.each([
    ['no purpose', { week: '2026-W48' }, 400],
    ['a purpose the guidance does not allow', { week: '2026-W48', purpose: 'enforcement' }, 400],
    ['a week that has not started', { week: '2030-W01', purpose: 'safety_planning' }, 400],
    ['a parameter out of range', { week: '2026-W48', purpose: 'safety_planning', parameters: { seed: -1 } }, 400],
    ['an unknown parameter', { week: '2026-W48', purpose: 'safety_planning', parameters: { leaders: 3 } }, 400],
    ['a week older than the map now holds', { week: '2026-W45', purpose: 'safety_planning' }, 409],
  ])('refuses %s with a problem document and starts nothing', async (_, body, status) => {
    const before = (await chair().request('GET', '/v1/analyses?limit=100')).body as { items: unknown[] };
    const response = await chair().request('POST', '/v1/analyses', { body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    const after = (await chair().request('GET', '/v1/analyses?limit=100')).body as { items: unknown[] };
    expect(after.items).toHaveLength(before.items.length);
  });

  it('never serves a cluster from a run that failed', async () => {
    const failed = await api.table.store.analyses.save({
      ...make.analysis(WEEKLY, { week: '2026-W48' }),
      status: 'failed',
      summary: undefined,
      completedAt: undefined,
      failureReason: 'stopped',
    });
    await api.table.store.analyses.saveClusters([
      { ...examples.cluster, partnershipId: WEEKLY, analysisId: failed.id, week: '2026-W48', clusterId: 'ghost-1' },
    ]);
    expect((await chair().request('GET', '/v1/clusters/ghost-1')).status).toBe(404);
    expect((await chair().request('GET', `/v1/clusters?week=2026-W48&analysisId=${failed.id}`)).status).toBe(409);
  });

  it('answers 404 for a cluster or week nobody analysed', async () => {
    expect((await chair().request('GET', '/v1/clusters/nothing-here')).status).toBe(404);
    expect((await chair().request('GET', '/v1/clusters?week=2026-W30')).status).toBe(404);
  });

  it('runs the same week again with other parameters and keeps continuing clusters', async () => {
    const run = await analyse('2026-W48', WEEKLY, {
      purpose: 'coordinating_agency_information',
      parameters: { seed: 7 },
    });
    expect(run.body).toMatchObject({ status: 'completed', parameters: { seed: 7 } });
    const latest = (await chair().request('GET', '/v1/clusters?week=2026-W48')).body as ClusterListBody;
    expect(latest.analysisId).toBe((run.body as { id: string }).id);
    const before = new Set(weeks[3]?.clusters.clusters.map((c) => c.clusterId));
    expect(latest.clusters.filter((c) => before.has(c.clusterId)).length).toBeGreaterThan(5);
  });
});
