import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, VersionConflictError } from '@peermap/domain';
import { keys } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

describe('a change of state in one conditional UpdateItem', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const p = 'south-kent';

  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  const stored = async (id: string) =>
    (
      await table.ctx.client.send(
        new GetCommand({ TableName: table.ctx.tableName, Key: keys.analysisKey(p, id), ConsistentRead: true }),
      )
    ).Item;

  it('moves the record to its next version, writing the change and the index keys that follow it', async () => {
    const queued = await table.store.analyses.save(
      make.analysis(p, { status: 'queued', summary: undefined, completedAt: undefined }),
    );
    const running = await table.store.analyses.transition(
      queued,
      { status: 'running', startedAt: '2026-11-20T11:00:01.000Z' },
      { status: ['queued'] },
    );
    expect(running).toMatchObject({ status: 'running', version: 2 });
    expect(await table.store.analyses.get(p, queued.id)).toEqual(running);
    expect(await table.store.analyses.latestCompleted(p)).toBeUndefined();

    const completed = await table.store.analyses.transition(
      running,
      { status: 'completed', completedAt: '2026-11-20T11:00:03.000Z', summary: make.analysis(p).summary },
      { status: ['queued', 'running'] },
    );
    expect(await table.store.analyses.get(p, queued.id)).toEqual(completed);
    // Now in byKind (a sparse index): found as the latest completed run.
    expect((await table.store.analyses.latestCompleted(p))?.id).toBe(queued.id);
    expect(await stored(queued.id)).toMatchObject({
      version: 3,
      GSI1SK: `${queued.week}#2026-11-20T11:00:03.000Z#${queued.id}`,
    });
  });

  it('is refused with a version conflict when the record moved on since it was read, and writes nothing', async () => {
    const queued = await table.store.analyses.save(
      make.analysis(p, { status: 'queued', summary: undefined, completedAt: undefined }),
    );
    await table.store.analyses.transition(queued, { status: 'running' }, { status: ['queued'] });
    await expect(
      table.store.analyses.transition(queued, { status: 'failed', failureReason: 'late' }, { status: ['queued'] }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await stored(queued.id)).toMatchObject({ status: 'running', version: 2 });
    expect(await stored(queued.id)).not.toHaveProperty('failureReason');
  });

  it('is refused with a version conflict when the guard does not hold, even at the version read', async () => {
    const failed = await table.store.analyses.save(
      make.analysis(p, { status: 'failed', failureReason: 'stopped', summary: undefined, completedAt: undefined }),
    );
    await expect(
      table.store.analyses.transition(failed, { status: 'running' }, { status: ['queued'] }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(await stored(failed.id)).toMatchObject({ status: 'failed', version: 1 });
  });

  it('says not found when the record is gone', async () => {
    const slot = await table.store.uploadSlots.save({
      id: '0b5c1a7e-3f53-4a55-9a0e-1c4c8f7f2b11',
      partnershipId: p,
      week: '2026-W48',
      status: 'waiting',
      uploadedBy: 'chair-1',
      createdAt: '2026-11-28T09:00:00.000Z',
      sendBy: '2026-11-28T09:15:00.000Z',
    });
    const gone = { ...slot, id: '0b5c1a7e-3f53-4a55-9a0e-1c4c8f7f2b12' };
    await expect(table.store.uploadSlots.transition(gone, { status: 'processing' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const processing = await table.store.uploadSlots.transition(
      slot,
      { status: 'processing' },
      { status: ['waiting'] },
    );
    expect(await table.store.uploadSlots.get(p, slot.id)).toEqual(processing);
  });
});
