import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyClaim, IdempotencyStore, KeptResponse } from '@peermap/domain';
import * as z from 'zod';
import { isConditionFailure, toDomainError } from './errors';
import * as keys from './keys';
import { call, type StoreContext } from './repository';
import { TABLE_DEFINITION } from './table';

/** How long an answer is kept for a repeat: a day covers any client's retries. */
const KEPT_FOR_MS = 24 * 60 * 60 * 1000;
/**
 * A claim older than this belongs to a request whose function stopped: API functions end at 29 s
 * (API Gateway's limit), so after two minutes a resend with the same key is not kept waiting.
 */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

const Kept = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  isBase64Encoded: z.boolean(),
  subjects: z.object({ youngPeople: z.array(z.string()), carers: z.array(z.string()) }),
  restricted: z.boolean(),
});

const IdempotencyRecord = z.object({
  fingerprint: z.string(),
  state: z.enum(['in-progress', 'done']),
  claimedAt: z.string(),
  response: Kept.optional(),
});

/**
 * Idempotency records in the one table, under the partnership's prefix like everything else:
 * one item per hashed key, claimed with a conditional put, expired by TTL after a day.
 */
export class DynamoIdempotency implements IdempotencyStore {
  constructor(private readonly ctx: StoreContext) {}

  async claim(partnershipId: string, key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim> {
    if (await this.put(partnershipId, key, { fingerprint, state: 'in-progress', claimedAt: now.toISOString() }, now)) {
      return { kind: 'claimed' };
    }
    const { Item } = await call(() =>
      this.ctx.client.send(
        new GetCommand({
          TableName: this.ctx.tableName,
          Key: keys.idempotencyKey(partnershipId, key),
          ConsistentRead: true,
        }),
      ),
    );
    const found = IdempotencyRecord.safeParse(Item);
    // Gone meanwhile (expired): this request is the first again.
    if (!found.success)
      return (await this.put(
        partnershipId,
        key,
        { fingerprint, state: 'in-progress', claimedAt: now.toISOString() },
        now,
      ))
        ? { kind: 'claimed' }
        : { kind: 'in-progress' };
    const record = found.data;
    if (record.fingerprint !== fingerprint) return { kind: 'different-request' };
    if (record.state === 'done' && record.response) return { kind: 'done', response: record.response };
    if (now.getTime() - Date.parse(record.claimedAt) < ABANDONED_AFTER_MS) return { kind: 'in-progress' };
    // The first request's function stopped: this one takes the key over, once.
    const takenOver = await this.put(
      partnershipId,
      key,
      { fingerprint, state: 'in-progress', claimedAt: now.toISOString() },
      now,
      record.claimedAt,
    );
    return takenOver ? { kind: 'claimed' } : { kind: 'in-progress' };
  }

  async keep(partnershipId: string, key: string, fingerprint: string, response: KeptResponse, now: Date) {
    const item = {
      ...keys.idempotencyKey(partnershipId, key),
      ...keys.idempotencyIndexKeys(partnershipId, key),
      entity: 'Idempotency',
      schemaVersion: 1,
      fingerprint,
      state: 'done',
      claimedAt: now.toISOString(),
      response: Kept.parse(response),
      [TABLE_DEFINITION.timeToLiveAttribute]: Math.floor((now.getTime() + KEPT_FOR_MS) / 1000),
    };
    await call(() => this.ctx.client.send(new PutCommand({ TableName: this.ctx.tableName, Item: item })));
  }

  async release(partnershipId: string, key: string): Promise<void> {
    await call(() =>
      this.ctx.client.send(
        new DeleteCommand({ TableName: this.ctx.tableName, Key: keys.idempotencyKey(partnershipId, key) }),
      ),
    );
  }

  /** Puts a claim if the key is free (absent or expired), or still claimed at `claimedAt` (a take-over). */
  private async put(
    partnershipId: string,
    key: string,
    claim: { fingerprint: string; state: 'in-progress'; claimedAt: string },
    now: Date,
    claimedAt?: string,
  ): Promise<boolean> {
    const ttl = TABLE_DEFINITION.timeToLiveAttribute;
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: {
            ...keys.idempotencyKey(partnershipId, key),
            ...keys.idempotencyIndexKeys(partnershipId, key),
            entity: 'Idempotency',
            schemaVersion: 1,
            ...claim,
            [ttl]: Math.floor((now.getTime() + KEPT_FOR_MS) / 1000),
          },
          ...(claimedAt
            ? {
                ConditionExpression: '#claimedAt = :claimedAt',
                ExpressionAttributeNames: { '#claimedAt': 'claimedAt' },
                ExpressionAttributeValues: { ':claimedAt': claimedAt },
              }
            : {
                ConditionExpression: 'attribute_not_exists(#pk) OR #ttl < :now',
                ExpressionAttributeNames: { '#pk': TABLE_DEFINITION.partitionKey, '#ttl': ttl },
                ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw toDomainError(error);
    }
  }
}
