import { randomUUID } from 'node:crypto';
import { GIVEN_UP, requestAnalysis, runAnalysis } from '@peermap/api';
import { type AnalysisRunner, ConflictError, UnavailableError } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

/** A runner that records starts and runs nothing: the test runs the analysis when it chooses. */
const held = (): AnalysisRunner & { started: string[] } => {
  const started: string[] = [];
  return {
    started,
    start: async (job) => {
      started.push(job.analysisId);
    },
  };
};

describe('an analysis run, between its request and its end', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const now = new Date('2026-11-28T10:00:00.000Z');
  const asked = (partnershipId: string, week = '2026-W48') => ({
    partnershipId,
    request: { week, purpose: 'safety_planning' as const },
    requestedBy: 'chair-1',
    requestedByRole: 'madp-chair' as const,
    now,
  });
  const uploaded = (partnershipId: string, week: string) =>
    table.store.uploads.save(make.upload(partnershipId, { id: randomUUID(), week, createdAt: now.toISOString() }));

  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  it('waits for an upload still being written, and not for one whose writer stopped', async () => {
    const writer = { kind: 'upload' as const, workId: randomUUID(), week: '2026-W48' };
    await table.store.leases.take('busy', 'map-writer', writer, now, 60_000);
    await expect(requestAnalysis(table.store, held(), asked('busy'))).rejects.toThrow(/still being written/);
    const stoppedAt = new Date(now.getTime() - 61_000);
    await table.store.leases.take('stopped', 'map-writer', writer, stoppedAt, 60_000);
    await expect(requestAnalysis(table.store, held(), asked('stopped'))).resolves.toMatchObject({ status: 'queued' });
  });

  it('fails, with the reason, a run whose week a later upload overtook before it started', async () => {
    await table.store.youngPeople.save(make.youngPerson('overtaken', 'YP1'));
    const runner = held();
    const queued = await requestAnalysis(table.store, runner, asked('overtaken', '2026-W47'));
    await uploaded('overtaken', '2026-W48');
    const run = await runAnalysis(table.store, { partnershipId: 'overtaken', analysisId: queued.id }, () => now);
    expect(run).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/2026-W48/) });
    expect(await table.store.analyses.clusters('overtaken', queued.id)).toEqual([]);
  });

  it('does not bring back a run whose start arrived after it was given up', async () => {
    const queued = await requestAnalysis(table.store, held(), asked('late'));
    const later = () => new Date(now.getTime() + 25 * 60 * 1000);
    const run = await runAnalysis(table.store, { partnershipId: 'late', analysisId: queued.id }, later);
    expect(run).toMatchObject({ status: 'failed', failureReason: GIVEN_UP });
  });

  it('runs once however often it is started', async () => {
    await table.store.youngPeople.save(make.youngPerson('twice', 'YP1'));
    const queued = await requestAnalysis(table.store, held(), asked('twice'));
    const job = { partnershipId: 'twice', analysisId: queued.id };
    const [first, second] = await Promise.all([
      runAnalysis(table.store, job, () => now),
      runAnalysis(table.store, job, () => now),
    ]);
    expect([first?.status, second?.status]).toContain('completed');
    expect((await table.store.analyses.get('twice', queued.id))?.version).toBe(3);
    const events = await table.store.audit.byYoungPerson('twice', 'YP1');
    expect(events.items.filter((e) => e.action === 'analyse')).toHaveLength(1);
  });

  it('records a run that could not be started as failed and says to ask again', async () => {
    const broken: AnalysisRunner = {
      start: async () => {
        throw new Error('Lambda said no');
      },
    };
    await expect(requestAnalysis(table.store, broken, asked('unstarted'))).rejects.toBeInstanceOf(UnavailableError);
    const [run] = (await table.store.analyses.list('unstarted')).items;
    expect(run).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/ask again/) });
  });

  it('refuses an earlier week than the map holds', async () => {
    await uploaded('later', '2026-W48');
    await expect(requestAnalysis(table.store, held(), asked('later', '2026-W46'))).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});
