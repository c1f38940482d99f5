import { parseWith, Relationship, Sighting } from '@peermap/domain';
import type * as z from 'zod';
import { batchGet } from './batch-get';
import { type EntityModel, type Item, type StoredRecord, toItem } from './codec';
import { isTransactionConditionFailure, toDomainError } from './errors';
import { sendTransaction } from './group-writer';
import * as keys from './keys';
import { restrictedRelationshipModel, restrictedSightingModel } from './models';
import { queryAll, type StoreContext, versionCondition } from './repository';
import { TABLE_DEFINITION } from './table';

export interface RestrictedLayerMove {
  /** Restricted relationships and sightings moved from the shared keys into their own layer. */
  records: number;
  /** Audit events of restricted intelligence moved under the restricted audit prefix. */
  auditEvents: number;
}

/**
 * Moves what a table written before the restricted layer existed still holds in the shared
 * layer: restricted relationships and sightings (to their own keys), and the audit events
 * about them (to the restricted audit prefix). Each move is one transaction, conditional on
 * what was read, so running it again, or beside the service, moves nothing twice. Run it once
 * per partnership before serving an older table.
 */
export async function moveRestrictedIntoOwnLayer(
  ctx: StoreContext,
  partnershipId: string,
): Promise<RestrictedLayerMove> {
  const moved = await Promise.all([
    moveRecords(ctx, partnershipId, 'REL', Relationship, restrictedRelationshipModel),
    moveRecords(ctx, partnershipId, 'SIGHT', Sighting, restrictedSightingModel),
  ]);
  return { records: moved[0] + moved[1], auditEvents: await moveAuditEvents(ctx, partnershipId) };
}

async function moveRecords<T extends StoredRecord & { restricted: boolean }, Key>(
  ctx: StoreContext,
  partnershipId: string,
  kind: string,
  schema: z.ZodType<T>,
  model: EntityModel<T, Key>,
): Promise<number> {
  const listed = await queryAll(ctx, {
    partnershipId,
    index: 'byKind',
    partition: keys.kindPartition(partnershipId, kind),
    includeExpired: true,
  });
  let moved = 0;
  for (const item of listed.filter((candidate) => candidate['restricted'] === true)) {
    const { PK, SK } = keyOf(item);
    const record = parseWith(schema, withoutKeys(item), model.label);
    const remove = { Delete: { TableName: ctx.tableName, Key: { PK, SK }, ...versionCondition(record.version) } };
    const put = { Put: { TableName: ctx.tableName, Item: toItem(model, record), ...versionCondition(undefined) } };
    try {
      await sendTransaction(ctx.client, [put, remove]);
    } catch (error) {
      if (!isTransactionConditionFailure(error)) throw toDomainError(error);
      // Police already hold this record in the layer (or it changed meanwhile): the old copy only goes.
      await sendTransaction(ctx.client, [remove]).catch((again: unknown) => {
        if (!isTransactionConditionFailure(again)) throw toDomainError(again);
      });
    }
    moved++;
  }
  return moved;
}

async function moveAuditEvents(ctx: StoreContext, partnershipId: string): Promise<number> {
  const events = await queryAll(ctx, {
    partnershipId,
    index: 'byKind',
    partition: keys.kindPartition(partnershipId, 'AUDIT'),
  });
  const shared = keys.auditIndexPrefix({ restricted: false });
  const restricted = keys.auditIndexPrefix({ restricted: true });
  const stale = events.filter((event) => event['restricted'] === true && String(event['GSI2SK']).startsWith(shared));
  for (const listed of stale) {
    const [event] = await batchGet(ctx, [keyOf(listed)]);
    if (!event) continue;
    const entries = await queryAll(ctx, { partnershipId, partition: String(event['PK']), sortKeyPrefix: 'SUBJECT#' });
    const moved = [event, ...entries].map((item) => ({
      Put: {
        TableName: ctx.tableName,
        Item: { ...item, GSI2SK: `${restricted}${String(item['GSI2SK']).slice(shared.length)}` },
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pk': TABLE_DEFINITION.partitionKey },
      },
    }));
    await sendTransaction(ctx.client, moved);
  }
  return stale.length;
}

const keyOf = (item: Item) => ({
  PK: String(item[TABLE_DEFINITION.partitionKey]),
  SK: String(item[TABLE_DEFINITION.sortKey]),
});

/** A stored item's record fields, without its keys and bookkeeping. */
function withoutKeys(item: Item): Item {
  const {
    PK: _pk,
    SK: _sk,
    GSI1PK: _g1,
    GSI1SK: _g1s,
    GSI2PK: _g2,
    GSI2SK: _g2s,
    entity: _e,
    schemaVersion: _v,
    ...record
  } = item;
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== TABLE_DEFINITION.timeToLiveAttribute));
}
