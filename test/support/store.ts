import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, localClientConfig } from '@peermap/local';
import { createDocumentClient, createDynamoClient, createDynamoStore, type StoreContext } from '@peermap/store';
import { inject } from 'vitest';

/** A fresh table in the suite's DynamoDB Local, its store, and a way to drop it. */
export async function createTestTable() {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `peermap-test-${randomUUID()}`;
  const raw = createDynamoClient(localClientConfig(endpoint));
  await ensureTable(raw, tableName);
  const client = createDocumentClient(localClientConfig(endpoint));
  const ctx = { client, tableName } satisfies StoreContext;
  return {
    ctx,
    store: createDynamoStore(ctx),
    endpoint,
    /** Every item of the table as DynamoDB holds it, keys and all: for checking what is stored, never for the service. */
    scanAll: async () => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    drop: async () => {
      await raw.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
      raw.destroy();
    },
  };
}
