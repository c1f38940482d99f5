import { isDeepStrictEqual } from 'node:util';
import { type Draft, parseWith } from '@peermap/domain';
import { batchGet } from './batch-get';
import type { WriteRequest } from './batch-writer';
import { type EntityModel, fromItem, type StoredRecord, toItem } from './codec';
import type { StoreContext } from './repository';

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface UpsertPlan {
  counts: UpsertCounts;
  /** The puts (and, for carers, link deletes) that make the table match the drafts. */
  requests: WriteRequest[];
}

/**
 * Plans the writes that bring a batch of records up to date: a new record is created at
 * version 1, a changed one moves to its next version with the new provenance, an unchanged
 * one is left alone (so uploading the same map twice writes nothing). Existing records are
 * read in batches of 100; nothing is written here, so the caller can write every sheet's
 * plan together with the batch writer.
 */
export async function planUpserts<T extends StoredRecord, Key>(
  ctx: StoreContext,
  model: EntityModel<T, Key>,
  drafts: readonly Draft<T>[],
): Promise<UpsertPlan> {
  const incoming = drafts.map((draft) => parseWith(model.schema, { ...draft, version: 1 }, model.label));
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
  const requests: WriteRequest[] = [];
  for (const record of incoming) {
    const previous = existing.get(identity(model, record));
    if (previous && sameContent(previous, record)) {
      counts.unchanged++;
      continue;
    }
    const next = { ...record, version: (previous?.version ?? 0) + 1 };
    counts[previous ? 'updated' : 'created']++;
    requests.push({ PutRequest: { Item: toItem(model, next) } });
    const companions = model.companions?.(next, previous);
    if (companions) {
      requests.push(...companions.puts.map((Item) => ({ PutRequest: { Item } })));
      requests.push(...companions.deletes.map((key) => ({ DeleteRequest: { Key: { ...key } } })));
    }
  }
  return { counts, requests };
}

const identity = <T extends StoredRecord, Key>(model: EntityModel<T, Key>, record: T) => {
  const { PK, SK } = model.primaryKey(record.partnershipId, model.keyOf(record));
  return `${PK}\u0000${SK}`;
};

/** Whether two versions of a record say the same thing, whoever wrote them and when. */
function sameContent(a: StoredRecord, b: StoredRecord): boolean {
  const content = (record: StoredRecord) => {
    const { version: _, provenance: __, ...rest } = record as StoredRecord & { provenance?: unknown };
    return JSON.parse(JSON.stringify(rest)) as unknown;
  };
  return isDeepStrictEqual(content(a), content(b));
}
