import { useState } from 'preact/hooks';
import type { Answer, Api } from '../api';
import type { ClusterReport, PlanView } from '../api-types';
import type { Words } from '../app';
import type { Me } from '../session';
import { Loading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';
import { PlanSettingProvider, useMayWritePlan, usePlanSetting } from './plan/context';
import { PlanEditor } from './plan/editor';

/** The group's action plan: drafted from the partnership's rules, edited with the words checked, agreed by the chair. */
export function PlanPanel(setting: {
  api: Api;
  me: Me;
  words: Words;
  cluster: ClusterReport;
  nameOf: (ref: string) => string;
}) {
  return (
    <PlanSettingProvider value={setting}>
      <section aria-labelledby="plan">
        <h2 id="plan">Action plan</h2>
        <PlanChoice />
      </section>
    </PlanSettingProvider>
  );
}

/** The plan on the page, as the API last answered it, with the version the next change names. */
function useOpenPlan() {
  const [opened, setOpened] = useState<{ view: PlanView; etag: string | undefined } | undefined>(undefined);
  const { error, attempt } = useAttempt();
  const show = (view: PlanView, etag: string | undefined) => setOpened({ view, etag });
  return { opened, error, attempt, show };
}

/** Open the group's latest plan or draft a new one; then edit it. */
function PlanChoice() {
  const { api, cluster } = usePlanSetting();
  const { opened, error, attempt, show } = useOpenPlan();
  const plans = useLoad(
    async () => (await api.get('/v1/clusters/{id}/action-plans', { params: { id: cluster.clusterId } })).body.items,
    cluster.clusterId,
  );
  const canWrite = useMayWritePlan();
  const latest = plans.data?.[0];
  const showAnswer = async (answer: Promise<Answer<PlanView>>) => {
    const { body, etag } = await answer;
    show(body, etag);
  };
  const open = (id: string) => attempt(() => showAnswer(api.get('/v1/action-plans/{id}', { params: { id } })));
  const draft = () =>
    attempt(() =>
      showAnswer(
        api.send('POST', '/v1/clusters/{id}/action-plans', {
          params: { id: cluster.clusterId },
          query: { week: cluster.week },
          json: {},
        }),
      ),
    );
  return (
    <>
      {plans.error !== undefined && <ProblemView error={plans.error} />}
      {!plans.data && !plans.error && <Loading what="the plans" />}
      {plans.data && !opened && (
        <div class="actions">
          {latest ? (
            <button type="button" onClick={() => open(latest.id)}>
              Open the plan ({latest.status}, version {latest.version})
            </button>
          ) : (
            <p>There is no plan for this group yet.</p>
          )}
          {canWrite && (
            <button type="button" onClick={draft}>
              Draft a new plan from the partnership's rules
            </button>
          )}
        </div>
      )}
      <ProblemIfAny error={error} />
      {opened?.etag && <PlanEditor view={opened.view} etag={opened.etag} onSaved={show} />}
    </>
  );
}
