import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { eraseYoungPerson, requestAnalysis, runAnalysis, uploadWeek } from '@peermap/api';
import { type AnalysisRunner, ConflictError, type MapStore } from '@peermap/domain';
import {
  demoFiles,
  ensureTable,
  localClientConfig,
  type RunningDynamoDbLocal,
  startDynamoDbLocal,
} from '@peermap/local';
import { createDocumentClient, createDynamoStore, type DocumentSender } from '@peermap/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killingBefore } from '../../support/faults';
import { seedOneYoungPersonEverywhere, stateOf, withoutUploadCounts } from '../../support/state';

/** Short heartbeats, so a lease lapses within seconds of the death rather than a minute. */
const TIMING = { heartbeatMs: 250, lapsesAfterMs: 4_000 };
const TABLE = 'peermap';
const idle: AnalysisRunner = { start: async () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * DynamoDB Local, on disk, killed with SIGKILL in the middle of an upload, an analysis run and
 * an erasure, then started again on the same data: the work's resend (or Lambda's retry of a
 * run) is refused while the dead work's lease is still live, then takes over, and the end
 * state is the one the same work reaches uninterrupted.
 */
describe('DynamoDB dies mid-work', () => {
  const folder = mkdtempSync(join(tmpdir(), 'peermap-dies-'));
  let port = 0;
  let dynamo: RunningDynamoDbLocal;
  let client: DocumentSender;
  let store: MapStore;
  const table = () => ({ ctx: { client, tableName: TABLE } });
  const takeovers: string[] = [];

  const start = async () => {
    dynamo = await startDynamoDbLocal({ dataDirectory: folder, ...(port ? { port } : {}) });
    port = Number(new URL(dynamo.endpoint).port);
  };
  /** SIGKILL: no shutdown of any kind, as when the machine or the process dies. */
  const kill = () => {
    execFileSync('pkill', ['-KILL', '-f', `dbPath ${folder} -port ${port}`]);
  };
  /** What a function sees: the same client settings as the store uses, against a table that died. */
  const dyingStore = (writes: number) => {
    const dying = killingBefore(client, writes, kill);
    return { store: createDynamoStore({ client: dying.client, tableName: TABLE }), killed: dying.killed };
  };

  beforeAll(async () => {
    await start();
    await ensureTable(new DynamoDBClient(localClientConfig(dynamo.endpoint)), TABLE);
    client = createDocumentClient(localClientConfig(dynamo.endpoint));
    store = createDynamoStore({ client, tableName: TABLE });
  }, 120_000);
  afterAll(async () => {
    await dynamo?.stop();
    rmSync(folder, { recursive: true, force: true });
    process.stdout.write(
      `\nTake-over after DynamoDB Local was killed (lease ${TIMING.lapsesAfterMs} ms, heartbeat ${TIMING.heartbeatMs} ms):\n${takeovers.join('\n')}\n`,
    );
  });

  /**
   * Sends the work again every quarter second until it is done, as a client or Lambda's retry
   * would: before the dead work's lease lapses it must be refused (or find the work still
   * running); after, it completes. Returns the milliseconds from the kill to completion.
   */
  async function resendUntilDone<T>(
    work: string,
    killedAt: number,
    lease: { p: string; name: 'map-writer' | `analysis:${string}` },
    send: () => Promise<T>,
    done: (result: T) => boolean,
  ): Promise<T> {
    const dead = await store.leases.current(lease.p, lease.name);
    if (!dead) throw new Error(`the dead ${work} left its lease`);
    let refused = 0;
    for (;;) {
      const sentAt = Date.now();
      const outcome = await send().then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      const completed = 'result' in outcome && done(outcome.result);
      // A live lease is never taken over; a refusal (or a run found still running) only while it is live.
      if (completed) expect(sentAt).toBeGreaterThanOrEqual(dead.lapsesAt - 50);
      else expect(sentAt).toBeLessThan(dead.lapsesAt + 1_000);
      if ('result' in outcome && completed) {
        takeovers.push(
          `  ${work}: the lease lapsed ${dead.lapsesAt - killedAt} ms after the kill; completed ${Date.now() - killedAt} ms after it (${refused} resends refused before)`,
        );
        return outcome.result;
      }
      if ('error' in outcome && !(outcome.error instanceof ConflictError)) throw outcome.error;
      refused += 1;
      await sleep(250);
    }
  }

  it('mid-upload: the resend takes over once the dead writer’s lease has lapsed, never before, and completes', async () => {
    const week = { week: '2026-W45', files: demoFiles('week-1'), uploadedBy: 'chair-1', timing: TIMING };
    await uploadWeek(store, { ...week, partnershipId: 'upload-clean' });
    const expected = withoutUploadCounts(await stateOf(table(), 'upload-clean'));

    // Killed before the fourth write: the lease and the upload record are written, the map part-way.
    const dying = dyingStore(3);
    await expect(uploadWeek(dying.store, { ...week, partnershipId: 'upload-killed' })).rejects.toThrow();
    const killedAt = dying.killed();
    await start();
    const [stopped] = (await store.uploads.list('upload-killed')).items;
    expect(stopped?.status).toBe('writing');

    const again = await resendUntilDone(
      'upload',
      killedAt,
      { p: 'upload-killed', name: 'map-writer' },
      () => uploadWeek(store, { ...week, partnershipId: 'upload-killed' }),
      (result) => result.record.status === 'completed',
    );
    expect(again.record.id).toBe(stopped?.id);
    expect(withoutUploadCounts(await stateOf(table(), 'upload-killed'))).toEqual(expected);
  }, 240_000);

  it('mid-analysis: the retried run takes over once the lease has lapsed and finds the same groups', async () => {
    // The real clock: the retry's test of the lease is against the time the heartbeat wrote.
    const now = () => new Date();
    const asked = (p: string) => ({
      partnershipId: p,
      request: { week: '2026-W45', purpose: 'safety_planning' as const },
      requestedBy: 'chair-1',
      requestedByRole: 'madp-chair' as const,
      now: now(),
    });
    const groups = async (p: string, id: string) =>
      (await store.analyses.clusters(p, id)).map((c) => [...c.memberRefs].sort().join(' ')).sort();
    for (const p of ['analysis-clean', 'analysis-killed']) {
      await uploadWeek(store, {
        partnershipId: p,
        week: '2026-W45',
        files: demoFiles('week-1'),
        uploadedBy: 'chair-1',
      });
    }
    const clean = await requestAnalysis(store, idle, asked('analysis-clean'));
    await runAnalysis(store, { partnershipId: 'analysis-clean', analysisId: clean.id }, now, TIMING);

    const queued = await requestAnalysis(store, idle, asked('analysis-killed'));
    const job = { partnershipId: 'analysis-killed', analysisId: queued.id };
    // Killed before the third write: the lease and the claim are written, the groups not yet.
    const dying = dyingStore(2);
    await expect(runAnalysis(dying.store, job, now, TIMING)).rejects.toThrow();
    const killedAt = dying.killed();
    await start();
    expect(await store.analyses.get(job.partnershipId, job.analysisId)).toMatchObject({ status: 'running' });

    const completed = await resendUntilDone(
      'analysis run',
      killedAt,
      { p: job.partnershipId, name: `analysis:${queued.id}` },
      () => runAnalysis(store, job, now, TIMING),
      (run) => run?.status === 'completed',
    );
    expect(completed?.summary?.clusterCount).toBeGreaterThan(0);
    expect(await groups(job.partnershipId, queued.id)).toEqual(await groups('analysis-clean', clean.id));
  }, 240_000);

  it('mid-erasure: asking again completes it to the state an uninterrupted erasure leaves', async () => {
    const now = new Date('2026-11-28T10:00:00.000Z');
    const asked = (p: string) => ({
      partnershipId: p,
      ref: 'YP1',
      reason: 'The family asked for Sam Doe to be erased.',
      actor: { userId: 'chair-1', role: 'madp-chair' as const },
      now,
    });
    for (const p of ['erase-clean', 'erase-killed']) await seedOneYoungPersonEverywhere(store, p, now);
    await eraseYoungPerson(store, asked('erase-clean'));
    const expected = await stateOf(table(), 'erase-clean');

    const dying = dyingStore(3);
    await expect(eraseYoungPerson(dying.store, asked('erase-killed'))).rejects.toThrow();
    const killedAt = dying.killed();
    await start();
    expect(await store.erasures.pending('erase-killed', 'YP1')).toBeDefined();
    await eraseYoungPerson(store, asked('erase-killed'));
    takeovers.push(
      `  erasure (no lease; the job item carries it on): completed ${Date.now() - killedAt} ms after the kill`,
    );
    expect(await stateOf(table(), 'erase-killed')).toEqual(expected);
  }, 240_000);
});
