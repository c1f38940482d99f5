import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GIVEN_UP,
  processLargeUpload,
  requestAnalysis,
  runAnalysis,
  SLOT_STOPPED,
  STOPPED_PART_WAY,
  sweepRetention,
  uploadWeek,
} from '@peermap/api';
import { type AnalysisRunner, examples, type LeaseHolder } from '@peermap/domain';
import { workbookOf } from '@peermap/ingest';
import { createLocalLargeUploads, demoFiles } from '@peermap/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../support/records';
import { createTestTable } from '../../support/store';

const idle: AnalysisRunner = { start: async () => undefined };
const now = new Date('2026-11-28T10:00:00.000Z');
/** Past the lease of work whose last heartbeat was at `now`. */
const afterLapse = () => new Date(now.getTime() + 61_000);

/**
 * Work whose process died (its heartbeat stopped) is taken over by the next start once its
 * lease has lapsed, and work nobody takes over is ended by the sweep saying why. Live work is
 * left to its own process.
 */
describe('work whose heartbeat stopped', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  /** A run left `running` by a runner that stored one cluster and stopped, holding its lease from `now`. */
  async function stoppedRun(p: string) {
    await uploadWeek(table.store, {
      partnershipId: p,
      week: '2026-W45',
      uploadedBy: 'chair-1',
      files: demoFiles('week-1'),
      now: () => now,
    });
    const queued = await requestAnalysis(table.store, idle, {
      partnershipId: p,
      request: { week: '2026-W45', purpose: 'safety_planning' },
      requestedBy: 'chair-1',
      requestedByRole: 'madp-chair',
      now,
    });
    const { version, ...draft } = queued;
    const running = await table.store.analyses.save(
      { ...draft, status: 'running', startedAt: now.toISOString() },
      version,
    );
    await table.store.analyses.saveClusters([
      { ...examples.cluster, partnershipId: p, analysisId: running.id, clusterId: 'left-behind-1' },
    ]);
    const holder: LeaseHolder = { kind: 'analysis', workId: running.id, week: running.week };
    await table.store.leases.take(p, `analysis:${running.id}`, holder, now, 60_000);
    return running;
  }

  it('an analysis run is left to its live runner, then taken over and completed from the start', async () => {
    const running = await stoppedRun('run');
    const job = { partnershipId: 'run', analysisId: running.id };
    // Lambda's retry a few seconds later: the runner is still beating (as far as the lease says).
    expect(await runAnalysis(table.store, job, () => new Date(now.getTime() + 5_000))).toMatchObject({
      status: 'running',
      version: running.version,
    });
    const completed = await runAnalysis(table.store, job, afterLapse);
    expect(completed).toMatchObject({ status: 'completed' });
    const clusters = await table.store.analyses.clusters('run', running.id);
    expect(clusters.map((c) => c.clusterId)).not.toContain('left-behind-1');
    // The same groups as a run nobody stopped.
    const clean = await stoppedRun('run-clean');
    await runAnalysis(table.store, { partnershipId: 'run-clean', analysisId: clean.id }, afterLapse);
    const groups = async (p: string, id: string) =>
      (await table.store.analyses.clusters(p, id)).map((c) => [...c.memberRefs].sort().join(' ')).sort();
    expect(await groups('run', running.id)).toEqual(await groups('run-clean', clean.id));
    expect(clusters.length).toBeGreaterThan(2);
    expect(await table.store.leases.current('run', `analysis:${running.id}`)).toBeUndefined();
  });

  it('a large upload left processing is taken over once its lease lapsed, and completes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'peermap-stopped-'));
    const files = createLocalLargeUploads(folder, () => 'http://127.0.0.1');
    const p = 'slot';
    const slot = await table.store.uploadSlots.save({
      id: '3c1f0e2d-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      partnershipId: p,
      week: '2026-W45',
      status: 'processing',
      uploadedBy: 'chair-1',
      createdAt: now.toISOString(),
      sendBy: new Date(now.getTime() + 15 * 60_000).toISOString(),
    });
    mkdirSync(join(folder, p), { recursive: true });
    writeFileSync(join(folder, p, `${slot.id}.xlsx`), await workbookOf(demoFiles('week-1')));
    const holder: LeaseHolder = { kind: 'large-upload', workId: slot.id, week: slot.week };
    await table.store.leases.take(p, `slot:${slot.id}`, holder, now, 60_000);

    const meanwhile = await processLargeUpload(table.store, files, p, slot.id, { now: () => now });
    expect(meanwhile).toMatchObject({ status: 'processing', version: slot.version });
    const ended = await processLargeUpload(table.store, files, p, slot.id, { now: afterLapse });
    expect(ended).toMatchObject({ status: 'completed', uploadId: expect.any(String) });
    expect(await table.store.uploads.get(p, ended?.uploadId ?? '')).toMatchObject({ status: 'completed' });
  });

  it('says why a large upload failed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'peermap-never-'));
    const files = createLocalLargeUploads(folder, () => 'http://127.0.0.1');
    const slot = await table.store.uploadSlots.save({
      id: '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b',
      partnershipId: 'never-sent',
      week: '2026-W45',
      status: 'waiting',
      uploadedBy: 'chair-1',
      createdAt: now.toISOString(),
      sendBy: new Date(now.getTime() + 15 * 60_000).toISOString(),
    });
    await expect(processLargeUpload(table.store, files, slot.partnershipId, slot.id)).rejects.toThrow(/never arrived/);
    expect(await table.store.uploadSlots.get(slot.partnershipId, slot.id)).toMatchObject({
      status: 'failed',
      failureReason: expect.stringMatching(/never arrived.*send it/),
    });
  });

  it('and that nobody took over is ended by the sweep as failed, saying why; live work is left alone', async () => {
    const p = 'sweep';
    const stopped = await stoppedRun(p);
    const neverStarted = await table.store.analyses.save({
      ...make.analysis(p, { week: '2026-W48' }),
      id: '6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c',
      status: 'queued',
      summary: undefined,
      completedAt: undefined,
      createdAt: new Date(now.getTime() - 25 * 60_000).toISOString(),
    });
    const writing = await table.store.uploads.save(
      make.upload(p, { id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', status: 'writing', completedAt: undefined }),
    );
    const processing = await table.store.uploadSlots.save({
      id: '8b7c6d5e-4f3a-4b2c-9d0e-1f2a3b4c5d6e',
      partnershipId: p,
      week: '2026-W45',
      status: 'processing',
      uploadedBy: 'chair-1',
      createdAt: now.toISOString(),
      sendBy: now.toISOString(),
    });
    const { version: _, ...slotDraft } = processing;
    const liveSlot = await table.store.uploadSlots.save({ ...slotDraft, id: '9c8d7e6f-5a4b-4c3d-8e1f-2a3b4c5d6e7f' });
    const holder: LeaseHolder = { kind: 'large-upload', workId: liveSlot.id, week: liveSlot.week };
    await table.store.leases.take(p, `slot:${liveSlot.id}`, holder, afterLapse(), 60_000);

    const swept = await sweepRetention(table.store, p, afterLapse());
    expect(swept.stoppedWork).toEqual({ uploads: 1, slots: 1, analyses: 2 });
    const failedWith = (failureReason: string) => ({ status: 'failed', failureReason });
    expect(await table.store.analyses.get(p, stopped.id)).toMatchObject(failedWith(GIVEN_UP));
    expect(await table.store.analyses.get(p, neverStarted.id)).toMatchObject(failedWith(GIVEN_UP));
    expect(await table.store.uploads.get(p, writing.id)).toMatchObject(failedWith(STOPPED_PART_WAY));
    expect(await table.store.uploadSlots.get(p, processing.id)).toMatchObject(failedWith(SLOT_STOPPED));
    expect(await table.store.uploadSlots.get(p, liveSlot.id)).toMatchObject({ status: 'processing' });
  });
});
