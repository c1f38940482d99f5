import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestAnalysis, runAnalysis, uploadWeek } from '@peermap/api';
import {
  type AnalysisSnapshot,
  ConflictError,
  type MapStore,
  PARTNERSHIP_DEFAULTS,
  SheetName,
  type UploadRecord,
} from '@peermap/domain';

/** The demo weeks shipped in `packages/local/demo`, in the order they happened. */
export const DEMO_WEEKS = [
  { folder: 'week-1', week: '2026-W45' },
  { folder: 'week-2', week: '2026-W46' },
  { folder: 'week-3', week: '2026-W47' },
  { folder: 'week-4', week: '2026-W48' },
] as const;

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

/**
 * Loads the four demo weeks, in order, into the demo partnership, and after each week runs
 * its peer-group analysis as the chair would at that week's meeting, so the demo shows the
 * clusters week by week with what changed. Weeks already loaded are recognised by their
 * content and weeks already analysed are left as they are: starting again changes nothing.
 */
export async function loadDemo(store: MapStore, now: () => Date = () => new Date()) {
  if (!(await store.partnerships.get(DEMO_PARTNERSHIP))) {
    await store.partnerships.save({
      id: DEMO_PARTNERSHIP,
      name: 'Demo Safeguarding Partnership (invented data)',
      ...PARTNERSHIP_DEFAULTS,
      createdAt: now().toISOString(),
    });
  }
  const uploads: UploadRecord[] = [];
  const analyses: AnalysisSnapshot[] = [];
  for (const { folder, week } of DEMO_WEEKS) {
    const { record: upload } = await uploadWeek(store, {
      partnershipId: DEMO_PARTNERSHIP,
      week,
      files: demoFiles(folder),
      uploadedBy: 'demo-loader',
      now,
    });
    if (upload.status !== 'completed') {
      throw new Error(`The demo ${week} did not load: ${upload.problems[0]?.message ?? upload.status}`);
    }
    uploads.push(upload);
    const analysis =
      (await store.analyses.latestCompleted(DEMO_PARTNERSHIP, week)) ?? (await analyseDemoWeek(store, week, now));
    if (analysis) analyses.push(analysis);
  }
  return { uploads, analyses };
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
