import type { AnalysisListItem } from '@peermap/contract';
import type { Problem } from '../../api';
import type { Run, Upload } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { humanise } from '../../ui';

export function RunProgress({ run }: { run: Run | AnalysisListItem }) {
  const summary = 'summary' in run ? run.summary : undefined;
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
          {summary?.clusterCount ?? 0} peer groups among {summary?.youngPeopleIncluded ?? 0} young people.{' '}
          <a href="#/clusters">Go to the peer groups</a>
        </p>
      )}
    </div>
  );
}

export function UploadProblems({ problem }: { problem: Problem }) {
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
        <ColumnHeads names={['Sheet', 'Row', 'Column', 'Value', 'What to fix']} />
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
export function UploadResult({ upload }: { upload: Upload }) {
  return (
    <div class="result" role="status">
      <h2>
        {upload.status === 'completed' ? `Week ${upload.week} is uploaded` : `Week ${upload.week}: ${upload.status}`}
      </h2>
      {upload.failureReason && <p>{upload.failureReason}</p>}
      <table>
        <caption>What the upload changed, sheet by sheet</caption>
        <ColumnHeads names={['Sheet', 'New', 'Changed', 'Unchanged']} />
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
