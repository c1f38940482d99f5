import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles, requestAnalysis, runAnalysis, uploadIdFor, uploadWeek } from '@peermap/api';
import {
  type AnalysisSnapshot,
  ConflictError,
  type MapStore,
  PARTNERSHIP_DEFAULTS,
  SheetName,
  type UploadRecord,
  WORK_TIMING,
} from '@peermap/domain';
import { DEMO_WEEKS } from '../demo/weeks';

export { DEMO_WEEKS };

export const DEMO_PARTNERSHIP = 'demo';

const DEMO_FOLDER = join(import.meta.dirname, '..', 'demo');

/** The CSV files of one demo week, as a chair would upload them (`young_people.csv`, …). */
export function demoFiles(folder: string): Record<string, Uint8Array> {
  return Object.fromEntries(
    SheetName.options.map((sheet) => [
      `${sheet}.csv`,
      new Uint8Array(readFileSync(join(DEMO_FOLDER, folder, `${sheet}.csv`))),
    ]),
  );
}

/** The demo chair, who uploads each week and runs its analysis. */
export const DEMO_CHAIR = `demo-madp-chair@${DEMO_PARTNERSHIP}`;

/** What loading the demo did: what it holds for each demo week, and which of it this call wrote. */
export interface DemoLoad {
  /** Each demo week's upload, in order. */
  uploads: UploadRecord[];
  /** Each demo week's latest completed analysis (none for a week that could no longer be analysed). */
  analyses: AnalysisSnapshot[];
  /** The ids of the uploads this call loaded; the others were held already, recognised by their content. */
  loadedUploadIds: string[];
  /** The ids of the analyses this call ran; the others were held already. */
  ranAnalysisIds: string[];
}

/** Who the demo's uploads are from, as their records say. */
export const DEMO_LOADER = 'demo-loader';

/**
 * Loads the four demo weeks, in order, into the demo partnership, and after each week runs
 * its peer-group analysis as the chair would at that week's meeting, so the demo shows the
 * clusters week by week with what changed. Weeks already loaded are recognised by their
 * content and weeks already analysed are left as they are: starting again changes nothing,
 * and says so.
 */
export async function loadDemo(store: MapStore, now: () => Date = () => new Date()): Promise<DemoLoad> {
  if (!(await store.partnerships.get(DEMO_PARTNERSHIP))) {
    await store.partnerships.save({
      id: DEMO_PARTNERSHIP,
      name: 'Demo Safeguarding Partnership (invented data)',
      ...PARTNERSHIP_DEFAULTS,
      createdAt: now().toISOString(),
    });
  }
  const load: DemoLoad = { uploads: [], analyses: [], loadedUploadIds: [], ranAnalysisIds: [] };
  for (const { folder, week } of DEMO_WEEKS) {
    const files = demoFiles(folder);
    const held = await store.uploads.get(DEMO_PARTNERSHIP, uploadIdFor(DEMO_PARTNERSHIP, week, hashFiles(files)));
    const { record: upload } = await onceTheMapIsFree(() =>
      uploadWeek(store, { partnershipId: DEMO_PARTNERSHIP, week, files, uploadedBy: DEMO_LOADER, now }),
    );
    if (upload.status !== 'completed') {
      throw new Error(`The demo ${week} did not load: ${upload.problems[0]?.message ?? upload.status}`);
    }
    load.uploads.push(upload);
    // One held but not completed (a start stopped half-way) is completed by this one.
    if (held?.status !== 'completed') load.loadedUploadIds.push(upload.id);
    const analysed = await store.analyses.latestCompleted(DEMO_PARTNERSHIP, week);
    const analysis = analysed ?? (await analyseDemoWeek(store, week, now));
    if (analysis) load.analyses.push(analysis);
    if (analysis && !analysed) load.ranAnalysisIds.push(analysis.id);
  }
  return load;
}

/**
 * Runs the work, again every two seconds while the map is held: a start stopped during the
 * demo's load (Ctrl+C) leaves its lease to lapse, at most `WORK_TIMING.lapsesAfterMs` later.
 */
async function onceTheMapIsFree<T>(work: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + WORK_TIMING.lapsesAfterMs + 10_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConflictError) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

/**
 * Runs a demo week's analysis; none when the data folder already holds a later week (data from
 * before analyses existed), since an earlier week cannot be analysed once a later one is loaded.
 */
async function analyseDemoWeek(store: MapStore, week: string, now: () => Date): Promise<AnalysisSnapshot | undefined> {
  const queued = await requestAnalysis(
    store,
    { start: async (job) => void (await runAnalysis(store, job, now)) },
    {
      partnershipId: DEMO_PARTNERSHIP,
      request: { week, purpose: 'safety_planning' },
      requestedBy: DEMO_CHAIR,
      requestedByRole: 'madp-chair',
      now: now(),
    },
  ).catch((error: unknown) => {
    if (error instanceof ConflictError) return undefined;
    throw error;
  });
  if (!queued) return undefined;
  const done = await store.analyses.get(DEMO_PARTNERSHIP, queued.id);
  if (done?.status !== 'completed') {
    throw new Error(`The demo analysis of ${week} did not complete: ${done?.failureReason ?? done?.status}`);
  }
  return done;
}
