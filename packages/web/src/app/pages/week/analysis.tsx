import type { AnalysisListItem } from '@peermap/contract';
import { useEffect, useState } from 'preact/hooks';
import type { Run } from '../../api-types';
import type { PageContext } from '../../app';
import { RunProgress } from './results';

const isGoing = (run: Run | AnalysisListItem | undefined) =>
  run !== undefined && run.status !== 'completed' && run.status !== 'failed';

/** The week's analysis run, followed until it finishes. */
function useAnalysisRun(api: PageContext['api'], followsRuns: boolean, setProblem: (problem: unknown) => void) {
  const [run, setRun] = useState<Run | AnalysisListItem | undefined>(undefined);
  // A run started earlier and still going is picked up again, so leaving the page loses nothing
  // and nobody starts the same week twice.
  useEffect(() => {
    let current = true;
    if (!followsRuns) return undefined;
    api
      .get('/v1/analyses', { query: { limit: 20 } })
      .then((answer) => {
        const going = answer.body.items.find((r) => r.status === 'queued' || r.status === 'running');
        if (current && going) setRun(going);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, followsRuns]);

  useEffect(() => {
    if (!run || !isGoing(run)) return;
    const timer = setTimeout(async () => {
      try {
        setRun((await api.get('/v1/analyses/{id}', { params: { id: run.id } })).body);
      } catch (failure) {
        setProblem(failure);
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [run, api]);

  const analyse = async (week: string) => {
    setProblem(undefined);
    try {
      const answer = await api.send('POST', '/v1/analyses', { json: { week, purpose: 'safety_planning' } });
      setRun(answer.body);
    } catch (failure) {
      setProblem(failure);
    }
  };
  return { run, analyse };
}

/** Runs the week's analysis and shows how far it has got. */
export function AnalysisSection({
  api,
  me,
  week,
  setProblem,
}: Pick<PageContext, 'api' | 'me'> & { week: string; setProblem: (problem: unknown) => void }) {
  const { run, analyse } = useAnalysisRun(api, me.permissions.includes('analyses:read'), setProblem);
  if (!me.permissions.includes('analyses:run')) return null;
  return (
    <section aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">Analysis of {week}</h2>
      <p>Finds the week's peer groups from the links and the places young people are seen together.</p>
      <button type="button" onClick={() => analyse(week)} disabled={isGoing(run)}>
        Run the analysis
      </button>
      {run && <RunProgress run={run} />}
    </section>
  );
}
