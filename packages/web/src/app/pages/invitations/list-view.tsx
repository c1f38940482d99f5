import { facilitatorsInWords } from '@peermap/domain/paper-words';
import { useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { InvitationList } from '../../api-types';
import { ColumnHeads, HumanisedOptions } from '../../forms';
import type { Me } from '../../session';
import { DownloadButton, humanise, ProblemIfAny, useAttempt } from '../../ui';
import { SessionFollowUps } from '../sessions/follow-ups';
import { dayInWords } from '../sessions/words';

/** A carer on any of the list's three lists. */
type Listed = InvitationList['invite' | 'askConsentFirst' | 'notInvited'][number];

const ATTENDANCE = ['invited', 'attended', 'apologies', 'no_response'];

const needsOf = (c: Listed) =>
  [
    c.preferredLanguage ? `speaks ${c.preferredLanguage}` : '',
    c.interpreterNeeded ? 'interpreter' : '',
    c.transportNeeded ? 'transport' : '',
    c.accessNeeds ?? '',
  ]
    .filter(Boolean)
    .join('; ');

type NameOf = (ref: string) => string;

/** An invitation list in its three parts, with attendance recorded against the version shown. */
export function ListView({
  api,
  me,
  list,
  nameOf,
  onChanged,
}: {
  api: Api;
  me: Me;
  list: InvitationList;
  nameOf: NameOf;
  onChanged: (list: InvitationList) => void;
}) {
  const canWrite = me.permissions.includes('invitations:write');
  const { error, confirmed, record } = useAttendance(api, list, onChanged);
  return (
    <div class="invitation-list">
      <p>
        Session on {dayInWords(list.session.date)} at {list.session.time}, {list.session.venue}
        {list.session.facilitators.length > 0 ? `, with ${facilitatorsInWords(list.session.facilitators)}` : ''}.
      </p>
      {me.permissions.includes('exports:create') && (
        <div class="actions no-print">
          <DownloadButton api={api} path={`/v1/invitation-lists/${list.id}/export?format=docx`}>
            Download the list (Word)
          </DownloadButton>
          <DownloadButton api={api} path={`/v1/invitation-lists/${list.id}/export?format=csv`}>
            Download the list (CSV)
          </DownloadButton>
        </div>
      )}
      {list.sizeWarning && <SizeWarning warning={list.sizeWarning} nameOf={nameOf} />}
      {confirmed && <p role="status">{confirmed}</p>}
      <InviteTable list={list} nameOf={nameOf} onRecord={canWrite ? record : undefined} />
      <ConsentTable list={list} nameOf={nameOf} />
      <NotInvitedTable list={list} nameOf={nameOf} />
      <ProblemIfAny error={error} />
      <SessionFollowUps api={api} me={me} session={list} onChanged={onChanged} withAttendance={false} />
    </div>
  );
}

/** Records one carer's attendance against the version shown, and says what was saved. */
export function useAttendance(api: Api, list: InvitationList, onChanged: (list: InvitationList) => void) {
  const { error, attempt } = useAttempt();
  const [confirmed, setConfirmed] = useState<string | undefined>(undefined);
  const record = (carerRef: string, outcome: string) =>
    attempt(async () => {
      setConfirmed(undefined);
      const answer = await api.send('PATCH', '/v1/invitation-lists/{id}', {
        params: { id: list.id },
        json: { attendance: { [carerRef]: outcome } },
        ifMatch: `"${list.version}"`,
      });
      onChanged(answer.body);
      const carer = answer.body.invite.find((c) => c.carerRef === carerRef)?.name ?? carerRef;
      setConfirmed(`Attendance saved: ${carer}, ${humanise(outcome)} (list version ${answer.body.version}).`);
    });
  return { error, confirmed, record };
}

/** A carer's attendance: a choice for those who record it, in words for others. */
export function AttendanceChoice({
  carer,
  list,
  onRecord,
}: {
  carer: Pick<Listed, 'carerRef' | 'name'>;
  list: InvitationList;
  onRecord: ((carerRef: string, outcome: string) => void) | undefined;
}) {
  const outcome = list.attendance[carer.carerRef] ?? 'invited';
  if (!onRecord) return <>{humanise(outcome)}</>;
  return (
    <select
      aria-label={`Attendance of ${carer.name}`}
      value={outcome}
      onChange={(e) => onRecord(carer.carerRef, e.currentTarget.value)}
    >
      <HumanisedOptions values={ATTENDANCE} />
    </select>
  );
}

function SizeWarning({ warning, nameOf }: { warning: NonNullable<InvitationList['sizeWarning']>; nameOf: NameOf }) {
  return (
    <p class="note">
      {warning.inviteCount} carers would be invited, more than {warning.limit} for one session. Smaller sessions, along
      the group's sub-groups:{' '}
      {warning.proposedSessions
        .map(
          (s, i) => `session ${i + 1} for ${s.youngPersonRefs.map(nameOf).join(', ')} (${s.carerRefs.length} carers)`,
        )
        .join('; ')}
      .
    </p>
  );
}

/** A carer's name and how they are related, heading their row. */
function CarerHeading({ carer }: { carer: Listed }) {
  return (
    <th scope="row">
      {carer.name} ({humanise(carer.relationship)})
    </th>
  );
}

const forWhom = (c: Listed, nameOf: NameOf) => c.youngPersonRefs.map(nameOf).join(', ');

function InviteTable({
  list,
  nameOf,
  onRecord,
}: {
  list: InvitationList;
  nameOf: NameOf;
  onRecord: ((carerRef: string, outcome: string) => void) | undefined;
}) {
  return (
    <table>
      <caption>Invite ({list.invite.length})</caption>
      <ColumnHeads names={['Carer', 'For', 'How to reach them', 'Needs', 'Attendance']} />
      <tbody>
        {list.invite.map((c) => (
          <tr key={c.carerRef}>
            <CarerHeading carer={c} />
            <td>{forWhom(c, nameOf)}</td>
            <td>{[humanise(c.contactRoute), c.phone ?? c.email ?? ''].filter(Boolean).join(': ')}</td>
            <td>{needsOf(c)}</td>
            <td>
              <AttendanceChoice carer={c} list={list} onRecord={onRecord} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConsentTable({ list, nameOf }: { list: InvitationList; nameOf: NameOf }) {
  return (
    <table>
      <caption>Ask for consent first ({list.askConsentFirst.length})</caption>
      <ColumnHeads names={['Carer', 'For', 'Who asks', 'Needs']} />
      <tbody>
        {list.askConsentFirst.map((c) => (
          <tr key={c.carerRef}>
            <CarerHeading carer={c} />
            <td>{forWhom(c, nameOf)}</td>
            <td>{c.askedBy ?? 'the key worker'}</td>
            <td>{needsOf(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NotInvitedTable({ list, nameOf }: { list: InvitationList; nameOf: NameOf }) {
  return (
    <table>
      <caption>Not invited ({list.notInvited.length})</caption>
      <ColumnHeads names={['Carer', 'For', 'Why not']} />
      <tbody>
        {list.notInvited.map((c) => (
          <tr key={c.carerRef}>
            <CarerHeading carer={c} />
            <td>{forWhom(c, nameOf)}</td>
            <td>{humanise(c.reason)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
