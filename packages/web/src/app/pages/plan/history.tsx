import { dateInWords } from '@peermap/domain/paper-words';
import type { Plan } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { ProblemView, useLoad } from '../../ui';
import { usePlanWords } from './action-fields';
import { usePlanSetting } from './context';
import { momentOf } from './plan-list';

/**
 * Every version of the plan on show, oldest first: once an agreed plan is changed, what the
 * meeting agreed is still here to read, word for word.
 */
export function PlanHistory({ plan }: { plan: Plan }) {
  const { api } = usePlanSetting();
  const { ownerLabel } = usePlanWords();
  const versions = useLoad(
    async () => (await api.get('/v1/action-plans/{id}/versions', { params: { id: plan.id } })).body.items,
    `${plan.id}:${plan.version}`,
  );
  if (versions.error !== undefined) return <ProblemView error={versions.error} />;
  const earlier = (versions.data ?? []).filter((each) => each.version < plan.version && each.status !== 'draft');
  if (earlier.length === 0) return null;
  return (
    <table class="plan-history">
      <caption>Agreed and reviewed versions of this plan ({earlier.length})</caption>
      <ColumnHeads names={['Version', 'Status', 'On', 'What it said']} />
      <tbody>
        {earlier.map((each) => (
          <tr key={each.version}>
            <th scope="row">Version {each.version}</th>
            <td>{each.status}</td>
            <td>{momentOf(each.updatedAt)}</td>
            <td>
              <details>
                <summary>The summary and {each.actions.length} actions</summary>
                <p>{each.summary}</p>
                <ul>
                  {each.actions.map((action) => (
                    <li key={action.id}>
                      {action.description} ({ownerLabel(action.ownerAgency)}, by {dateInWords(action.dueOn)})
                    </li>
                  ))}
                </ul>
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
