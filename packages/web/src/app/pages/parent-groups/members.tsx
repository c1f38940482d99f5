import type { ParentGroupView } from '@peermap/contract';
import type { CarerView } from '@peermap/domain';
import { todayOf } from '@peermap/domain/uk-day';
import type { Api } from '../../api';
import { allPages } from '../../data';
import { ColumnHeads } from '../../forms';
import { ProblemIfAny, ProblemView, useAttempt, useLoad } from '../../ui';
import { dayInWords } from '../sessions/words';
import { contactInWords } from './words';

interface MembersProps {
  api: Api;
  view: ParentGroupView;
  mayWrite: boolean;
  onChanged: (view: ParentGroupView) => void;
}

/** The group's members as their carer records stand today, each with whether the group may contact them. */
export function MembersPart({ api, view, mayWrite, onChanged }: MembersProps) {
  const { error, attempt } = useAttempt();
  const leave = (carerRef: string) =>
    attempt(async () => {
      const id = view.group.id;
      const answer = await api.send('DELETE', '/v1/parent-groups/{id}/members/{carerRef}', {
        params: { id, carerRef },
      });
      onChanged(answer.body);
    });
  return (
    <section aria-labelledby="members">
      <h2 id="members">Members</h2>
      {view.members.length === 0 && <p>No parent has joined the group yet.</p>}
      {view.members.length > 0 && (
        <table class="members">
          <caption>Members, as their records stand today</caption>
          <ColumnHeads
            names={['Parent or carer', 'Joined on', 'Children on the map', 'Contact', ...(mayWrite ? ['Leaving'] : [])]}
          />
          <tbody>
            {view.members.map((member) => (
              <tr key={member.carerRef}>
                <th scope="row">{member.name ?? member.carerRef}</th>
                <td>{dayInWords(member.joinedOn)}</td>
                <td>{member.youngPersonRefs.length}</td>
                <td>{contactInWords(member)}</td>
                {mayWrite && (
                  <td>
                    <button
                      type="button"
                      onClick={() => leave(member.carerRef)}
                      aria-label={`${member.name ?? member.carerRef} leaves the group`}
                    >
                      Leaves the group
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemIfAny error={error} />
      {mayWrite && view.group.status === 'active' && <AddParent api={api} view={view} onChanged={onChanged} />}
    </section>
  );
}

/** Carers who could join: consent given, nothing that stops contact, not yet members. */
const mayJoin = (carer: CarerView, view: ParentGroupView) =>
  carer.consent?.status === 'given' &&
  !carer.doNotContact &&
  !carer.safetyNote &&
  !view.members.some((member) => member.carerRef === carer.ref);

/** A parent joins on a day: chosen from the carers on the map who gave consent. */
function AddParent({ api, view, onChanged }: Omit<MembersProps, 'mayWrite'>) {
  const carers = useLoad(() => allPages((query) => api.get('/v1/carers', { query })), 'carers');
  const { error, attempt } = useAttempt();
  const add = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    return attempt(async () => {
      const answer = await api.send('POST', '/v1/parent-groups/{id}/members', {
        params: { id: view.group.id },
        json: { carerRef: String(form.get('carer')), joinedOn: String(form.get('joinedOn')) },
      });
      onChanged(answer.body);
    });
  };
  const choices = (carers.data ?? [])
    .filter((carer) => mayJoin(carer, view))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <form onSubmit={add} class="session">
      <h3>Add a parent</h3>
      <p class="subtle">
        Only parents and carers who gave consent to be contacted, and whom nothing stops contacting, are offered. Record
        a parent’s consent on the carers page first.
      </p>
      {carers.error !== undefined && <ProblemView error={carers.error} />}
      <label for="join-carer">Parent or carer</label>
      <select id="join-carer" name="carer" required>
        <option value="">Choose a parent or carer</option>
        {choices.map((carer) => (
          <option key={carer.ref} value={carer.ref}>
            {carer.name} ({carer.ref})
          </option>
        ))}
      </select>
      <label for="join-on">Joined on</label>
      <input id="join-on" name="joinedOn" type="date" required max={todayOf(new Date())} value={todayOf(new Date())} />
      <button type="submit" class="primary">
        Add to the group
      </button>
      <ProblemIfAny error={error} />
    </form>
  );
}
