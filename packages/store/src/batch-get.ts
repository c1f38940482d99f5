import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '@peermap/domain';
import { BATCH_WRITER_DEFAULTS, backoffDelay } from './batch-writer';
import type { Item } from './codec';
import type { PrimaryKey } from './keys';
import { call, type StoreContext } from './repository';
import { TABLE_DEFINITION } from './table';

const GET_BATCH_SIZE = 100;

/**
 * Reads items by key with BatchGetItem (consistent reads), retrying `UnprocessedKeys` with
 * backoff. Returns the items found in the order of `keys`; missing items are left out.
 */
export async function batchGet(ctx: StoreContext, keys: readonly PrimaryKey[]): Promise<Item[]> {
  const found = new Map<string, Item>();
  const id = (key: { PK?: unknown; SK?: unknown }) => `${String(key.PK)}\u0000${String(key.SK)}`;
  for (let start = 0; start < keys.length; start += GET_BATCH_SIZE) {
    let pending: Record<string, unknown>[] = keys.slice(start, start + GET_BATCH_SIZE).map((key) => ({ ...key }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= BATCH_WRITER_DEFAULTS.maxAttempts) {
        throw new UnavailableError('The store is busy; try again shortly.');
      }
      if (attempt > 0) await BATCH_WRITER_DEFAULTS.sleep(backoffDelay(attempt, BATCH_WRITER_DEFAULTS));
      const response = await call(() =>
        ctx.client.send(
          new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: pending, ConsistentRead: true } } }),
        ),
      );
      for (const item of response.Responses?.[ctx.tableName] ?? []) {
        found.set(id({ PK: item[TABLE_DEFINITION.partitionKey], SK: item[TABLE_DEFINITION.sortKey] }), item);
      }
      pending = response.UnprocessedKeys?.[ctx.tableName]?.Keys ?? [];
    }
  }
  return keys.flatMap((key) => {
    const item = found.get(id(key));
    return item ? [item] : [];
  });
}
