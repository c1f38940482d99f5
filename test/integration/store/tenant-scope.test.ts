import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { type ApiDeps, youngPeopleRoutes } from '@peermap/api';
import { type ApiEvent, createApiHandler } from '@peermap/http';
import { localClientConfig } from '@peermap/local';
import {
  createDocumentClient,
  createDynamoStore,
  createTenantScopedClient,
  NoPartnershipScopeError,
} from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

/**
 * The tenant-scoped client over DynamoDB Local. IAM is not enforced here, so each
 * partnership's client marks every command it sends: the proof is that a partnership's work
 * goes out only through that partnership's client (in AWS, its session of the data role).
 */
describe('the tenant-scoped client', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const sent: string[] = [];
  const made: string[] = [];
  let scoped: ReturnType<typeof createTenantScopedClient>;
  let store: ReturnType<typeof createDynamoStore>;

  beforeAll(async () => {
    table = await createTestTable();
    scoped = createTenantScopedClient((partnershipId) => {
      made.push(partnershipId);
      const client = createDocumentClient(localClientConfig(table.endpoint));
      client.middlewareStack.add(
        (next, context) => (args) => {
          sent.push(`${partnershipId} ${String(context.commandName)}`);
          return next(args);
        },
        { step: 'initialize', name: 'markPartnership' },
      );
      return client;
    });
    store = createDynamoStore({ client: scoped.client, tableName: table.ctx.tableName });
  });
  afterAll(async () => {
    await table.drop();
  });

  it('refuses a table call made outside any partnership, and sends nothing', async () => {
    const before = sent.length;
    await expect(store.youngPeople.get('north', 'YP1')).rejects.toThrow(NoPartnershipScopeError);
    expect(sent.length).toBe(before);
  });

  it("sends each partnership's work, run side by side, through that partnership's client only", async () => {
    sent.length = 0;
    const work = (p: string) =>
      scoped.runAs(p, async () => {
        for (const ref of ['YP1', 'YP2', 'YP3']) {
          await store.youngPeople.save(make.youngPerson(p, ref));
          await new Promise((resolve) => setTimeout(resolve, 1));
          await store.youngPeople.get(p, ref);
        }
        return store.youngPeople.list(p, { limit: 10 });
      });
    const [north, south] = await Promise.all([work('north'), work('south')]);
    expect(north.items.map((person) => person.partnershipId)).toEqual(['north', 'north', 'north']);
    expect(south.items).toHaveLength(3);
    expect(sent.filter((line) => line.startsWith('north '))).toHaveLength(7);
    expect(sent.filter((line) => line.startsWith('south '))).toHaveLength(7);
    expect(made.filter((p) => p === 'north')).toHaveLength(1);
  });

  it("sends a change of state (an UpdateItem) through the partnership's client, and refuses it outside any", async () => {
    const slot = {
      id: '0b5c1a7e-3f53-4a55-9a0e-1c4c8f7f2b13',
      partnershipId: 'north',
      week: '2026-W48',
      status: 'waiting' as const,
      uploadedBy: 'chair-1',
      createdAt: '2026-11-28T09:00:00.000Z',
      sendBy: '2026-11-28T09:15:00.000Z',
    };
    const waiting = await scoped.runAs('north', () => store.uploadSlots.save(slot));
    await expect(store.uploadSlots.transition(waiting, { status: 'processing' })).rejects.toThrow(
      NoPartnershipScopeError,
    );
    sent.length = 0;
    await scoped.runAs('north', () => store.uploadSlots.transition(waiting, { status: 'processing' }));
    expect(sent).toEqual(['north UpdateItemCommand']);
  });

  it('refuses work for one partnership that tries to act for another', async () => {
    await expect(scoped.runAs('north', () => scoped.runAs('south', async () => 1))).rejects.toThrow(
      NoPartnershipScopeError,
    );
    await expect(scoped.runAs('north', () => scoped.runAs('north', async () => 2))).resolves.toBe(2);
  });

  it("runs a whole API request, its audit event included, as the caller's partnership", async () => {
    sent.length = 0;
    const deps: ApiDeps = { store, now: () => new Date('2026-11-20T10:00:00Z') };
    const handler = createApiHandler(youngPeopleRoutes(deps), {
      audit: store.audit,
      logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
      runAs: scoped.runAs,
    });
    const recorded: ApiEvent = JSON.parse(
      readFileSync(new URL('../../../packages/http/src/fixtures/http-api-jwt-event.json', import.meta.url), 'utf8'),
    );
    const event: ApiEvent = {
      ...recorded,
      routeKey: 'GET /v1/young-people/{ref}',
      rawPath: '/v1/young-people/YP1',
      pathParameters: { ref: 'YP1' },
      requestContext: {
        ...recorded.requestContext,
        authorizer: {
          ...recorded.requestContext.authorizer,
          jwt: {
            ...recorded.requestContext.authorizer.jwt,
            claims: { sub: 'u-1', 'custom:partnership': 'south', 'cognito:groups': '[madp-chair]' },
          },
        },
      },
    };
    const result = await handler(event);
    expect(result.statusCode).toBe(200);
    expect(sent).toContain('south TransactWriteItemsCommand');
    expect(sent.every((line) => line.startsWith('south '))).toBe(true);
  });
});
