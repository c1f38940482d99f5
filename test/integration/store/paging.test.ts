import { models, toItem, type WriteRequest, writeBatch } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

describe('paging', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const p = 'big';
  const count = 1_500;

  beforeAll(async () => {
    table = await createTestTable();
    // ~2.1 KB a location (notes at their longest): 500 of them pass DynamoDB's 1 MB page.
    const requests: WriteRequest[] = Array.from({ length: count }, (_, index) => ({
      PutRequest: {
        Item: toItem(models.locationModel, {
          ...make.location(p, `LOC${String(index).padStart(5, '0')}`, { notes: 'n'.repeat(2_000) }),
          version: 1,
        }),
      },
    }));
    const result = await writeBatch(table.ctx.client, table.ctx.tableName, requests);
    expect(result.failed).toEqual([]);
  });
  afterAll(async () => {
    await table.drop();
  });

  it('pages through more than 1 MB of records, each exactly once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await table.store.locations.list(p, { limit: 500, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((location) => location.ref));
      cursor = page.cursor;
      if (cursor) sizes.push(page.items.length);
    } while (cursor);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    expect(seen).toEqual([...seen].sort());
    // DynamoDB, not the page size, ended at least one page: the 1 MB limit was crossed.
    expect(sizes.some((size) => size < 500)).toBe(true);
  });

  it('caps the page size whatever the caller asks for', async () => {
    const page = await table.store.locations.list(p, { limit: 100_000 });
    expect(page.items.length).toBeLessThanOrEqual(500);
    expect(page.cursor).toBeDefined();
  });
});
