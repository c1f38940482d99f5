import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { examples, type MapStore } from '@peermap/domain';
import type { DocumentSender } from '@peermap/store';
import * as make from './records';

/**
 * What a partnership's items look like, for comparing the end state of work that was
 * interrupted with the end state of the same work run without interruption.
 */

/** A partnership's items as they stand, with what differs between runs (its id, markers, times) made alike. */
export async function stateOf(
  table: { ctx: { client: DocumentSender; tableName: string } },
  partnershipId: string,
): Promise<string[]> {
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
export async function seedOneYoungPersonEverywhere(store: MapStore, p: string, now: Date): Promise<void> {
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
      make.auditEvent(p, { id: `7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b8${index}`, subjects, at: now.toISOString() }),
    );
  }
}

/** A lease a stopped writer left is no part of the map: it lapses, and expires a week later. The
 * upload's own record counts what the second try found done. */
export const withoutUploadCounts = (state: string[]) =>
  state
    .filter((item) => !item.includes('"entity":"Lease"'))
    .map((item) =>
      item.includes('"entity":"Upload"') ? item.replace(/"counts":\{.*?\}\},/, '').replace(/"version":\d+/, '') : item,
    );
