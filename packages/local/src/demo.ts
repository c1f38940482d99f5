import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uploadWeek } from '@peermap/api';
import { type MapStore, PARTNERSHIP_DEFAULTS, SheetName, type UploadRecord } from '@peermap/domain';

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

/**
 * Loads the four demo weeks, in order, into the demo partnership. Weeks already loaded are
 * recognised by their content and left as they are, so starting again changes nothing.
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
  }
  return uploads;
}
