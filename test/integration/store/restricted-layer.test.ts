import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Draft, Relationship, Sighting } from '@peermap/domain';
import { keys, models, moveRestrictedIntoOwnLayer, toItem } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

const p = 'layers';
const grading = { sourceEvaluation: 2, intelligenceAssessment: 'B', handlingCode: 'C' } as const;
const policeRelationship = (a: string, b: string): Draft<Relationship> => ({
  ...make.relationship(p, a, b),
  kind: 'associate',
  strength: 3,
  sourceAgency: 'police',
  grading,
  restricted: true,
  provenance: { recordedBy: 'analyst-1', recordedAt: '2026-11-20T10:00:00.000Z' },
});
const policeSighting = (ref: string): Draft<Sighting> => ({
  ...make.sighting(p, ref, 'LOC1'),
  sourceAgency: 'police',
  grading,
  restricted: true,
  provenance: { recordedBy: 'analyst-1', recordedAt: '2026-11-20T10:00:00.000Z' },
});
const ungraded = <T extends { grading?: unknown }>({ grading: _, ...record }: T) => record;
const noRecords = { youngPeople: [], relationships: [], locations: [], carers: [], sightings: [], concerns: [] };

describe('restricted police intelligence is its own layer', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const stored = async (predicate: (item: Record<string, unknown>) => boolean) =>
    (await table.scanAll()).filter(predicate);

  beforeAll(async () => {
    table = await createTestTable();
    for (const ref of ['YP1', 'YP2', 'YP3', 'YP4']) await table.store.youngPeople.save(make.youngPerson(p, ref));
    await table.store.locations.save(make.location(p, 'LOC1'));
  });
  afterAll(async () => {
    await table.drop();
  });

  it("keeps a partner's record of a pair beside police's restricted one, and shows each only to its readers", async () => {
    await table.store.restrictedRelationships.save(policeRelationship('YP1', 'YP2'));
    await table.store.relationships.save({ ...make.relationship(p, 'YP1', 'YP2'), restricted: false });
    expect((await table.store.relationships.ofPerson(p, 'YP1')).map((r) => r.restricted)).toEqual([false]);
    expect((await table.store.restrictedRelationships.ofPerson(p, 'YP1')).map((r) => r.sourceAgency)).toEqual([
      'police',
    ]);
    expect((await table.store.relationships.list(p)).items.every((r) => !r.restricted)).toBe(true);
    expect((await table.store.mapReader.wholeMap(p)).relationships).toHaveLength(1);
    expect((await table.store.mapReader.wholeMap(p, { restricted: true })).relationships).toHaveLength(2);
  });

  it('refuses a restricted record in the shared layer, and a shared one in the restricted layer', async () => {
    const layerProblem = (pattern: RegExp) => ({
      problems: [expect.objectContaining({ path: 'restricted', message: expect.stringMatching(pattern) })],
    });
    await expect(table.store.relationships.save(policeRelationship('YP3', 'YP4'))).rejects.toMatchObject(
      layerProblem(/own layer/),
    );
    await expect(
      table.store.restrictedRelationships.save({ ...make.relationship(p, 'YP3', 'YP4'), restricted: false }),
    ).rejects.toMatchObject(layerProblem(/restricted layer/));
  });

  it("leaves police's record byte-identical when an upload names the same pair and sighting", async () => {
    await table.store.restrictedSightings.save(policeSighting('YP3'));
    const police = (item: Record<string, unknown>) => String(item['entity']).startsWith('Restricted');
    const before = await stored(police);
    const result = await table.store.mapWriter.apply({
      ...noRecords,
      relationships: [
        {
          ...ungraded(make.relationship(p, 'YP1', 'YP2')),
          kind: 'friend',
          strength: 1,
          sourceAgency: 'education',
          restricted: false,
        },
        // A restricted row of the sheet for a pair police already hold: theirs stays as it is.
        {
          ...policeRelationship('YP1', 'YP2'),
          kind: 'friend',
          strength: 1,
          grading: { ...grading, handlingCode: 'P' },
        },
      ],
      sightings: [
        { ...make.sighting(p, 'YP3', 'LOC1'), sourceAgency: 'police', restricted: false },
        { ...policeSighting('YP3'), grading: { ...grading, intelligenceAssessment: 'E' } },
      ],
    });
    expect(result.failed).toBe(0);
    expect(await stored(police)).toEqual(before);
    // What the uploader learns is the same as if police held nothing: the rows it sent.
    expect(result.restrictedReceived).toBe(2);
    expect(result.counts.sightings).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const shared = await table.store.relationships.get(p, { personA: 'YP1', personB: 'YP2' });
    expect(shared).toMatchObject({ kind: 'friend', sourceAgency: 'education', restricted: false });
  });

  it('adds restricted rows of an upload where police hold nothing for them', async () => {
    const result = await table.store.mapWriter.apply({
      ...noRecords,
      relationships: [policeRelationship('YP3', 'YP4')],
    });
    expect(result).toMatchObject({ failed: 0, restrictedReceived: 1 });
    expect(result.counts.relationships).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(await table.store.restrictedRelationships.get(p, { personA: 'YP3', personB: 'YP4' })).toMatchObject({
      restricted: true,
      grading,
    });
  });

  it('moves restricted records and their audit events that an older table kept in the shared layer', async () => {
    const legacy = { ...policeRelationship('YP2', 'YP4'), version: 1 };
    // Written as the service wrote them before the layer existed: the shared keys, restricted flag set.
    const sharedModel = { ...models.relationshipModel, schema: models.restrictedRelationshipModel.schema };
    await table.ctx.client.send(new PutCommand({ TableName: table.ctx.tableName, Item: toItem(sharedModel, legacy) }));
    const event = await table.store.audit.record({
      id: '0b7a2c9e-8f7d-4c1a-9b1e-6d5c4b3a2f10',
      partnershipId: p,
      at: '2026-11-20T10:00:00.000Z',
      actor: { userId: 'analyst-1', role: 'police-analyst' },
      action: 'read',
      resource: 'relationships',
      // More people than one transaction moves: a police export of the whole map named everyone.
      subjects: { youngPeople: ['YP2', 'YP4', ...Array.from({ length: 150 }, (_, i) => `YP${100 + i}`)], carers: [] },
      requestId: 'r-1',
      outcome: 'allowed',
      restricted: true,
    });
    expect(event).toBeUndefined();
    for (const item of await stored((i) => i['PK'] === `P#${p}#AUDIT#0b7a2c9e-8f7d-4c1a-9b1e-6d5c4b3a2f10`)) {
      await table.ctx.client.send(
        new PutCommand({
          TableName: table.ctx.tableName,
          Item: { ...item, GSI2SK: String(item['GSI2SK']).replace(/^RAUDIT#/, 'AUDIT#') },
        }),
      );
    }
    await expect(table.store.relationships.list(p)).rejects.toThrow();

    const moved = await moveRestrictedIntoOwnLayer(table.ctx, p);
    expect(moved).toEqual({ records: 1, auditEvents: 1 });
    expect((await table.store.relationships.list(p)).items.every((r) => !r.restricted)).toBe(true);
    expect(await table.store.restrictedRelationships.get(p, { personA: 'YP2', personB: 'YP4' })).toMatchObject(legacy);
    expect((await table.store.audit.byYoungPerson(p, 'YP4')).items).toEqual([]);
    expect(await stored((i) => String(i['GSI2SK']).startsWith('AUDIT#') && i['restricted'] === true)).toEqual([]);
    expect(await moveRestrictedIntoOwnLayer(table.ctx, p)).toEqual({ records: 0, auditEvents: 0 });
    expect(keys.relationshipKey(p, legacy, 'restricted').SK).toBe('RREL#YP4');
  });

  it("keeps the newer of a moved record and one police made in the layer since, losing neither's place", async () => {
    // Another partnership, whose table has not been moved yet.
    const again = 'layers-again';
    const sharedModel = { ...models.relationshipModel, schema: models.restrictedRelationshipModel.schema };
    const put = (item: Record<string, unknown>) =>
      table.ctx.client.send(new PutCommand({ TableName: table.ctx.tableName, Item: item }));
    const older = {
      ...policeRelationship('YP1', 'YP3'),
      partnershipId: again,
      provenance: { recordedBy: 'a', recordedAt: '2026-10-01T00:00:00.000Z' },
    };
    const newer = {
      ...older,
      strength: 1 as const,
      provenance: { recordedBy: 'b', recordedAt: '2026-11-01T00:00:00.000Z' },
    };
    // An old copy, older than what police hold now in the layer: the layer's stays.
    await table.store.restrictedRelationships.save(newer);
    await put(toItem(sharedModel, { ...older, version: 1 }));
    // An old copy newer than the layer's: it moves in, at the layer's next version.
    await table.store.restrictedRelationships.save({ ...older, personB: 'YP4' });
    await put(toItem(sharedModel, { ...newer, personB: 'YP4', version: 1 }));
    expect((await moveRestrictedIntoOwnLayer(table.ctx, again)).records).toBe(2);
    expect(await table.store.restrictedRelationships.get(again, { personA: 'YP1', personB: 'YP3' })).toMatchObject({
      strength: 1,
      version: 1,
    });
    expect(await table.store.restrictedRelationships.get(again, { personA: 'YP1', personB: 'YP4' })).toMatchObject({
      strength: 1,
      version: 2,
    });
    expect((await table.store.relationships.list(again)).items.every((r) => !r.restricted)).toBe(true);
  });
});
