import { models, toItem, type WriteRequest, writeBatch, writeGroups } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdingBackBatchWrites } from '../../support/faults';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

const noWait = { sleep: async () => {}, random: () => 0.5 };

const people = (p: string, count: number): WriteRequest[] =>
  Array.from({ length: count }, (_, index) => ({
    PutRequest: {
      Item: toItem(models.youngPersonModel, {
        ...make.youngPerson(p, `YP${String(index).padStart(5, '0')}`),
        version: 1,
      }),
    },
  }));

describe('the batch writer', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;

  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it('writes everything when DynamoDB leaves part of each batch unprocessed at first', async () => {
    const flaky = await createTestTable();
    try {
      // The first two tries of every batch hold back every other request.
      const tries = new Map<string, number>();
      holdingBackBatchWrites(flaky.ctx.client, (requests) =>
        requests.filter((request, index) => {
          const key = JSON.stringify(request.PutRequest?.Item?.['PK']);
          const seen = tries.get(key) ?? 0;
          tries.set(key, seen + 1);
          return index % 2 === 0 && seen < 2;
        }),
      );
      const requests = people('retry', 130);
      const result = await writeBatch(flaky.ctx.client, flaky.ctx.tableName, requests, noWait);
      expect(result.failed).toEqual([]);
      expect(result.written).toBe(130);
      expect(result.calls).toBeGreaterThan(Math.ceil(130 / 25));
      const stored = await flaky.store.youngPeople.list('retry', { limit: 500 });
      expect(stored.items).toHaveLength(130);
    } finally {
      await flaky.drop();
    }
  });

  it('returns, never drops, what is still unprocessed when its retry budget runs out', async () => {
    const stuck = await createTestTable();
    try {
      const stubborn = 'P#stuck#YP#YP00007';
      holdingBackBatchWrites(stuck.ctx.client, (requests) =>
        requests.filter((request) => request.PutRequest?.Item?.['PK'] === stubborn),
      );
      const sleeps: number[] = [];
      const result = await writeBatch(stuck.ctx.client, stuck.ctx.tableName, people('stuck', 40), {
        maxAttempts: 4,
        baseDelayMs: 100,
        maxDelayMs: 1_000,
        random: () => 1,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      });
      expect(result.written).toBe(39);
      expect(result.failed).toHaveLength(1);
      expect(result.failed[0]?.request).toMatchObject({ PutRequest: { Item: { PK: stubborn } } });
      // Backoff doubles each retry up to its ceiling (random() = 1 takes the whole ceiling).
      expect(sleeps).toEqual([200, 400, 800]);
      expect((await stuck.store.youngPeople.list('stuck', { limit: 500 })).items).toHaveLength(39);
    } finally {
      await stuck.drop();
    }
  });

  it('reports a request DynamoDB refuses outright instead of throwing', async () => {
    const tooBig = { PutRequest: { Item: { PK: 'P#x#Y', SK: 'Y', blob: 'x'.repeat(410_000) } } };
    const result = await writeBatch(table.ctx.client, table.ctx.tableName, [tooBig], noWait);
    expect(result.written).toBe(0);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.reason).toMatch(/size/i);
  });
});

describe('the group writer', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;

  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  const put = (ref: string, expectedVersion?: number) => ({
    label: ref,
    actions: [
      {
        Put: {
          TableName: table.ctx.tableName,
          Item: toItem(models.youngPersonModel, {
            ...make.youngPerson('groups', ref),
            version: (expectedVersion ?? 0) + 1,
          }),
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
        },
      },
    ],
  });

  it('writes every group whose condition holds and returns the one whose condition failed', async () => {
    await table.store.youngPeople.save(make.youngPerson('groups', 'YP-TAKEN'));
    const groups = [...Array.from({ length: 150 }, (_, index) => put(`YP-G${index}`)), put('YP-TAKEN')];
    const result = await writeGroups(table.ctx.client, groups, noWait);
    expect(result.written).toBe(150);
    expect(result.failed.map((failure) => [failure.group.label, failure.reason])).toEqual([
      ['YP-TAKEN', 'it changed since it was read'],
    ]);
    expect((await table.store.youngPeople.list('groups', { limit: 500 })).items).toHaveLength(151);
    expect((await table.store.youngPeople.get('groups', 'YP-TAKEN'))?.version).toBe(1);
  });
});
