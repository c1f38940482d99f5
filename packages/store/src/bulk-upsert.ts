import { isDeepStrictEqual } from 'node:util';
import type { Draft, UpsertCounts } from '@peermap/domain';
import { batchGet } from './batch-get';
import { type EntityModel, fromItem, type StoredRecord, toItem } from './codec';
import type { WriteGroup } from './group-writer';
import { atNextVersion, type StoreContext, versionCondition } from './repository';

export interface UpsertPlan {
  counts: UpsertCounts;
  /** One group per new or changed record: its conditional put and its companions (a carer's links). */
  groups: WriteGroup[];
}

/**
 * Plans the writes that bring a batch of drafts (validated where they came in: an upload's
 * rows) up to date: a new record is created at
 * version 1, a changed one moves to its next version with the new provenance, an unchanged
 * one is left alone (so uploading the same map twice writes nothing). `merge` decides what
 * of the held record survives (what the sheet cannot say, or a newer consent decision).
 * Every write is conditional on the version that was read, so a change made meanwhile is
 * never overwritten: its group fails and the upload can be tried again.
 */
export async function planUpserts<T extends StoredRecord, Key>(
  ctx: StoreContext,
  model: EntityModel<T, Key>,
  incoming: readonly Draft<T>[],
  merge: (previous: T | undefined, incoming: Draft<T>) => Draft<T> = (_, draft) => draft,
): Promise<UpsertPlan> {
  const existingItems = await batchGet(
    ctx,
    incoming.map((record) => model.primaryKey(record.partnershipId, model.keyOf(record))),
  );
  const existing = new Map(
    existingItems.map((item) => {
      const record = fromItem(model, item);
      return [identity(model, record), record] as const;
    }),
  );
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  const groups: WriteGroup[] = [];
  for (const record of incoming) {
    const previous = existing.get(identity(model, record));
    const merged = merge(previous, record);
    if (previous && sameContent(previous, merged)) {
      counts.unchanged++;
      continue;
    }
    // What is written is validated again: a merge must never produce a record the schema refuses.
    const next = atNextVersion(model, merged, previous?.version);
    counts[previous ? 'updated' : 'created']++;
    const companions = model.companions?.(next, previous) ?? { puts: [], deletes: [] };
    groups.push({
      label: `${model.label} ${model.describe(model.keyOf(next))}`,
      actions: [
        { Put: { TableName: ctx.tableName, Item: toItem(model, next), ...versionCondition(previous?.version) } },
        ...companions.puts.map((Item) => ({ Put: { TableName: ctx.tableName, Item } })),
        ...companions.deletes.map((Key) => ({ Delete: { TableName: ctx.tableName, Key: { ...Key } } })),
      ],
    });
  }
  return { counts, groups };
}

const identity = <T extends StoredRecord, Key>(model: EntityModel<T, Key>, record: Draft<T>) => {
  const { PK, SK } = model.primaryKey(record.partnershipId, model.keyOf(record));
  return `${PK}\u0000${SK}`;
};

/** Whether two versions of a record say the same thing, whoever wrote them and when. */
function sameContent<T extends StoredRecord>(a: T, b: Draft<T>): boolean {
  const content = (record: Draft<T>): unknown =>
    JSON.parse(JSON.stringify({ ...record, version: 0, provenance: null }));
  return isDeepStrictEqual(content(a), content(b));
}
