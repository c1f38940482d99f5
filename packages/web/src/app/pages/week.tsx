import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Problem } from '../api';
import type { PageContext } from '../app';
import { humanise, PageHeading, ProblemView } from '../ui';

interface Upload {
  id: string;
  week: string;
  status: string;
  counts?: Record<string, { created: number; updated: number; unchanged: number }>;
  /** Why a `failed` upload did not complete, and what to do. */
  failureReason?: string;
}

/** What a check of the sheets answers: their problems, nothing kept. */
interface Check {
  week: string;
  problemCount: number;
  problems: NonNullable<Problem['problems']>;
}

interface Run {
  id: string;
  week: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  failureReason?: string;
  summary?: { clusterCount: number; youngPeopleIncluded: number; onTheirOwnCount?: number };
}

/** This ISO week, as `<input type="week">` writes it (2026-W48). */
function thisWeek(today = new Date()): string {
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Workbooks past this go straight to storage (a large upload), not through the API. */
const LARGEST_DIRECT_UPLOAD = 4 * 1024 * 1024;

interface UploadRecord extends Upload {
  problemCount?: number;
  problems?: Problem['problems'];
}

/**
 * A large workbook: a slot is opened, the file is put where the slot says (in AWS, storage;
 * locally, the local server), and the slot is followed until its upload is done.
 */
async function sendLarge(api: PageContext['api'], week: string, file: File): Promise<UploadRecord> {
  const opened = await api.send<{
    slot: { id: string };
    send: { method: string; url: string; headers: Record<string, string> };
  }>('POST', `/v1/uploads/large?week=${week}`);
  const { slot, send } = opened.body;
  const put = await fetch(send.url, { method: send.method, headers: send.headers, body: file });
  if (!put.ok) throw new Error('The workbook could not be sent; try again.');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const state = (
      await api.get<{ status: string; uploadId?: string; refusal?: string; failureReason?: string }>(
        `/v1/uploads/large/${slot.id}`,
      )
    ).body;
    if (state.status === 'waiting' || state.status === 'processing') continue;
    if (!state.uploadId) {
      throw new Error(state.refusal ?? state.failureReason ?? 'The workbook could not be read; try again.');
    }
    return (await api.get<UploadRecord>(`/v1/uploads/${state.uploadId}`)).body;
  }
}

/** An answer with problems, shown like the API's own refusal (sheet, row, column). */
const problemsFound = (title: string, detail: string, problems: NonNullable<Problem['problems']>, count: number) =>
  new ApiError({ status: 400, title, detail, problems, problemCount: count });

/**
 * Sends the week's sheets: a large workbook through storage, a check as a check (problems
 * come back as a refusal), anything else as one upload.
 */
async function sendSheets(
  api: PageContext['api'],
  asked: { week: string; files: File[]; checkOnly: boolean; largest: number },
): Promise<{ kind: 'checked' } | { kind: 'uploaded'; upload: Upload }> {
  const { week, files, checkOnly, largest } = asked;
  const [only] = files;
  if (files.length === 1 && only && partName(only) === 'workbook' && only.size > largest && !checkOnly) {
    const record = await sendLarge(api, week, only);
    if (record.status !== 'rejected') return { kind: 'uploaded', upload: record };
    const count = record.problemCount ?? record.problems?.length ?? 0;
    throw problemsFound('The workbook has problems', `${count} found.`, record.problems ?? [], count);
  }
  const form = new FormData();
  for (const file of files) form.append(partName(file), file, file.name);
  if (checkOnly) {
    const check = (await api.send<Check>('POST', `/v1/uploads?week=${week}&dryRun=true`, { form })).body;
    if (check.problemCount === 0) return { kind: 'checked' };
    throw problemsFound(
      'The sheets have problems',
      `${check.problemCount} found; nothing was kept (this was a check).`,
      check.problems,
      check.problemCount,
    );
  }
  return { kind: 'uploaded', upload: (await api.send<Upload>('POST', `/v1/uploads?week=${week}`, { form })).body };
}

/** A CSV is sent under its own file name (the sheet it is); a workbook as the workbook. */
const partName = (file: File) => (/\.xlsx$/i.test(file.name) ? 'workbook' : file.name.toLowerCase());

export function WeekPage({ api, me, config }: PageContext) {
  const largest = config.largeUploadBytes ?? LARGEST_DIRECT_UPLOAD;
  const [week, setWeek] = useState(thisWeek());
  const [files, setFiles] = useState<File[]>([]);
  const [checkOnly, setCheckOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<Upload | undefined>(undefined);
  const [checked, setChecked] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<unknown>(undefined);
  const [run, setRun] = useState<Run | undefined>(undefined);

  // A run started earlier and still going is picked up again, so leaving the page loses nothing
  // and nobody starts the same week twice.
  const followsRuns = me.permissions.includes('analyses:read');
  useEffect(() => {
    let current = true;
    if (!followsRuns) return undefined;
    api
      .get<{ items: Run[] }>('/v1/analyses?limit=20')
      .then((answer) => {
        const going = answer.body.items.find((r) => r.status === 'queued' || r.status === 'running');
        if (current && going) setRun(going);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, followsRuns]);

  const send = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setUpload(undefined);
    setChecked(undefined);
    try {
      const sent = await sendSheets(api, { week, files, checkOnly, largest });
      if (sent.kind === 'checked')
        setChecked(`No problems found in the sheets for ${week}: upload them when you are ready.`);
      else setUpload(sent.upload);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  const analyse = async () => {
    setProblem(undefined);
    try {
      const answer = await api.send<Run>('POST', '/v1/analyses', { json: { week, purpose: 'safety_planning' } });
      setRun(answer.body);
    } catch (failure) {
      setProblem(failure);
    }
  };

  useEffect(() => {
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    const timer = setTimeout(async () => {
      try {
        setRun((await api.get<Run>(`/v1/analyses/${run.id}`)).body);
      } catch (failure) {
        setProblem(failure);
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [run, api]);

  const problems = problem instanceof ApiError ? problem.problem.problems : undefined;
  return (
    <section>
      <PageHeading>Weekly upload and analysis</PageHeading>
      <p>
        Upload the week's mapping sheets as CSV files (young_people.csv, relationships.csv, locations.csv, carers.csv,
        sightings.csv, concerns.csv) or as one workbook (a workbook over 4 MB is sent to storage first and read from
        there). Every problem is listed with its sheet, row and column; nothing is kept from an upload with problems.
      </p>
      <form onSubmit={send} class="upload">
        <label for="week">Week</label>
        <input id="week" type="week" required value={week} onInput={(e) => setWeek(e.currentTarget.value)} />
        <label for="files">Mapping sheets (CSV) or workbook (XLSX)</label>
        <input
          id="files"
          type="file"
          multiple
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
        />
        <div class="choice">
          <input
            id="check-only"
            type="checkbox"
            checked={checkOnly}
            onChange={(e) => setCheckOnly(e.currentTarget.checked)}
          />
          <label for="check-only">Only check the sheets (keep nothing)</label>
        </div>
        <button type="submit" class="primary" disabled={busy || files.length === 0}>
          {busy ? 'Uploading…' : checkOnly ? 'Check the sheets' : 'Upload the week'}
        </button>
      </form>

      {problems ? (
        <UploadProblems problem={(problem as ApiError).problem} />
      ) : (
        problem !== undefined && <ProblemView error={problem} />
      )}

      {checked && <p role="status">{checked}</p>}
      {upload && <UploadResult upload={upload} />}

      {me.permissions.includes('analyses:run') && (
        <section aria-labelledby="analysis-heading">
          <h2 id="analysis-heading">Analysis of {week}</h2>
          <p>Finds the week's peer groups from the links and the places young people are seen together.</p>
          <button
            type="button"
            onClick={analyse}
            disabled={run !== undefined && run.status !== 'completed' && run.status !== 'failed'}
          >
            Run the analysis
          </button>
          {run && <RunProgress run={run} />}
        </section>
      )}
    </section>
  );
}

function RunProgress({ run }: { run: Run }) {
  const words = {
    queued: 'Waiting to start…',
    running: 'Finding the peer groups…',
    completed: 'Finished.',
    failed: 'The analysis did not finish.',
  }[run.status];
  return (
    <div class="progress" role="status" aria-live="polite">
      <p>
        <strong>{words}</strong> {run.failureReason}
      </p>
      {run.status !== 'completed' && run.status !== 'failed' && <progress aria-label="Analysis progress" />}
      {run.status === 'completed' && (
        <p>
          {run.summary?.clusterCount ?? 0} peer groups among {run.summary?.youngPeopleIncluded ?? 0} young people.{' '}
          <a href="#/clusters">Go to the peer groups</a>
        </p>
      )}
    </div>
  );
}

function UploadProblems({ problem }: { problem: Problem }) {
  const rows = problem.problems ?? [];
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{problem.title}.</strong> {problem.detail} Nothing from these sheets was kept: fix the rows below and
        upload again.
      </p>
      <table>
        <caption>
          {problem.problemCount ?? rows.length} problem{(problem.problemCount ?? rows.length) === 1 ? '' : 's'} found
          {rows.length < (problem.problemCount ?? rows.length) ? ` (the first ${rows.length} shown)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Sheet</th>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">What to fix</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.sheet}:${row.row}:${row.column}:${row.message}`}>
              <td>{humanise(row.sheet)}</td>
              <td>{row.row}</td>
              <td>{row.column ?? ''}</td>
              <td>{row.value ?? ''}</td>
              <td>{row.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What an upload did, sheet by sheet; a failed one says why and what to do. */
function UploadResult({ upload }: { upload: Upload }) {
  return (
    <div class="result" role="status">
      <h2>
        {upload.status === 'completed' ? `Week ${upload.week} is uploaded` : `Week ${upload.week}: ${upload.status}`}
      </h2>
      {upload.failureReason && <p>{upload.failureReason}</p>}
      <table>
        <caption>What the upload changed, sheet by sheet</caption>
        <thead>
          <tr>
            <th scope="col">Sheet</th>
            <th scope="col">New</th>
            <th scope="col">Changed</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(upload.counts ?? {}).map(([sheet, count]) => (
            <tr key={sheet}>
              <th scope="row">{humanise(sheet)}</th>
              <td>{count.created}</td>
              <td>{count.updated}</td>
              <td>{count.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
