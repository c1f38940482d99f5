import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import type { PageContext } from '../app';
import { PageHeading, ProblemView } from '../ui';
import { AnalysisSection } from './week/analysis';
import { UploadProblems, UploadResult } from './week/results';
import { LARGEST_DIRECT_UPLOAD, thisWeek } from './week/send';
import { UploadForm } from './week/upload-form';
import { useUpload } from './week/uploads';

export function WeekPage({ api, me, config }: PageContext) {
  const [week, setWeek] = useState(thisWeek());
  const [problem, setProblem] = useState<unknown>(undefined);
  const { busy, upload, checked, send } = useUpload(api, config.largeUploadBytes ?? LARGEST_DIRECT_UPLOAD, setProblem);
  return (
    <section>
      <PageHeading>Weekly upload and analysis</PageHeading>
      <p>
        Upload the week's mapping sheets as CSV files (young_people.csv, relationships.csv, locations.csv, carers.csv,
        sightings.csv, concerns.csv) or as one workbook (a workbook over 4 MB is sent to storage first and read from
        there). Every problem is listed with its sheet, row and column; nothing is kept from an upload with problems.
      </p>
      <UploadForm week={week} onWeek={setWeek} busy={busy} onSend={send} />

      {problem instanceof ApiError && problem.problem.problems ? (
        <UploadProblems problem={problem.problem} />
      ) : (
        problem !== undefined && <ProblemView error={problem} />
      )}

      {checked && <p role="status">{checked}</p>}
      {upload && <UploadResult upload={upload} />}

      <AnalysisSection api={api} me={me} week={week} setProblem={setProblem} />
    </section>
  );
}
