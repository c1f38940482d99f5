import { isPastSessionDate } from '@peermap/domain/uk-day';
import type { InvitationList } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { dayOf } from '../plan/plan-list';

/** How many invited carers have an outcome recorded after the session. */
const recorded = (list: InvitationList) =>
  list.invite.filter((carer) => (list.attendance[carer.carerRef] ?? 'invited') !== 'invited').length;

/** Whether the session is still to come or has been held (UK days). */
const statusOf = (list: InvitationList) => (isPastSessionDate(list.session.date, new Date()) ? 'held' : 'upcoming');

/** Every list made for the group, so a new list never hides the one where attendance was recorded. */
export function ListsTable({
  lists,
  openId,
  onOpen,
}: {
  lists: readonly InvitationList[];
  openId: string | undefined;
  onOpen: (id: string) => void;
}) {
  return (
    <table class="invitation-lists">
      <caption>Every invitation list for this group ({lists.length})</caption>
      <ColumnHeads names={['Session', 'Status', 'Made on', 'Version', 'Attendance recorded', 'Open']} />
      <tbody>
        {lists.map((list) => (
          <tr key={list.id}>
            <th scope="row">
              {dayOf(`${list.session.date}T12:00:00Z`)} at {list.session.time}, {list.session.venue}
            </th>
            <td>{statusOf(list)}</td>
            <td>{dayOf(list.createdAt)}</td>
            <td>{list.version}</td>
            <td>
              {recorded(list)} of {list.invite.length} invited
            </td>
            <td>
              {list.id === openId ? (
                'Shown below'
              ) : (
                <button type="button" onClick={() => onOpen(list.id)}>
                  Open the list for {list.session.date}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
