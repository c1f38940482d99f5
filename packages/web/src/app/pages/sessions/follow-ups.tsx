import type { SessionFollowUps as FollowUpsView, NewFollowUp, Vocabulary } from '@peermap/contract';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { InvitationList } from '../../api-types';
import { ColumnHeads, wordFor } from '../../forms';
import type { Me } from '../../session';
import { Loading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../../ui';
import { AttendanceChoice, useAttendance } from '../invitations/list-view';
import { AddFollowUpForm } from './follow-ups-add';
import { type FollowUpChange, FollowUpsTable, type OwnerWords, SuggestionsForm } from './follow-ups-tables';

/**
 * A held session's follow-through: who came, then who could not come and what is owed to them
 * (the session's messages, an invitation to the next), with an owner and a due day, until done.
 * The open ones are on the next MADP meeting's agenda. Roles that do not read carers see counts.
 */
export function SessionFollowUps({
  api,
  me,
  session,
  onChanged,
  withAttendance = true,
}: {
  api: Api;
  me: Me;
  session: InvitationList;
  onChanged: (session: InvitationList) => void;
  /** Off where the invitation list around it already records who came. */
  withAttendance?: boolean;
}) {
  const loaded = useLoad(async () => {
    const [view, vocabulary] = await Promise.all([
      api.get('/v1/sessions/{id}/follow-ups', { params: { id: session.id } }),
      api.get('/v1/vocabulary'),
    ]);
    return { view: view.body, words: ownerWordsOf(vocabulary.body) };
  }, session.id);
  useReloadOnChange(session.version, loaded.reload);
  const headingId = `follow-ups-${session.id}`;
  return (
    <section aria-labelledby={headingId} class="follow-ups">
      {withAttendance && <WhoCame api={api} me={me} session={session} onChanged={onChanged} />}
      <h2 id={headingId}>Who could not come and what is owed to them</h2>
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!loaded.data && loaded.error === undefined && <Loading what="the follow-ups" />}
      {loaded.data && (
        <OwedToThem
          api={api}
          canPlan={me.permissions.includes('sessions:plan')}
          view={loaded.data.view}
          words={loaded.data.words}
          carers={session.invite}
          onChanged={onChanged}
        />
      )}
    </section>
  );
}

/**
 * Reads the follow-ups again once the list has moved on (attendance recorded, a follow-up saved),
 * keeping what is shown meanwhile so the focus and the last confirmation stay where they are.
 */
function useReloadOnChange(version: number, reload: () => void) {
  const shown = useRef(version);
  useEffect(() => {
    if (shown.current === version) return;
    shown.current = version;
    reload();
  });
}

const ownerWordsOf = (vocabulary: Vocabulary): OwnerWords => ({
  owners: vocabulary.actionOwners,
  labelOf: (owner) => wordFor(vocabulary.actionOwnerLabels, owner) ?? owner,
});

/** Attendance per invited carer, recorded as on the invitation list. */
function WhoCame({
  api,
  me,
  session,
  onChanged,
}: {
  api: Api;
  me: Me;
  session: InvitationList;
  onChanged: (session: InvitationList) => void;
}) {
  const { error, confirmed, record } = useAttendance(api, session, onChanged);
  const onRecord = me.permissions.includes('invitations:write') ? record : undefined;
  return (
    <>
      {confirmed && <p role="status">{confirmed}</p>}
      <table>
        <caption>Who came ({session.invite.length} invited)</caption>
        <ColumnHeads names={['Carer', 'Attendance']} />
        <tbody>
          {session.invite.map((carer) => (
            <tr key={carer.carerRef}>
              <th scope="row">{carer.name}</th>
              <td>
                <AttendanceChoice carer={carer} list={session} onRecord={onRecord} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemIfAny error={error} />
    </>
  );
}

/** The counts, the suggestions to accept, the follow-ups recorded, and the carers not to be contacted now. */
function OwedToThem({
  api,
  canPlan,
  view,
  words,
  carers,
  onChanged,
}: {
  api: Api;
  canPlan: boolean;
  view: FollowUpsView;
  words: OwnerWords;
  /** The carers the session invited: any of them may be owed a follow-up. */
  carers: readonly { carerRef: string; name: string }[];
  onChanged: (session: InvitationList) => void;
}) {
  const nameOf = (ref: string) => carers.find((carer) => carer.carerRef === ref)?.name ?? ref;
  const { error, saved, accept, change } = useFollowUpChanges(api, view, onChanged);
  return (
    <>
      <p>{countsInWords(view)}</p>
      {saved && <p role="status">{saved}</p>}
      {view.couldNotCome && <NotToContact view={view} />}
      {view.suggestions && view.suggestions.length > 0 && (
        <SuggestionsForm
          key={view.version}
          view={view}
          words={words}
          nameOf={nameOf}
          canPlan={canPlan}
          onAccept={accept}
        />
      )}
      {view.followUps && view.followUps.length > 0 && (
        <FollowUpsTable view={view} words={words} nameOf={nameOf} canPlan={canPlan} onChange={change} />
      )}
      {canPlan && view.held && (
        <AddFollowUpForm key={view.version} carers={carers} words={words} onAdd={(one) => accept([one])} />
      )}
      <ProblemIfAny error={error} />
    </>
  );
}

/** Accepts suggestions and changes follow-ups at the version shown, then hands the list as it now is to the page. */
function useFollowUpChanges(api: Api, view: FollowUpsView, onChanged: (session: InvitationList) => void) {
  const { error, attempt } = useAttempt();
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const id = view.sessionId;
  /** After a change the list's version has moved on: the page around takes the list as it now is. */
  const done = async (message: string) => {
    onChanged((await api.get('/v1/invitation-lists/{id}', { params: { id } })).body);
    setSaved(message);
  };
  const accept = (chosen: readonly NewFollowUp[]) =>
    attempt(async () => {
      let version = view.version;
      for (const suggestion of chosen) {
        const answer = await api.send('POST', '/v1/sessions/{id}/follow-ups', {
          params: { id },
          json: suggestion,
          ifMatch: `"${version}"`,
        });
        version = answer.body.version;
      }
      await done(`${chosen.length} follow-up${chosen.length === 1 ? '' : 's'} recorded.`);
    });
  const change = (followUpId: string, json: FollowUpChange, message: string) =>
    attempt(async () => {
      await api.send('PATCH', '/v1/sessions/{id}/follow-ups/{followUpId}', {
        params: { id, followUpId },
        json,
        ifMatch: `"${view.version}"`,
      });
      await done(message);
    });
  return { error, saved, accept, change };
}

function countsInWords(view: FollowUpsView): string {
  if (!view.held) {
    return 'Follow-ups are suggested once the session has been held: record who came on its day or after it.';
  }
  const { open, done, overdue } = view.counts;
  if (open + done === 0) {
    return view.suggestions?.length
      ? 'Nothing is recorded yet. These follow-ups are suggested for the carers who could not come.'
      : 'No follow-up is owed: everyone invited came, or nobody who could not come may be contacted now.';
  }
  const late = overdue > 0 ? ` (${overdue} past the due day)` : '';
  return `${open} open${late} and ${done} done. The open ones are on the next MADP meeting's agenda until they are done.`;
}

/** Carers who could not come and are not to be contacted about it now, and why. */
function NotToContact({ view }: { view: FollowUpsView }) {
  const left = (view.couldNotCome ?? []).filter((carer) => carer.whyNotFollowedUp);
  if (left.length === 0) return null;
  return (
    <ul class="note">
      {left.map((carer) => (
        <li key={carer.carerRef}>
          {carer.name} is not followed up: {carer.whyNotFollowedUp}.
        </li>
      ))}
    </ul>
  );
}
