import type { Plan } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { plansNewestFirst } from './current';

const UK_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** A moment's day as a chair says it: "7 December 2026". */
export const dayOf = (timestamp: string) => UK_DAY.format(new Date(timestamp));

/** A moment as a chair says it: "7 December 2026 at 22:48" (UK time). */
export const momentOf = (timestamp: string) => `${dayOf(timestamp)} at ${UK_TIME.format(new Date(timestamp))}`;

/** Every plan of the group with its status, version and date, so none is lost behind the one on show. */
export function PlanList({
  plans,
  currentId,
  openId,
  onOpen,
}: {
  plans: readonly Plan[];
  currentId: string | undefined;
  openId: string | undefined;
  onOpen: (id: string) => void;
}) {
  return (
    <table class="plan-list">
      <caption>Every plan for this group ({plans.length})</caption>
      <ColumnHeads names={['Version', 'Status', 'Last changed', 'Open']} />
      <tbody>
        {plansNewestFirst(plans).map((plan) => (
          <tr key={plan.id}>
            <th scope="row">
              Version {plan.version}
              {plan.id === currentId ? ' (current plan)' : ''}
            </th>
            <td>{plan.status}</td>
            <td>{dayOf(plan.updatedAt)}</td>
            <td>
              {plan.id === openId ? (
                'Shown below'
              ) : (
                <button type="button" onClick={() => onOpen(plan.id)}>
                  Open version {plan.version} ({plan.status})
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
