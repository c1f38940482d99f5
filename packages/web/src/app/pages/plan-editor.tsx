import { useEffect, useState } from 'preact/hooks';
import type { Answer, Api } from '../api';
import type { ClusterReport, Plan, PlanView } from '../api-types';
import type { Words } from '../app';
import type { Me } from '../session';
import { Loading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';
import { useKeptRecords } from './kept-records';
import { mayWritePlans, PlanSettingProvider, usePlanSetting } from './plan/context';
import { currentPlan } from './plan/current';
import { PlanEditor } from './plan/editor';
import { PlanList } from './plan/plan-list';

/** The group's action plan: drafted from the partnership's rules, edited with the words checked, agreed by the chair. */
export function PlanPanel(setting: {
  api: Api;
  me: Me;
  words: Words;
  cluster: ClusterReport;
  nameOf: (ref: string) => string;
}) {
  return (
    <PlanSettingProvider value={{ ...setting, youngPersonRefs: setting.cluster.memberRefs }}>
      <section aria-labelledby="plan">
        <h2 id="plan">Action plan</h2>
        <PlanChoice cluster={setting.cluster} />
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

/** The group's plans as last read, with each plan the page has since saved, drafted or moved in their place. */
function useGroupPlans(cluster: ClusterReport) {
  const { api } = usePlanSetting();
  const listed = useLoad(
    async () => (await api.get('/v1/clusters/{id}/action-plans', { params: { id: cluster.clusterId } })).body.items,
    cluster.clusterId,
  );
  const { records: plans, remember } = useKeptRecords<Plan>(listed.data);
  return { plans, error: listed.error, remember };
}

/** Opens the group's current plan (agreed, else the latest draft), lists every plan, and drafts the first. */
function PlanChoice({ cluster }: { cluster: ClusterReport }) {
  const { api, me } = usePlanSetting();
  const { opened, error, attempt, show } = useOpenPlan();
  const { plans, error: listError, remember } = useGroupPlans(cluster);
  const current = plans && currentPlan(plans);
  const showAnswer = async (answer: Promise<Answer<PlanView>>) => {
    const { body, etag } = await answer;
    remember(body.plan);
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
  const currentId = current?.id;
  useEffect(() => {
    if (currentId && !opened) void open(currentId);
  }, [currentId]);
  return (
    <>
      {listError !== undefined && <ProblemView error={listError} />}
      {!plans && !listError && <Loading what="the plans" />}
      {plans?.length === 0 && (
        <div class="actions">
          <p>There is no plan for this group yet.</p>
          {mayWritePlans(me) && (
            <button type="button" onClick={draft}>
              Draft a new plan from the partnership's rules
            </button>
          )}
        </div>
      )}
      {plans && plans.length > 0 && (
        <PlanList plans={plans} currentId={currentId} openId={opened?.view.plan.id} onOpen={open} />
      )}
      <ProblemIfAny error={error} />
      {opened?.etag && (
        <PlanEditor
          key={opened.view.plan.id}
          view={opened.view}
          etag={opened.etag}
          onSaved={(view, etag) => {
            remember(view.plan);
            show(view, etag);
          }}
        />
      )}
    </>
  );
}
