import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Lease, type LeaseHolder, type LeaseName, type LeaseStore, type LeaseTaking } from '@peermap/domain';
import { isConditionFailure, toDomainError } from './errors';
import * as keys from './keys';
import { call, type StoreContext } from './repository';
import { TABLE_DEFINITION } from './table';

/** A lapsed lease item is left a week for the record of who held it last, then expires. */
const KEPT_AFTER_LAPSE_S = 7 * 24 * 60 * 60;

/**
 * Leases as one item each under the partnership's prefix. Every change is a conditional write:
 * taking needs the item absent or lapsed, renewing and releasing need the holder's token, so
 * two holders can never both believe they hold it.
 */
export class DynamoLeases implements LeaseStore {
  constructor(private readonly ctx: StoreContext) {}

  async take(
    partnershipId: string,
    name: LeaseName,
    holder: LeaseHolder,
    now: Date,
    lapsesAfterMs: number,
  ): Promise<LeaseTaking> {
    const lease = Lease.parse({
      partnershipId,
      name,
      holder,
      token: randomUUID(),
      takenAt: now.getTime(),
      renewedAt: now.getTime(),
      lapsesAt: now.getTime() + lapsesAfterMs,
    });
    try {
      const { Attributes } = await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: this.itemOf(lease),
          ConditionExpression: 'attribute_not_exists(PK) OR lapsesAt <= :now',
          ExpressionAttributeValues: { ':now': now.getTime() },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const lapsed = Attributes ? Lease.safeParse(this.leaseOf(Attributes)) : undefined;
      return { kind: 'taken', lease, ...(lapsed?.success ? { lapsed: lapsed.data } : {}) };
    } catch (error) {
      if (!isConditionFailure(error)) throw toDomainError(error);
      const by = await this.current(partnershipId, name);
      // Released between the refusal and the read: take it again.
      if (!by) return this.take(partnershipId, name, holder, now, lapsesAfterMs);
      return { kind: 'held', by };
    }
  }

  async renew(lease: Lease, now: Date, lapsesAfterMs: number): Promise<Lease | undefined> {
    const renewed = { ...lease, renewedAt: now.getTime(), lapsesAt: now.getTime() + lapsesAfterMs };
    try {
      // A whole put: a lease item is a few hundred bytes, and its token alone says whose it is.
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: this.itemOf(renewed),
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#token': 'token' },
          ExpressionAttributeValues: { ':token': lease.token },
        }),
      );
      return renewed;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw toDomainError(error);
    }
  }

  async release(lease: Lease): Promise<void> {
    try {
      await this.ctx.client.send(
        new DeleteCommand({
          TableName: this.ctx.tableName,
          Key: keys.leaseKey(lease.partnershipId, lease.name),
          ConditionExpression: '#token = :token',
          ExpressionAttributeNames: { '#token': 'token' },
          ExpressionAttributeValues: { ':token': lease.token },
        }),
      );
    } catch (error) {
      // Taken over meanwhile: the lease is the new holder's now.
      if (!isConditionFailure(error)) throw toDomainError(error);
    }
  }

  async current(partnershipId: string, name: LeaseName): Promise<Lease | undefined> {
    const { Item } = await call(() =>
      this.ctx.client.send(
        new GetCommand({
          TableName: this.ctx.tableName,
          Key: keys.leaseKey(partnershipId, name),
          ConsistentRead: true,
        }),
      ),
    );
    return Item ? Lease.parse(this.leaseOf(Item)) : undefined;
  }

  private itemOf(lease: Lease) {
    return {
      ...keys.leaseKey(lease.partnershipId, lease.name),
      entity: 'Lease',
      schemaVersion: 1,
      ...lease,
      [TABLE_DEFINITION.timeToLiveAttribute]: expiryOf(lease),
    };
  }

  private leaseOf(item: Record<string, unknown>) {
    const { partnershipId, name, holder, token, takenAt, renewedAt, lapsesAt } = item;
    return { partnershipId, name, holder, token, takenAt, renewedAt, lapsesAt };
  }
}

const expiryOf = (lease: Lease) => Math.floor(lease.lapsesAt / 1000) + KEPT_AFTER_LAPSE_S;
