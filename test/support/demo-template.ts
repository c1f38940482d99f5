import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, loadDemo, localClientConfig } from '@peermap/local';
import { createDocumentClient, createDynamoClient, createDynamoStore, writeBatch } from '@peermap/store';
import { inject } from 'vitest';

/*
 * Loading the demo weeks through the upload and the analysis takes 10-20 s on this machine, and
 * some 25 test files start from them. The run loads them once, into a template table, and each
 * file copies the template's items into its own table (about 2,600 items, a second or two).
 * The first file to need the template claims it and loads it; the others wait for it to be ready.
 * Files never share a table: each still writes and reads only its own.
 */

/** Items of the template's own bookkeeping, never copied. */
const CLAIM = { PK: 'TEMPLATE#CLAIM', SK: 'TEMPLATE' };
const READY = { PK: 'TEMPLATE#READY', SK: 'TEMPLATE' };
const isBookkeeping = (item: Record<string, unknown>) => String(item['PK']).startsWith('TEMPLATE#');

/** Long enough for a load on a busy machine; a template never made ready falls back to loading directly. */
const READY_WITHIN_MS = 240_000;
const POLL_MS = 250;

function templateClients() {
  const endpoint = inject('dynamoEndpoint');
  return {
    raw: createDynamoClient(localClientConfig(endpoint)),
    doc: createDocumentClient(localClientConfig(endpoint)),
    tableName: inject('demoTemplateTable'),
  };
}

/** Whether this file is the one to load the template: a conditional put only one file wins. */
async function claim(doc: ReturnType<typeof createDocumentClient>, tableName: string): Promise<boolean> {
  try {
    await doc.send(
      new PutCommand({ TableName: tableName, Item: CLAIM, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

async function waitUntilReady(doc: ReturnType<typeof createDocumentClient>, tableName: string): Promise<boolean> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: READY, ConsistentRead: true }));
    if (Item) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}

async function scanTemplate(doc: ReturnType<typeof createDocumentClient>, tableName: string) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).filter((item) => !isBookkeeping(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * The demo weeks in `target`, as `loadDemo` leaves them: copied from the run's template, which
 * the first caller loads. A template that never becomes ready (its loader failed) is not trusted:
 * the demo is loaded straight into `target`, as before.
 */
export async function withDemoWeeks(target: {
  ctx: { client: ReturnType<typeof createDocumentClient>; tableName: string };
  store: ReturnType<typeof createDynamoStore>;
}): Promise<void> {
  const { raw, doc, tableName } = templateClients();
  try {
    await ensureTable(raw, tableName);
    if (await claim(doc, tableName)) {
      await loadDemo(createDynamoStore({ client: doc, tableName }));
      await doc.send(new PutCommand({ TableName: tableName, Item: READY }));
    } else if (!(await waitUntilReady(doc, tableName))) {
      await loadDemo(target.store);
      return;
    }
    const items = await scanTemplate(doc, tableName);
    const { failed } = await writeBatch(
      target.ctx.client,
      target.ctx.tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    if (failed.length > 0) throw new Error(`${failed.length} demo items were not copied: ${failed[0]?.reason}`);
  } finally {
    doc.destroy();
    raw.destroy();
  }
}
