import type { AnalysisStatus, UploadRecord } from '@peermap/domain';

/** An upload as the banner lists it: any upload the partnership holds, whoever sent it. */
export type HeldUpload = Pick<
  UploadRecord,
  'id' | 'week' | 'status' | 'counts' | 'problemCount' | 'uploadedBy' | 'createdAt'
>;

/** An analysis as the banner lists it. */
export interface HeldAnalysis {
  readonly id: string;
  readonly week: string;
  readonly status: AnalysisStatus;
  readonly requestedBy: string;
  readonly createdAt: string;
  readonly summary?: { readonly clusterCount: number } | undefined;
  readonly failureReason?: string | undefined;
}

/** What `npm start` found and did, for its banner. */
export interface StartFacts {
  readonly readyInMs: number;
  readonly dynamo: { readonly endpoint: string; readonly tableName: string; readonly dataDirectory: string };
  readonly partnershipId: string;
  readonly serverUrl: string;
  readonly demo: {
    /** The weeks the demo ships, in order. */
    readonly weeks: readonly string[];
    /** Who the demo's uploads are from, as their records say. */
    readonly loader: string;
    /** The uploads this start loaded; every other one was held before it. */
    readonly loadedUploadIds: readonly string[];
    /** The analyses this start ran. */
    readonly ranAnalysisIds: readonly string[];
  };
  /** Every upload the partnership holds: the demo's and any sent through the app or the API. */
  readonly uploads: readonly HeldUpload[];
  /** Every analysis the partnership holds. */
  readonly analyses: readonly HeldAnalysis[];
}

/**
 * The text `npm start` prints once it is ready: where DynamoDB Local keeps the data, what this
 * start loaded and what it found already held, every week and analysis the partnership holds,
 * and how to reach the app.
 */
export function startBanner(facts: StartFacts): string {
  const uploads = [...facts.uploads].sort(byWeekThenTime);
  const analyses = [...facts.analyses].sort(byWeekThenTime);
  // A refused or unfinished upload holds nothing: only completed ones make a week held.
  const weeks = new Set(uploads.filter((upload) => upload.status === 'completed').map((upload) => upload.week));
  const url = facts.serverUrl;
  return [
    `peermap (local) is ready in ${(facts.readyInMs / 1000).toFixed(1)} s.`,
    `  DynamoDB Local: ${facts.dynamo.endpoint}, table "${facts.dynamo.tableName}", data in ${facts.dynamo.dataDirectory}`,
    '  This start:',
    ...whatThisStartDid(facts, uploads, analyses).map((line) => `    ${line}`),
    `  Partnership "${facts.partnershipId}" (invented data) holds ${weeks.size === 0 ? 'no week' : counted(weeks.size, 'week')}.`,
    uploads.length === 0 ? '  No upload is held.' : `  Its uploads (${uploads.length}):`,
    ...uploads.map(
      (upload) => `    ${upload.week}: ${uploadOutcome(upload)}; ${uploadSource(upload, facts)} (upload ${upload.id})`,
    ),
    analyses.length === 0 ? '  No analysis is held.' : `  Analyses held (${analyses.length}):`,
    ...analyses.map(
      (analysis) =>
        `    ${analysis.week}: ${analysisOutcome(analysis)}; ${analysisSource(analysis, facts)} (analysis ${analysis.id})`,
    ),
    `  Open ${url}/ in a browser and sign in as one of the four roles.`,
    `  The API: ${url}/v1 (document: ${url}/v1/openapi.json)`,
    `  Sign in as a demo user: curl '${url}/local/token?role=madp-chair&partnership=${facts.partnershipId}'`,
    '    roles: madp-chair, early-help-lead, police-analyst, partnership-admin',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

function whatThisStartDid(facts: StartFacts, uploads: readonly HeldUpload[], analyses: readonly HeldAnalysis[]) {
  const loadedIds = new Set(facts.demo.loadedUploadIds);
  const loaded = uploads.filter((upload) => loadedIds.has(upload.id));
  const loadedWeeks = new Set(loaded.map((upload) => upload.week));
  const held = facts.demo.weeks.filter((week) => !loadedWeeks.has(week));
  const ranIds = new Set(facts.demo.ranAnalysisIds);
  const ran = analyses.filter((analysis) => ranIds.has(analysis.id)).map((analysis) => analysis.week);
  return [
    ...loaded.map((upload) => `loaded the demo week ${upload.week}: ${uploadOutcome(upload)}`),
    ...(held.length === 0 ? [] : [`found ${weekList(held)} already held: nothing loaded`]),
    ran.length === 0
      ? 'ran no analysis: each demo week already had its own'
      : `ran the ${ran.length === 1 ? 'analysis' : 'analyses'} of ${and(ran)}`,
  ];
}

function uploadOutcome(upload: HeldUpload): string {
  const sum = (field: 'created' | 'updated' | 'unchanged') =>
    Object.values(upload.counts).reduce((total, counts) => total + (counts?.[field] ?? 0), 0);
  switch (upload.status) {
    case 'completed':
      return `${sum('created')} records created, ${sum('updated')} updated, ${sum('unchanged')} unchanged`;
    case 'rejected':
      return `rejected with ${counted(upload.problemCount, 'problem')}, nothing written`;
    case 'failed':
      return 'failed part-way (sending the same files again completes it)';
    case 'received':
    case 'writing':
      return `stopped while ${upload.status === 'writing' ? 'being written' : 'being read'} (sending the same files again completes it)`;
  }
}

function uploadSource(upload: HeldUpload, facts: StartFacts): string {
  const day = upload.createdAt.slice(0, 10);
  if (upload.uploadedBy !== facts.demo.loader) return `uploaded by ${upload.uploadedBy} on ${day}`;
  return facts.demo.loadedUploadIds.includes(upload.id)
    ? 'from the demo, loaded by this start'
    : `from the demo, loaded on ${day}`;
}

function analysisOutcome(analysis: HeldAnalysis): string {
  switch (analysis.status) {
    case 'completed':
      return counted(analysis.summary?.clusterCount ?? 0, 'cluster');
    case 'failed':
      return `failed: ${(analysis.failureReason ?? 'no reason was recorded').replace(/\.$/, '')}`;
    case 'queued':
    case 'running':
      return analysis.status;
  }
}

function analysisSource(analysis: HeldAnalysis, facts: StartFacts): string {
  return facts.demo.ranAnalysisIds.includes(analysis.id)
    ? `run by this start for ${analysis.requestedBy}`
    : `asked for by ${analysis.requestedBy} on ${analysis.createdAt.slice(0, 10)}`;
}

const byWeekThenTime = (a: { week: string; createdAt: string }, b: { week: string; createdAt: string }) =>
  a.week.localeCompare(b.week) || a.createdAt.localeCompare(b.createdAt);

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const weekList = (weeks: readonly string[]) => `the demo ${weeks.length === 1 ? 'week' : 'weeks'} ${and(weeks)}`;

/** `a`, `a and b`, `a, b and c`. */
function and(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
