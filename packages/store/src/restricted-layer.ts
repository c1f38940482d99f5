import { parseWith, Relationship, Sighting } from '@peermap/domain';
import type * as z from 'zod';
import { batchGet } from './batch-get';
import { type EntityModel, type Item, type StoredRecord, toItem } from './codec';
import { isTransactionConditionFailure, toDomainError } from './errors';
import { sendTransaction, TRANSACTION_SIZE } from './group-writer';
import * as keys from './keys';
import { restrictedRelationshipModel, restrictedSightingModel } from './models';
import { query, type StoreContext, versionCondition } from './repository';
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
  const marker = keys.restrictedLayerMovedKey(partnershipId);
  // Once moved, a partnership's table is never written in the old way again: the nightly run
  // then costs one read, not a read of every record and audit event.
  if ((await batchGet(ctx, [marker])).length > 0) return { records: 0, auditEvents: 0 };
  const [relationships, sightings, auditEvents] = await Promise.all([
    moveRecords(ctx, partnershipId, keys.relationshipKind('shared'), Relationship, restrictedRelationshipModel),
    moveRecords(ctx, partnershipId, keys.sightingKind('shared'), Sighting, restrictedSightingModel),
    moveAuditEvents(ctx, partnershipId),
  ]);
  // Only a run that moved everything it found (nothing changed under it) says the move is done.
  if (relationships.skipped + sightings.skipped + auditEvents.skipped === 0) {
    await sendTransaction(ctx.client, [
      {
        Put: {
          TableName: ctx.tableName,
          Item: { ...marker, entity: 'RestrictedLayerMoved', schemaVersion: 1, movedAt: new Date().toISOString() },
        },
      },
    ]);
  }
  return { records: relationships.moved + sightings.moved, auditEvents: auditEvents.moved };
}

async function moveRecords<T extends StoredRecord & { restricted: boolean; provenance: { recordedAt: string } }, Key>(
  ctx: StoreContext,
  partnershipId: string,
  kind: keys.Kind,
  schema: z.ZodType<T>,
  model: EntityModel<T, Key>,
): Promise<Moved> {
  const listed = await query(ctx, { ...keys.ofKind(partnershipId, kind), includeExpired: true }, 'all');
  let moved = 0;
  let skipped = 0;
  for (const item of listed.filter((candidate) => candidate['restricted'] === true)) {
    const legacy = parseWith(schema, withoutKeys(item), model.label);
    const remove = {
      Delete: { TableName: ctx.tableName, Key: keys.primaryKeyOf(item), ...versionCondition(legacy.version) },
    };
    const layerKey = model.primaryKey(partnershipId, model.keyOf(legacy));
    const [held] = await batchGet(ctx, [layerKey]);
    // Police may already hold the record in its layer (made after the layer existed): the
    // newer of the two is kept there, so no police record is lost to the move.
    const keepHeld =
      held && String((held['provenance'] as { recordedAt?: string }).recordedAt) >= legacy.provenance.recordedAt;
    const put = {
      Put: {
        TableName: ctx.tableName,
        Item: toItem(model, held ? { ...legacy, version: Number(held['version']) + 1 } : legacy),
        ...versionCondition(held ? Number(held['version']) : undefined),
      },
    };
    try {
      await sendTransaction(ctx.client, keepHeld ? [remove] : [put, remove]);
      moved++;
    } catch (error) {
      // Changed meanwhile: the next run reads it again.
      if (!isTransactionConditionFailure(error)) throw toDomainError(error);
      skipped++;
    }
  }
  return { moved, skipped };
}

async function moveAuditEvents(ctx: StoreContext, partnershipId: string): Promise<Moved> {
  const events = await query(ctx, keys.ofKind(partnershipId, 'AUDIT'), 'all');
  const shared = keys.auditIndexPrefix({ restricted: false });
  const restricted = keys.auditIndexPrefix({ restricted: true });
  const byLinkSortKey = TABLE_DEFINITION.indexes.byLink.sortKey;
  const stale = events.filter(
    (event) => event['restricted'] === true && String(event[byLinkSortKey]).startsWith(shared),
  );
  let moved = 0;
  let skipped = 0;
  for (const listed of stale) {
    const [event] = await batchGet(ctx, [keys.primaryKeyOf(listed)]);
    if (!event) continue;
    const entries = await query(ctx, keys.subjectsOfAuditEvent(partnershipId, String(event['id'])), 'all');
    // Each entry is moved only as it was read (an erasure may have rewritten or removed it since),
    // in transactions of at most 100, the event itself last.
    const moves = [...entries, event].map((item) => ({
      Put: {
        TableName: ctx.tableName,
        Item: { ...item, [byLinkSortKey]: `${restricted}${String(item[byLinkSortKey]).slice(shared.length)}` },
        ConditionExpression: '#index = :read',
        ExpressionAttributeNames: { '#index': byLinkSortKey },
        ExpressionAttributeValues: { ':read': item[byLinkSortKey] },
      },
    }));
    try {
      for (let start = 0; start < moves.length; start += TRANSACTION_SIZE) {
        await sendTransaction(ctx.client, moves.slice(start, start + TRANSACTION_SIZE));
      }
      moved++;
    } catch (error) {
      if (!isTransactionConditionFailure(error)) throw toDomainError(error);
      skipped++;
    }
  }
  return { moved, skipped };
}

interface Moved {
  moved: number;
  /** Found but changed meanwhile: left for the next run. */
  skipped: number;
}

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
