import { createHash } from 'node:crypto';
import {
  ConflictError,
  type Draft,
  type Lease,
  LimitExceededError,
  type MapRecords,
  SheetName,
  UnavailableError,
  type UnstatedFields,
  UPLOAD_PROBLEMS,
  type UploadPorts,
  type UploadProblem,
  type UploadRecord,
  VersionConflictError,
  type WorkTiming,
} from '@peermap/domain';
import {
  DEFAULT_UPLOAD_LIMITS,
  MAX_PROBLEMS,
  readCsvInTurns,
  readWeekInTurns,
  readWorkbook,
  UploadCounter,
  type UploadLimits,
  type WeekSheets,
} from '@peermap/ingest';
import { Heartbeat } from './heartbeat';
import { STOPPED_PART_WAY } from './map-work';

/** The parts an upload may have: one CSV file per sheet, or one workbook. */
export const UPLOAD_PARTS = ['workbook', ...SheetName.options.map((sheet) => `${sheet}.csv`)] as const;

export interface WeekUpload {
  partnershipId: string;
  week: string;
  uploadedBy: string;
  /** `workbook` (XLSX) or `<sheet>.csv` parts, as uploaded. */
  files: Readonly<Record<string, Uint8Array>>;
  now?: () => Date;
  /** What the upload may hold; the defaults unless set. */
  limits?: UploadLimits;
  /** Sent in a request (API Gateway's 30 s) rather than processed in the background: `synchronousRows` applies. */
  synchronous?: boolean;
  /** How the upload's hold on the map is renewed (tests shorten it). */
  timing?: WorkTiming;
}

/** An upload's record, the people its audit event names, and (past a limit) the refusal to answer with. */
export interface WeekUploaded {
  record: UploadRecord;
  subjects: { youngPeople: string[]; carers: string[] };
  overLimit?: LimitExceededError;
}

/** What a dry run answers: the same problems an upload would report, and nothing written. */
export interface UploadCheck {
  week: string;
  sheets: SheetName[];
  rows: Partial<Record<SheetName, number>>;
  problemCount: number;
  problems: UploadProblem[];
}

/** What a `failed` upload says when the table could not be reached while it was written. */
const UNREACHABLE =
  'The map could not be reached while this upload was written; some of its records may be written. Send it again to complete it.';

const RECORDS_OF: Record<SheetName, keyof MapRecords> = {
  young_people: 'youngPeople',
  relationships: 'relationships',
  locations: 'locations',
  carers: 'carers',
  sightings: 'sightings',
  concerns: 'concerns',
};

/**
 * Checks a week's upload whole — every row of every sheet, refs against this upload and the
 * map already held — without writing anything. An upload past a limit is refused with
 * `LimitExceededError`.
 */
export async function checkWeek(store: UploadPorts, upload: WeekUpload): Promise<UploadCheck> {
  const { reading, sheets } = await read(store, upload, (upload.now ?? (() => new Date()))().toISOString());
  return {
    week: upload.week,
    sheets,
    rows: Object.fromEntries(sheets.map((sheet) => [sheet, reading.records[RECORDS_OF[sheet]].length])),
    problemCount: reading.problemCount,
    problems: reading.problems,
  };
}

/**
 * A week's upload: checked whole first (with any problem nothing is written and the upload is
 * kept as `rejected`), then only new and changed records are written, each conditional on what
 * was read, and the upload record ends `completed` with counts per sheet. The same content for
 * the same week has the same id, so sending it again changes nothing and returns the first
 * result; an upload that `failed` part-way is completed by sending it again. An upload past a
 * limit is kept as `rejected` with the refusal as its problem, and the refusal is returned as
 * `overLimit` for the route to answer with.
 */
export async function uploadWeek(store: UploadPorts, upload: WeekUpload): Promise<WeekUploaded> {
  const now = upload.now ?? (() => new Date());
  const contentSha256 = hashFiles(upload.files);
  const id = uploadIdFor(upload.partnershipId, upload.week, contentSha256);
  const earlier = await store.uploads.get(upload.partnershipId, id);
  if (earlier?.status === 'completed') return { record: earlier, subjects: { youngPeople: [], carers: [] } };
  const start = await Heartbeat.start(
    store.leases,
    upload.partnershipId,
    'map-writer',
    { kind: 'upload', workId: id, week: upload.week },
    { ...(upload.timing ? { timing: upload.timing } : {}), now },
  );
  if (start.kind === 'held') throw mapBeingWritten(start.by, id);
  const { heartbeat } = start;
  try {
    if (start.lapsed && start.lapsed.holder.workId !== id) await stoppedPartWay(store, start.lapsed);
    // Read again under the lease: the same upload may have completed since the first read.
    const previous = await store.uploads.get(upload.partnershipId, id);
    if (previous?.status === 'completed') return { record: previous, subjects: { youngPeople: [], carers: [] } };
    return await writeUnderLease(store, upload, { id, contentSha256, previous, heartbeat, now });
  } finally {
    await heartbeat.stop();
  }
}

/** The 409 of an upload that finds the map held: its own earlier send, or another upload. */
function mapBeingWritten(by: Lease, id: string): ConflictError {
  if (by.holder.workId === id) {
    return new ConflictError(
      `This upload is being written now. Follow it at /v1/uploads/${id} and send it again only if it fails.`,
    );
  }
  return new ConflictError(
    `An upload for ${by.holder.week} is being written; send yours when it has finished (follow it at /v1/uploads/${by.holder.workId}).`,
  );
}

/** Marks an upload whose lease lapsed mid-writing as failed, saying why (unless it finished meanwhile). */
export async function stoppedPartWay(store: UploadPorts, lapsed: Lease): Promise<void> {
  const stopped = await store.uploads.get(lapsed.partnershipId, lapsed.holder.workId);
  if (stopped?.status !== 'writing') return;
  await store.uploads
    .transition(stopped, { status: 'failed', failureReason: STOPPED_PART_WAY }, { status: ['writing'] })
    .catch((error) => {
      if (!(error instanceof VersionConflictError)) throw error;
    });
}

interface UnderLease {
  id: string;
  contentSha256: string;
  previous: UploadRecord | undefined;
  heartbeat: Heartbeat;
  now: () => Date;
}

/** Under the map's lease: reads and checks the upload, keeps it `rejected` with problems, or writes it. */
async function writeUnderLease(store: UploadPorts, upload: WeekUpload, lease: UnderLease): Promise<WeekUploaded> {
  const { id, contentSha256, previous } = lease;
  const createdAt = lease.now().toISOString();
  const header = {
    id,
    partnershipId: upload.partnershipId,
    week: upload.week,
    contentSha256,
    counts: {},
    uploadedBy: upload.uploadedBy,
    createdAt,
  };
  const readOrRefuse = await read(store, upload, createdAt, id).catch((error: unknown) => {
    if (error instanceof LimitExceededError) return error;
    throw error;
  });
  if (readOrRefuse instanceof LimitExceededError) {
    const problems = [{ sheet: 'workbook' as const, row: 1, message: readOrRefuse.message }];
    const record = await store.uploads.save(
      { ...header, sheets: [], problemCount: 1, problems, status: 'rejected' },
      previous?.version,
    );
    return { record, subjects: NO_ONE, overLimit: readOrRefuse };
  }
  const { reading, sheets } = readOrRefuse;
  const checked = {
    ...header,
    sheets,
    problemCount: reading.problemCount,
    problems: reading.problems.slice(0, UPLOAD_PROBLEMS.kept),
  };
  if (reading.problemCount > 0) {
    return {
      record: await store.uploads.save({ ...checked, status: 'rejected' }, previous?.version),
      subjects: NO_ONE,
    };
  }
  const writing = await store.uploads.save({ ...checked, status: 'writing' }, previous?.version);
  return { record: await writeMap(store, upload, writing, reading, lease), subjects: subjectsOf(reading.records) };
}

const NO_ONE = { youngPeople: [], carers: [] };

/** Writes a checked upload's records to the map and ends its record `completed`, or `failed` saying why. */
async function writeMap(
  store: UploadPorts,
  upload: WeekUpload,
  writing: UploadRecord,
  reading: { records: MapRecords; unstated: UnstatedFields },
  { heartbeat, now }: UnderLease,
): Promise<UploadRecord> {
  const end = (outcome: Partial<Draft<UploadRecord>>) =>
    store.uploads.transition(writing, outcome, { status: ['writing'] });
  const applied = await store.mapWriter
    .apply(reading.records, reading.unstated, { signal: heartbeat.signal })
    .catch(async (error: unknown) => {
      // With the table out of reach this change fails too: the upload stays `writing` until its lease lapses.
      await end({ status: 'failed', failureReason: UNREACHABLE });
      throw error;
    });
  const { counts, failed, restrictedReceived } = applied;
  const perSheet = Object.fromEntries(writing.sheets.map((sheet) => [sheet, counts[RECORDS_OF[sheet]]]));
  if (heartbeat.lost) {
    // Another send took the map over while this one was paused: that send says how the upload ended.
    throw new UnavailableError(
      `The ${upload.week} upload was taken over by a later send; follow it at /v1/uploads/${writing.id}.`,
    );
  }
  if (failed > 0) {
    const failureReason = `${failed} records of the ${upload.week} upload changed meanwhile or could not be written; send the upload again.`;
    await end({ status: 'failed', counts: perSheet, failureReason });
    throw new UnavailableError(failureReason);
  }
  return end({
    status: 'completed',
    counts: perSheet,
    ...(restrictedReceived > 0 ? { restrictedReceived } : {}),
    completedAt: now().toISOString(),
  });
}

/** The people whose records an upload stated: its audit event names them. */
function subjectsOf(records: MapRecords): WeekUploaded['subjects'] {
  return {
    youngPeople: [
      ...new Set([
        ...records.youngPeople.map((person) => person.ref),
        ...records.relationships.flatMap((r) => [r.personA, r.personB]),
        ...records.sightings.map((s) => s.personRef),
        ...records.concerns.map((c) => c.personRef),
        ...records.carers.flatMap((carer) => carer.youngPersonRefs),
      ]),
    ],
    carers: records.carers.map((carer) => carer.ref),
  };
}

async function read(store: UploadPorts, upload: WeekUpload, recordedAt: string, uploadId?: string) {
  const counter = new UploadCounter(upload.limits ?? DEFAULT_UPLOAD_LIMITS, upload.synchronous ?? false);
  const { sheets, problems } = await sheetsOf(upload.files, counter);
  const reading = await readWeekInTurns(
    sheets,
    {
      partnershipId: upload.partnershipId,
      provenance: { ...(uploadId ? { uploadId } : {}), recordedBy: upload.uploadedBy, recordedAt },
    },
    await store.mapWriter.knownRefs(upload.partnershipId),
  );
  const all = [...problems, ...reading.problems];
  return {
    sheets: SheetName.options.filter((sheet) => sheets[sheet] !== undefined),
    reading: {
      ...reading,
      problems: all.slice(0, MAX_PROBLEMS),
      problemCount: problems.length + reading.problemCount,
    },
  };
}

/** The sheets of an upload: from its workbook, or from its CSV parts (UTF-8), counted against its limits. */
async function sheetsOf(files: Readonly<Record<string, Uint8Array>>, counter: UploadCounter) {
  const problems: UploadProblem[] = [];
  const names = Object.keys(files);
  if (names.length === 0) {
    problems.push({ sheet: 'workbook', row: 1, message: 'Send the week as a workbook, or as one CSV file per sheet.' });
  }
  const workbook = files['workbook'];
  if (workbook) {
    if (names.length > 1) {
      problems.push({ sheet: 'workbook', row: 1, message: 'Send either one workbook or CSV files, not both.' });
    }
    const { tables, problems: workbookProblems } = await readWorkbook(workbook, counter);
    return { sheets: tables, problems: [...problems, ...workbookProblems] };
  }
  const sheets: WeekSheets = {};
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const sheet of SheetName.options) {
    const bytes = files[`${sheet}.csv`];
    if (!bytes) continue;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      problems.push({ sheet, row: 1, message: 'This file is not UTF-8 text. Save it again as "CSV UTF-8".' });
      continue;
    }
    const table = await readCsvInTurns(sheet, text, counter);
    if ('message' in table) problems.push(table);
    else sheets[sheet] = table;
  }
  return { sheets, problems };
}

/** A hash of the files' names and bytes, whatever order they came in. */
export function hashFiles(files: Readonly<Record<string, Uint8Array>>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    hash.update(`${name}\u0000`);
    hash.update(files[name] ?? new Uint8Array());
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/** A stable upload id (a UUID of version 8) for a partnership, a week and a content hash. */
export function uploadIdFor(partnershipId: string, week: string, contentSha256: string): string {
  const hex = createHash('sha256').update(`${partnershipId}|${week}|${contentSha256}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
