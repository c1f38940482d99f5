import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examples } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { EntityModel, KeptRecord } from './codec';
import * as keys from './keys';
import * as models from './models';
import { KEY_ATTRIBUTES, TABLE_DEFINITION } from './table';

/** What a test needs of one model with one of its records: the key attributes it writes. */
function keyed<T extends KeptRecord, Key>(model: EntityModel<T, Key>, record: T) {
  return {
    entity: model.entity,
    attributes: { ...model.primaryKey(record.partnershipId, model.keyOf(record)), ...model.indexKeys(record) },
    list: model.list?.(record.partnershipId),
  };
}

const p = 'south-kent';
const everyModel = [
  keyed(models.youngPersonModel, examples.youngPerson),
  keyed(models.relationshipModel, examples.relationship),
  keyed(models.locationModel, examples.location),
  keyed(models.sightingModel, examples.sighting),
  keyed(models.restrictedRelationshipModel, { ...examples.relationship, restricted: true }),
  keyed(models.restrictedSightingModel, { ...examples.sighting, restricted: true }),
  keyed(models.concernModel, examples.concern),
  keyed(models.carerModel, examples.carer),
  keyed(models.carerLinkModel, { partnershipId: p, carerRef: 'CR1', youngPersonRef: 'YP1' }),
  keyed(models.partnershipModel, { ...examples.partnership, partnershipId: p }),
  keyed(models.uploadModel, examples.upload),
  keyed(models.uploadSlotModel, {
    id: examples.upload.id,
    partnershipId: p,
    week: '2026-W48',
    status: 'waiting',
    uploadedBy: 'chair-1',
    createdAt: '2026-11-28T09:00:00.000Z',
    sendBy: '2026-11-28T09:15:00.000Z',
    version: 1,
  }),
  keyed(models.analysisModel, examples.analysis),
  keyed(models.clusterSnapshotModel, examples.cluster),
  keyed(models.actionPlanModel, examples.actionPlan),
  keyed(models.actionPlanVersionModel, examples.actionPlan),
  keyed(models.invitationListModel, examples.invitationList),
  keyed(models.sessionFeedbackModel, examples.sessionFeedback),
  keyed(models.feedbackLinkModel, examples.feedbackLink),
  keyed(models.parentGroupModel, examples.parentGroup),
  keyed(models.auditEventModel, examples.auditEvent),
  keyed(models.reviewModel, {
    partnershipId: p,
    youngPersonRef: 'YP1',
    decision: 'keep',
    reason: 'the youth work is still going on',
    nextReviewOn: '2027-02-20',
    decidedBy: 'chair-1',
    decidedByRole: 'madp-chair',
    decidedAt: '2026-11-28T09:00:00.000Z',
    version: 1,
  }),
  keyed(models.erasureJobModel, {
    partnershipId: p,
    ref: 'YP1',
    names: ['Sam Doe'],
    marker: 'erased-0a1b2c3d',
    removedCarers: [],
    reason: 'asked by the family',
    requestedBy: 'chair-1',
    requestedByRole: 'madp-chair',
    requestedAt: '2026-11-28T09:00:00.000Z',
    version: 1,
  }),
  keyed(models.erasureRecordModel, {
    partnershipId: p,
    marker: 'erased-0a1b2c3d',
    reason: 'asked by the family',
    requestedBy: 'chair-1',
    requestedByRole: 'madp-chair',
    requestedAt: '2026-11-28T09:00:00.000Z',
    completedAt: '2026-11-28T09:00:01.000Z',
    removed: { relationships: 2 },
    version: 1,
  }),
];

describe('keys', () => {
  it('covers every entity model', () => {
    const modelled = Object.values(models).flatMap((value) => ('entity' in value ? [value.entity] : []));
    expect(everyModel.map((model) => model.entity).sort()).toEqual(modelled.sort());
  });

  it.each(everyModel)('starts every partition key of $entity with its partnership and a delimiter', (model) => {
    const { PK, GSI1PK, GSI2PK } = model.attributes;
    const partitions = [PK, GSI1PK, GSI2PK].filter((value) => value !== undefined);
    for (const partition of partitions) expect(partition.startsWith(`P#${p}#`)).toBe(true);
    expect(partitions).toContain(PK);
  });

  it.each(everyModel.filter((model) => model.list))('puts a $entity in the partition that lists its kind', (model) => {
    const listed = model.list?.index === 'byKind' ? model.attributes.GSI1PK : model.attributes.GSI2PK;
    expect(listed).toBe(model.list?.partition);
  });

  it('finds a pair by the same key whichever order it is named in', () => {
    expect(keys.relationshipKey('p', { personA: 'YP2', personB: 'YP1' })).toEqual(
      keys.relationshipKey('p', { personA: 'YP1', personB: 'YP2' }),
    );
  });

  it('cannot confuse partnership 1 with partnership 12', () => {
    const one = keys.youngPersonKey('1', 'YP1');
    const twelve = keys.youngPersonKey('12', 'YP1');
    expect(one.PK).toBe('P#1#YP#YP1');
    expect(twelve.PK.startsWith(keys.partnershipPrefix('1'))).toBe(false);
  });

  it('stores a pair under its first person and indexes it under the second', () => {
    const pair = { personA: 'YP1', personB: 'YP2' };
    expect(keys.relationshipKey('p', pair)).toEqual({ PK: 'P#p#YP#YP1', SK: 'REL#YP2' });
    expect(keys.relationshipIndexKeys('p', pair)).toMatchObject({ GSI2PK: 'P#p#YP#YP2', GSI2SK: 'REL#YP1' });
  });

  it('keys a sighting by its natural key, so the same sighting is the same item', () => {
    const sighting = { personRef: 'YP1', locationRef: 'LOC1', seenOn: '2026-11-12', sourceAgency: 'police' } as const;
    expect(keys.sightingKey('p', sighting)).toEqual(keys.sightingKey('p', { ...sighting }));
    expect(keys.sightingKey('p', sighting).SK).toBe('SIGHT#2026-11-12#LOC1#police');
  });

  it('keeps restricted intelligence apart: no prefix a shared-layer Query uses reaches it', () => {
    const pair = { personA: 'YP1', personB: 'YP2' };
    const sighting = { personRef: 'YP1', locationRef: 'LOC1', seenOn: '2026-11-12', sourceAgency: 'police' } as const;
    const shared = [
      keys.relationshipKey('p', pair),
      keys.relationshipIndexKeys('p', pair),
      keys.sightingKey('p', sighting),
      keys.sightingIndexKeys('p', sighting),
    ];
    const restricted = [
      keys.relationshipKey('p', pair, 'restricted'),
      keys.relationshipIndexKeys('p', pair, 'restricted'),
      keys.sightingKey('p', sighting, 'restricted'),
      keys.sightingIndexKeys('p', sighting, 'restricted'),
    ];
    const sortKeys = (all: object[]) => all.flatMap((k) => Object.entries(k)).filter(([name]) => name.endsWith('SK'));
    for (const [, value] of sortKeys(restricted)) {
      for (const prefix of [keys.relationshipPrefix('shared'), keys.sightingPrefix('shared')]) {
        expect(String(value).startsWith(prefix)).toBe(false);
      }
    }
    expect(keys.relationshipIndexKeys('p', pair, 'restricted').GSI1PK).toBe('P#p#RREL');
    expect(keys.sightingIndexKeys('p', sighting, 'restricted').GSI1PK).toBe('P#p#RSIGHT');
    expect(shared.map((k) => JSON.stringify(k))).not.toContain(JSON.stringify(restricted[0]));
    expect(keys.auditIndexPrefix({ restricted: true })).toBe('RAUDIT#');
    expect(keys.auditIndexPrefix({})).toBe('AUDIT#');
  });

  it('escapes a user id so it cannot carry the delimiter', () => {
    expect(keys.userPartition('p', 'a#b')).toBe('P#p#USER#a%23b');
  });

  it('sorts plan versions as numbers', () => {
    const nine = keys.actionPlanVersionKey('p', 'x', 9).SK;
    const ten = keys.actionPlanVersionKey('p', 'x', 10).SK;
    expect([ten, nine].sort()).toEqual([nine, ten]);
  });

  it('only ever uses declared key attributes', () => {
    const declared: readonly string[] = KEY_ATTRIBUTES;
    for (const model of everyModel) {
      expect(Object.keys(model.attributes).filter((name) => !declared.includes(name))).toEqual([]);
    }
  });
});

describe('record fields', () => {
  it('never take the name of a key, type or retention attribute, which the codec strips', () => {
    const reserved = new Set<string>([
      ...KEY_ATTRIBUTES,
      'entity',
      'schemaVersion',
      TABLE_DEFINITION.timeToLiveAttribute,
    ]);
    const schemas = Object.values(models).flatMap((value) => ('schema' in value ? [value.schema] : []));
    expect(schemas.length).toBeGreaterThan(10);
    for (const stored of schemas) {
      // A model that reads older items through a step first (`z.preprocess`) keeps its fields after it.
      const schema = stored instanceof z.ZodPipe ? stored.out : stored;
      const fields =
        'shape' in schema && typeof schema.shape === 'object' && schema.shape ? Object.keys(schema.shape) : [];
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.filter((field) => reserved.has(field))).toEqual([]);
    }
  });
});

describe('the store', () => {
  it('never scans: no source file names a Scan command', () => {
    const sources = readdirSync(import.meta.dirname).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) {
      expect(readFileSync(join(import.meta.dirname, name), 'utf8')).not.toMatch(/Scan(Command|Input)|ParallelScan/);
    }
  });
});
