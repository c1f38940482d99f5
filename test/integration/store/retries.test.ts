import { connect, createServer, type Socket } from 'node:net';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { localClientConfig } from '@peermap/local';
import { createDocumentClient, DYNAMO_CLIENT_DEFAULTS } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../support/store';

/**
 * A TCP proxy in front of DynamoDB Local that resets connections as a server or a network
 * does. `resetNext(n)`: the next n connections are reset on their first bytes. `closeIdle()`:
 * every connection open now is reset on its next bytes, as a connection the server closed
 * while it sat idle in the client's pool, before the client noticed.
 */
async function startResettingProxy(target: URL) {
  const open = new Set<Socket>();
  const closed = new WeakSet<Socket>();
  const seen = { connections: 0, resets: 0, forwarded: 0, mostOpenAtOnce: 0 };
  let toReset = 0;
  const server = createServer((socket) => {
    seen.connections++;
    open.add(socket);
    seen.mostOpenAtOnce = Math.max(seen.mostOpenAtOnce, open.size);
    if (toReset > 0) {
      toReset--;
      closed.add(socket);
    }
    let upstream: Socket | undefined;
    socket.on('close', () => {
      open.delete(socket);
      upstream?.destroy();
    });
    // A reset client connection reports ECONNRESET here too; the proxy has nothing more to do.
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      if (closed.has(socket)) {
        seen.resets++;
        socket.resetAndDestroy();
        return;
      }
      if (!upstream) {
        seen.forwarded++;
        const toDynamo = connect(Number(target.port), target.hostname);
        toDynamo.on('data', (answer) => socket.write(answer));
        toDynamo.on('close', () => socket.destroy());
        toDynamo.on('error', () => socket.destroy());
        upstream = toDynamo;
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the proxy has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    seen,
    resetNext: (connections: number) => {
      toReset = connections;
    },
    closeIdle: () => {
      for (const socket of open) closed.add(socket);
      return open.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A client built with `dynamoClientDefaults()` against DynamoDB Local through the proxy: a
 * reset connection is retried by the SDK on a new one, and when every pooled connection turns
 * out closed at once, each call is still retried (the failure seen after an analysis answered
 * "socket hang up" with `attempts: 1`).
 */
describe('a DynamoDB client with the store’s defaults', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  let proxy: Awaited<ReturnType<typeof startResettingProxy>>;
  let client: DynamoDBDocumentClient;
  const key = (n: number) => ({ PK: `P#retries#ITEM#${n}`, SK: 'ITEM' });

  beforeAll(async () => {
    table = await createTestTable();
    for (let n = 0; n < 10; n++) {
      await table.ctx.client.send(new PutCommand({ TableName: table.ctx.tableName, Item: { ...key(n), n } }));
    }
    proxy = await startResettingProxy(new URL(table.endpoint));
    client = createDocumentClient(localClientConfig(proxy.url));
  });
  afterAll(async () => {
    client.destroy();
    await proxy.close();
    await table.drop();
  });

  const read = (n: number) => client.send(new GetCommand({ TableName: table.ctx.tableName, Key: key(n) }));

  it('retries a call whose connection is reset, on a new connection', async () => {
    proxy.resetNext(1);

    const answer = await read(3);

    expect(answer.Item).toEqual({ ...key(3), n: 3 });
    expect(answer.$metadata.attempts).toBe(2);
    expect(proxy.seen).toMatchObject({ connections: 2, resets: 1, forwarded: 1 });
  });

  it('retries every call when each pooled connection turns out closed at once, never opening more than its pool', async () => {
    const calls = 2 * DYNAMO_CLIENT_DEFAULTS.maxSockets;
    const burst = () => Promise.all(Array.from({ length: calls }, (_, index) => read(index % 10)));
    await burst();
    const closed = proxy.closeIdle();
    const resetsBefore = proxy.seen.resets;

    const answers = await burst();

    expect(closed).toBeGreaterThan(1);
    expect(answers.map((answer) => answer.Item?.['n'])).toEqual(Array.from({ length: calls }, (_, i) => i % 10));
    expect(proxy.seen.resets - resetsBefore).toBe(closed);
    expect(Math.max(...answers.map((answer) => answer.$metadata.attempts ?? 0))).toBe(2);
    expect(proxy.seen.mostOpenAtOnce).toBeLessThanOrEqual(DYNAMO_CLIENT_DEFAULTS.maxSockets);
  });
});
