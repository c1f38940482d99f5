import type { ParentGroupView } from '@peermap/contract';
import { useEffect, useState } from 'preact/hooks';
import type { Answer, Api } from '../../api';
import type { PlanView } from '../../api-types';
import type { Words } from '../../app';
import type { Me } from '../../session';
import { ProblemIfAny, useAttempt } from '../../ui';
import { mayWritePlans, PlanSettingProvider } from '../plan/context';
import { currentPlan } from '../plan/current';
import { PlanEditor } from '../plan/editor';

/** A parent group's plan names no young person: nobody to tick, and no name to look up. */
const NO_YOUNG_PEOPLE: readonly string[] = [];
const asWritten = (ref: string) => ref;

/**
 * The group's own plan, its joint safeguarding strategy: begun with a summary in the parents'
 * words, then edited, its words checked and agreed in the same editor as any plan.
 */
export function GroupPlanPart({ api, me, words, view }: { api: Api; me: Me; words: Words; view: ParentGroupView }) {
  const current = currentPlan(view.plans);
  const [opened, setOpened] = useState<{ view: PlanView; etag: string | undefined } | undefined>(undefined);
  const { error, attempt } = useAttempt();
  const show = async (answer: Promise<Answer<PlanView>>) => {
    const { body, etag } = await answer;
    setOpened({ view: body, etag });
  };
  const currentId = current?.id;
  useEffect(() => {
    if (currentId && !opened) void attempt(() => show(api.get('/v1/action-plans/{id}', { params: { id: currentId } })));
  }, [currentId]);
  const begin = (event: Event) => {
    event.preventDefault();
    const summary = String(new FormData(event.currentTarget as HTMLFormElement).get('summary')).trim();
    return attempt(() =>
      show(
        api.send('POST', '/v1/parent-groups/{id}/plans', {
          params: { id: view.group.id },
          json: { summary, actions: [] },
        }),
      ),
    );
  };
  return (
    <section aria-labelledby="group-plan">
      <h2 id="group-plan">The group’s plan: joint safeguarding strategy</h2>
      <p>
        The parents’ own plan, made with early help: what they want for their children in their own words, and the
        actions they and the agencies agree. It names no young person, as every family in the group reads it.
      </p>
      {!currentId && !opened && mayWritePlans(me) && (
        <form onSubmit={begin} class="session">
          <label for="group-plan-summary">What the parents want, in their words</label>
          <textarea id="group-plan-summary" name="summary" required rows={4} maxLength={5000} />
          <button type="submit" class="primary">
            Begin the group’s plan
          </button>
        </form>
      )}
      {!currentId && !opened && !mayWritePlans(me) && <p>The group has no plan yet.</p>}
      <ProblemIfAny error={error} />
      {opened?.etag && (
        <PlanSettingProvider value={{ api, me, words, youngPersonRefs: NO_YOUNG_PEOPLE, nameOf: asWritten }}>
          <PlanEditor
            key={opened.view.plan.id}
            view={opened.view}
            etag={opened.etag}
            onSaved={(saved, etag) => setOpened({ view: saved, etag })}
          />
        </PlanSettingProvider>
      )}
    </section>
  );
}
