import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { examples } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import * as make from '../../support/records';

type Api = Awaited<ReturnType<typeof startTestApi>>;

/** Every item in the table, as DynamoDB holds it (a Scan the service itself never makes). */
async function everyItem(api: Api): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await api.table.ctx.client.send(
      new ScanCommand({ TableName: api.table.ctx.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The items whose any attribute, key or value, holds the ref (as a whole ref) or the name (any
 * case). Another child who happens to share the name keeps it as their own name.
 */
function itemsNaming(items: readonly Record<string, unknown>[], ref: string, name: string) {
  const pattern = new RegExp(`(?<![A-Za-z0-9])${escapePattern(ref)}(?![0-9])|${escapePattern(name)}`, 'i');
  const ownName = (item: Record<string, unknown>) => {
    if (item['entity'] !== 'YoungPerson' || String(item['displayName']).toLowerCase() !== name.toLowerCase()) {
      return item;
    }
    const { displayName: _, ...rest } = item;
    return rest;
  };
  return items
    .filter((item) => pattern.test(JSON.stringify(ownName(item))))
    .map((item) => `${item['PK']} ${item['SK']}`);
}

interface Cluster {
  clusterId: string;
  memberRefs: string[];
}

describe('erasing a young person', () => {
  let api: Api;
  let cluster: Cluster;
  let target: { ref: string; displayName: string; version: number; strengths: string[] };
  let carersBefore: { ref: string; youngPersonRefs: string[] }[];
  const chair = () => api.as('madp-chair');
  const admin = () => api.as('partnership-admin');

  beforeAll(async () => {
    api = await startTestApi();
    const listed = await chair().request('GET', '/v1/clusters?week=2026-W48');
    const clusters = (listed.body as { clusters: Cluster[] }).clusters;
    // A member of a group, with carers, so the erasure reaches groups, plans, lists and carers.
    for (const candidate of clusters) {
      for (const ref of candidate.memberRefs) {
        const carers = await api.table.store.carers.ofYoungPerson(DEMO, ref);
        if (carers.length > 0 && !cluster) {
          cluster = candidate;
          carersBefore = carers;
          const person = await chair().request('GET', `/v1/young-people/${ref}`);
          target = person.body as typeof target;
        }
      }
    }
    expect(cluster).toBeDefined();
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('refuses a plain delete, a missing reason and the roles that may not erase', async () => {
    const path = `/v1/young-people/${target.ref}`;
    const plain = await chair().request('DELETE', path, { body: { reason: 'no longer a concern at all' } });
    expect(plain.status).toBe(400);
    expect(plain.headers.get('content-type')).toContain('application/problem+json');
    expect(plain.text).toContain('erase=true');
    const noReason = await chair().request('DELETE', `${path}?erase=true`, { body: {} });
    expect(noReason.status).toBe(400);
    for (const role of ['early-help-lead', 'police-analyst'] as const) {
      const refused = await api.as(role).request('DELETE', `${path}?erase=true`, {
        body: { reason: 'no longer a concern at all' },
      });
      expect(refused.status).toBe(403);
    }
    expect((await chair().request('GET', path)).status).toBe(200);
  });

  it('leaves no item in the table holding the ref or the name, and says what stands in their place', async () => {
    const { ref, displayName } = target;
    // Their name and ref written into a plan, another child's concern and the review reason.
    const drafted = await chair().request('POST', `/v1/clusters/${cluster.clusterId}/action-plans`, { body: {} });
    expect(drafted.status).toBe(201);
    const plan = (drafted.body as { plan: { id: string; version: number } }).plan;
    // A strength of their own, in their words, quoted in the plan's summary as a drafted one is.
    const own = 'captain of the under-14 side at Ashford Town';
    const strengthened = await chair().request('PATCH', `/v1/young-people/${ref}`, {
      headers: { 'if-match': `"${target.version}"` },
      // "football" too: the same word in another child's concern is theirs and stays.
      body: { strengths: [...target.strengths, own, 'football'] },
    });
    expect(strengthened.status).toBe(200);
    const edited = await chair().request('PATCH', `/v1/action-plans/${plan.id}`, {
      headers: { 'if-match': `"${plan.version}"` },
      body: {
        summary: `What is going well: ${own}; plays chess. Youth club offer for the group; ${displayName} (${ref}) likes football.`,
      },
    });
    expect(edited.status).toBe(200);
    const list = await chair().request('POST', `/v1/clusters/${cluster.clusterId}/invitation-lists`, {
      body: {
        session: {
          date: '2099-12-10',
          time: '18:30',
          venue: 'Community Centre',
          facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
        },
      },
    });
    expect(list.status).toBe(201);
    const other = cluster.memberRefs.find((member) => member !== ref) ?? '';
    const concern = await chair().request('POST', '/v1/concerns', {
      body: {
        personRef: other,
        category: 'missing_episode',
        occurredOn: '2026-11-25',
        severity: 'medium',
        sourceAgency: 'social_care',
        status: 'open',
        note: `Found at a friend's house with ${displayName.toUpperCase()}. Goes to football training on Tuesdays.`,
      },
    });
    expect(concern.status).toBe(201);
    expect(itemsNaming(await everyItem(api), ref, displayName).length).toBeGreaterThan(20);

    const erased = await admin().request('DELETE', `/v1/young-people/${ref}?erase=true`, {
      body: { reason: `${displayName}'s family moved away and asked for the record to be erased.` },
    });
    expect(erased.status).toBe(200);
    const record = erased.body as { marker: string; reason: string; removed: Record<string, number> };
    expect(record.marker).toMatch(/^erased-[0-9a-f]{8}$/);
    expect(record.reason).toBe("[name removed]'s family moved away and asked for the record to be erased.");
    expect(record.removed['relationships']).toBeGreaterThan(0);

    const items = await everyItem(api);
    expect(itemsNaming(items, ref, displayName)).toEqual([]);

    // The plan moved to a new version: a change made with the version read before is refused.
    const stale = await chair().request('PATCH', `/v1/action-plans/${plan.id}`, {
      headers: { 'if-match': `"${plan.version + 1}"` },
      body: { summary: `Youth club offer for the group; ${displayName} likes football.` },
    });
    expect(stale.status).toBe(412);
    const versions = await api.table.store.actionPlans.versions(DEMO, plan.id);
    expect(versions).toHaveLength(3);
    // Their own strengths went from every version of the plan's summary, the list still reading.
    for (const version of versions) expect(version.summary).not.toContain('Ashford Town');
    expect(versions[1]?.summary).toMatch(/^What is going well: plays chess\. Youth club offer/);
    for (const version of versions) expect(version.summary).not.toMatch(/\bfootball\b/i);
    // Only the plan for them loses their strengths: another child's concern keeps its own words.
    const othersConcerns = await api.table.store.concerns.ofPerson(DEMO, other);
    expect(othersConcerns.map((c) => c.note)).toContain(
      "Found at a friend's house with [name removed]. Goes to football training on Tuesdays.",
    );

    // What the partnership keeps still adds up: the group has as many members, one of them the marker.
    const run = await api.table.store.analyses.latestCompleted(DEMO, '2026-W48');
    const kept = (await api.table.store.analyses.clusters(DEMO, run?.id ?? '')).find(
      (c) => c.clusterId === cluster.clusterId,
    );
    expect(kept?.memberRefs).toHaveLength(cluster.memberRefs.length);
    expect(kept?.memberRefs).toContain(record.marker);
    expect(kept?.strengths.map((s) => s.ref)).not.toContain(record.marker);

    // Carers who cared for no one else went; the others stay, caring for the rest.
    for (const carer of carersBefore) {
      const now = await api.table.store.carers.get(DEMO, carer.ref);
      if (carer.youngPersonRefs.length === 1) expect(now).toBeUndefined();
      else expect(now?.youngPersonRefs).toEqual(carer.youngPersonRefs.filter((r) => r !== ref));
    }

    // The erasure is on record, without anyone named.
    const audited = items.filter(
      (item) => item['entity'] === 'AuditEvent' && item['action'] === 'erase' && item['outcome'] === 'allowed',
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.['subjects']).toEqual({ youngPeople: [], carers: [] });
    expect(String(audited[0]?.['detail'])).toContain(record.marker);
    const erasures = await admin().request('GET', '/v1/erasures');
    expect((erasures.body as { items: { marker: string }[] }).items.map((e) => e.marker)).toEqual([record.marker]);
    expect(items.filter((item) => item['entity'] === 'ErasureJob')).toEqual([]);
  }, 120_000);

  it('is gone for every route afterwards, and a second erasure finds no one', async () => {
    expect((await chair().request('GET', `/v1/young-people/${target.ref}`)).status).toBe(404);
    const again = await chair().request('DELETE', `/v1/young-people/${target.ref}?erase=true`, {
      body: { reason: 'asked a second time by mistake' },
    });
    expect(again.status).toBe(404);
    const week = await chair().request('GET', `/v1/clusters/${cluster.clusterId}?week=2026-W48`);
    expect(week.status).toBe(200);
    expect(week.text).not.toContain(target.ref);
    expect(week.text).toContain('a young person no longer on the map');
  });

  it('is written nowhere again, whatever is read after: the audit of them, reports, exports', async () => {
    const { ref, displayName } = target;
    const chairId = 'demo-madp-chair@demo';
    const adminId = 'demo-partnership-admin@demo';
    const reads: [ReturnType<typeof chair>, string][] = [
      [chair(), `/v1/audit?person=${ref}`],
      [admin(), `/v1/audit?person=${ref}`],
      [chair(), `/v1/audit?user=${adminId}`],
      [admin(), `/v1/audit?user=${chairId}`],
      [chair(), `/v1/young-people/${ref}/subject-access`],
      [chair(), `/v1/young-people/${ref}/relationships`],
      [chair(), '/v1/reviews?state=all'],
      [admin(), '/v1/erasures'],
      [chair(), '/v1/reports/disproportionality?weeks=4'],
      [chair(), '/v1/exports/map?format=i2'],
      [chair(), '/v1/exports/map?format=gexf'],
      [api.as('police-analyst'), '/v1/exports/map?format=i2'],
      [chair(), `/v1/clusters/${cluster.clusterId}/report`],
      [chair(), `/v1/clusters/${cluster.clusterId}?week=2026-W48`],
    ];
    for (const [caller, path] of reads) {
      const response = await caller.request('GET', path);
      expect(response.status, path).toBeLessThan(500);
      // A refusal may say back the ref that was asked for; an answer never holds it.
      if (response.status === 200) expect(response.text, path).not.toContain(ref);
    }
    // Each of those reads was audited, and the audit of the audit was read again after it.
    for (const [caller, path] of reads.slice(0, 4)) await caller.request('GET', path);
    expect(itemsNaming(await everyItem(api), ref, displayName)).toEqual([]);
  });

  it('waits for an analysis that read the map before: off the map at once, completed once the run has written', async () => {
    const other = cluster.memberRefs.find((ref) => ref !== target.ref) ?? '';
    const name = ((await chair().request('GET', `/v1/young-people/${other}`)).body as { displayName: string })
      .displayName;
    const store = api.table.store;
    // A run that read the map with them in it, still going.
    const { summary: _, completedAt: __, ...queued } = make.analysis(DEMO, { week: '2026-W48' });
    const running = await store.analyses.save({
      ...queued,
      status: 'running',
      createdAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
    });
    const runner = await store.leases.take(
      DEMO,
      `analysis:${running.id}`,
      { kind: 'analysis', workId: running.id, week: running.week },
      new Date(),
      60_000,
    );
    if (runner.kind !== 'taken') throw new Error('the run holds its lease');
    // Asked again with the same Idempotency-Key: a 409 to wait out is never kept as the answer.
    const asked = () =>
      admin().request('DELETE', `/v1/young-people/${other}?erase=true`, {
        body: { reason: 'the family asked for the record to be erased' },
        headers: { 'idempotency-key': 'erase-once' },
      });
    const waiting = await asked();
    expect(waiting.status).toBe(409);
    expect(waiting.text).toContain('off the map');
    expect((await chair().request('GET', `/v1/young-people/${other}`)).status).toBe(404);
    expect(await store.erasures.pending(DEMO, other)).toBeDefined();

    // The run finishes, writing groups that name them.
    const example = (await store.analyses.clusters(DEMO, (await store.analyses.latestCompleted(DEMO))?.id ?? ''))[0];
    if (!example) throw new Error('the demo has groups');
    await store.analyses.saveClusters([{ ...example, analysisId: running.id, memberRefs: [other, 'YP00002'] }]);
    const { version, ...draft } = running;
    await store.analyses.save(
      { ...draft, status: 'completed', completedAt: new Date().toISOString(), summary: examples.analysis.summary },
      version,
    );
    await store.leases.release(runner.lease);

    expect((await asked()).status).toBe(200);
    expect(itemsNaming(await everyItem(api), other, name)).toEqual([]);
    expect(await store.erasures.pending(DEMO, other)).toBeUndefined();
  }, 120_000);
});
