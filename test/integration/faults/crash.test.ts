import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { eraseYoungPerson, uploadWeek } from '@peermap/api';
import { examples, type MapStore } from '@peermap/domain';
import { demoFiles } from '@peermap/local';
import { createDynamoStore, type DocumentSender } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashingAfter } from '../../support/faults';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

type Table = Awaited<ReturnType<typeof createTestTable>>;

const NOW = new Date('2026-11-28T10:00:00.000Z');
const LATER = new Date('2026-11-28T10:30:00.000Z');
const storeOver = (table: Table, client: DocumentSender) =>
  createDynamoStore({ client, tableName: table.ctx.tableName });

/** A partnership's items as they stand, with what differs between runs (its id, markers, times) made alike. */
async function stateOf(table: Table, partnershipId: string): Promise<string[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.ctx.client.send(
      new ScanCommand({ TableName: table.ctx.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []).filter((item) => String(item['PK']).startsWith(`P#${partnershipId}#`)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items
    .map((item) =>
      JSON.stringify(sortedKeys(item))
        .replaceAll(`P#${partnershipId}#`, 'P#p#')
        .replaceAll(`"${partnershipId}"`, '"p"')
        .replace(/erased-[0-9a-f]{8}/g, 'erased-x')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'time')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'uuid'),
    )
    .sort();
}

/** The value with every object's keys in order, so equal items print alike. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, inner]) => [key, sortedKeys(inner)]),
    );
  }
  return value;
}

/** A small map that names young person YP1 everywhere an erasure must reach. */
async function seed(store: MapStore, p: string): Promise<void> {
  const name = { displayName: 'Sam Doe' };
  await store.youngPeople.save(make.youngPerson(p, 'YP1', name));
  await store.youngPeople.save(make.youngPerson(p, 'YP2', { strengths: ['looks out for Sam Doe'] }));
  await store.youngPeople.save(make.youngPerson(p, 'YP3'));
  for (const [a, b] of [
    ['YP1', 'YP2'],
    ['YP1', 'YP3'],
    ['YP2', 'YP3'],
  ] as const) {
    await store.relationships.save(make.relationship(p, a, b));
  }
  await store.locations.save(make.location(p, 'LOC1'));
  await store.sightings.save(make.sighting(p, 'YP1', 'LOC1'));
  await store.sightings.save(make.sighting(p, 'YP2', 'LOC1'));
  await store.concerns.save(make.concern(p, 'YP1'));
  await store.concerns.save(make.concern(p, 'YP2', { note: 'Went missing with Sam Doe (YP1).' }));
  await store.carers.save(make.carer(p, 'CR1', ['YP1', 'YP2']));
  await store.carers.save(make.carer(p, 'CR3', ['YP1']));
  await store.reviews.add({
    partnershipId: p,
    youngPersonRef: 'YP1',
    decision: 'keep',
    reason: 'Sam Doe is still working with the youth service',
    nextReviewOn: '2027-01-20',
    decidedBy: 'chair-1',
    decidedByRole: 'madp-chair',
    decidedAt: '2026-11-01T09:00:00.000Z',
    version: 1,
  });
  await store.analyses.save({ ...make.analysis(p), id: examples.analysis.id });
  await store.analyses.saveClusters([{ ...examples.cluster, partnershipId: p, memberRefs: ['YP1', 'YP2', 'YP3'] }]);
  const plan = await store.actionPlans.save({ ...make.actionPlan(p), id: examples.actionPlan.id });
  const { version, ...draft } = plan;
  await store.actionPlans.save({ ...draft, summary: 'Sam Doe (YP1) and YP2 enjoy football.' }, version);
  await store.invitationLists.save({ ...make.invitationList(p), id: examples.invitationList.id });
  await store.uploads.save(
    make.upload(p, { problems: [{ sheet: 'concerns', row: 3, column: 'person_ref', value: 'YP1', message: 'x' }] }),
  );
  for (const [index, subjects] of [
    { youngPeople: ['YP1', 'YP2'], carers: [] },
    { youngPeople: ['YP1'], carers: ['CR3', 'CR1'] },
  ].entries()) {
    await store.audit.record(
      make.auditEvent(p, { id: `7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b8${index}`, subjects, at: NOW.toISOString() }),
    );
  }
}

const asked = (p: string, at: Date) => ({
  partnershipId: p,
  ref: 'YP1',
  reason: 'The family asked for Sam Doe to be erased.',
  actor: { userId: 'chair-1', role: 'madp-chair' as const },
  now: at,
});

/**
 * A function stopped between any two writes of an erasure or an upload: what is left is whole
 * (the young person is either on the map untouched, or off it with the erasure recorded as
 * under way; the upload is never `completed` half-written), and asking again completes it to
 * exactly the state an uninterrupted run reaches.
 */
describe('a crash between the steps', () => {
  let table: Table;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it('of an erasure leaves it whole, and asking again completes it', async () => {
    await seed(table.store, 'whole');
    const counting = crashingAfter(table.ctx.client, Number.POSITIVE_INFINITY);
    await eraseYoungPerson(storeOver(table, counting.client), asked('whole', NOW));
    const expected = await stateOf(table, 'whole');
    const writes = counting.writes();
    expect(writes).toBeGreaterThan(6);
    process.stdout.write(
      `\nErasure: stopped before each of its ${writes} write calls, then asked again: same end state each time.\n`,
    );
    expect(expected.join('\n')).not.toMatch(/YP1\b|Sam Doe/i);

    for (let stopAt = 0; stopAt < writes; stopAt++) {
      // A table of its own for each stop, so each comparison reads a small table.
      const own = await createTestTable();
      try {
        const p = `crash-${stopAt}`;
        await seed(own.store, p);
        const crashing = crashingAfter(own.ctx.client, stopAt);
        // The writers may report the stop as a failed write; either way nothing after it ran.
        await expect(eraseYoungPerson(storeOver(own, crashing.client), asked(p, NOW))).rejects.toThrow();
        expect(crashing.stopped()).toBe(true);
        const onMap = (await own.store.youngPeople.get(p, 'YP1')) !== undefined;
        const underWay = (await own.store.erasures.pending(p, 'YP1')) !== undefined;
        expect({ stopAt, whole: onMap !== underWay }).toEqual({ stopAt, whole: true });
        await eraseYoungPerson(own.store, asked(p, NOW));
        expect({ stopAt, state: await stateOf(own, p) }).toEqual({ stopAt, state: expected });
      } finally {
        await own.drop();
      }
    }
  }, 180_000);

  it('of an upload never leaves it completed half-written, and sending it again completes it', async () => {
    const week = { week: '2026-W45', files: demoFiles('week-1'), uploadedBy: 'chair-1' };
    const counting = crashingAfter(table.ctx.client, Number.POSITIVE_INFINITY);
    const clean = await uploadWeek(storeOver(table, counting.client), {
      ...week,
      partnershipId: 'clean',
      now: () => NOW,
    });
    expect(clean.record.status).toBe('completed');
    const expected = await stateOf(table, 'clean');
    const writes = counting.writes();
    expect(writes).toBeGreaterThan(2);
    process.stdout.write(
      `\nUpload: stopped before each of its ${writes} write calls, then sent again: same end state each time.\n`,
    );

    for (let stopAt = 0; stopAt < writes; stopAt++) {
      const own = await createTestTable();
      try {
        const p = `upload-${stopAt}`;
        const crashing = crashingAfter(own.ctx.client, stopAt);
        const ended = await uploadWeek(storeOver(own, crashing.client), { ...week, partnershipId: p, now: () => NOW })
          .then(() => 'completed')
          .catch(() => 'stopped');
        expect(crashing.stopped()).toBe(true);
        // Stopped before its last write, the giving up of its lease, the upload had completed; the lease lapses.
        expect(ended).toBe(stopAt === writes - 1 ? 'completed' : 'stopped');
        const uploads = await own.store.uploads.list(p);
        if (ended === 'stopped') {
          expect(uploads.items.map((u) => u.status).filter((s) => s === 'completed')).toEqual([]);
        }
        // Sent again once the stopped function's time is up, it completes from where it was.
        const again = await uploadWeek(own.store, { ...week, partnershipId: p, now: () => LATER });
        expect(again.record.status).toBe('completed');
        // The upload's own record was written more often, and counts what the second try found done.
        expect({ stopAt, state: withoutUploadCounts(await stateOf(own, p)) }).toEqual({
          stopAt,
          state: withoutUploadCounts(expected),
        });
      } finally {
        await own.drop();
      }
    }
  }, 180_000);
});

/** A lease a stopped writer left is no part of the map: it lapses, and expires a week later. */
const withoutUploadCounts = (state: string[]) =>
  state
    .filter((item) => !item.includes('"entity":"Lease"'))
    .map((item) =>
      item.includes('"entity":"Upload"') ? item.replace(/"counts":\{.*?\}\},/, '').replace(/"version":\d+/, '') : item,
    );
