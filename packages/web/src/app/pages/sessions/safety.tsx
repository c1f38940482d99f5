import type { RiskAssessmentChange, RiskAssessmentView } from '@peermap/contract';
import { useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { InvitationList } from '../../api-types';
import { holds, type Me } from '../../session';
import { DownloadButton, Loading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../../ui';
import { AssessmentForm } from './safety-form';
import { becauseInWords, type CarerNames, carerNamesOf, PART_WORDS, standingInWords } from './safety-words';

interface Shown {
  view: RiskAssessmentView;
  etag: string;
}

type Step = 'risk-assessment/complete' | 'approval' | 'invitations-sent';

/**
 * A session made safe before anyone is invited: what the map suggests, the risk assessment the
 * lead writes and completes, its approval by a second person, and the facilitators' pack once
 * approved. Shown to those who read a session's safety (chairs and early help leads), never police.
 */
export function SessionSafety(props: SafetyProps) {
  return holds(props.me, 'sessions:read-safety') ? <SafetySection {...props} /> : null;
}

interface SafetyProps {
  api: Api;
  me: Me;
  session: Pick<InvitationList, 'id'>;
  onChanged: () => void;
}

function SafetySection({ api, me, session, onChanged }: SafetyProps) {
  const loaded = useLoad(async () => {
    const answer = await api.get('/v1/sessions/{id}/risk-assessment', { params: { id: session.id } });
    return { view: answer.body, etag: answer.etag ?? '' };
  }, session.id);
  const [changed, setChanged] = useState<Shown | undefined>(undefined);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const { error, attempt } = useAttempt();
  const shown = changed ?? loaded.data;
  const answered = (answer: { body: RiskAssessmentView; etag: string | undefined }, words: string) => {
    setChanged({ view: answer.body, etag: answer.etag ?? '' });
    setSaid(words);
    onChanged();
  };
  const save = (json: RiskAssessmentChange) =>
    attempt(async () => {
      const params = { id: session.id };
      const answer = await api.send('PATCH', '/v1/sessions/{id}/risk-assessment', {
        params,
        json,
        ifMatch: shown?.etag ?? '',
      });
      answered(answer, 'Risk assessment saved.');
    });
  const step = (path: Step, words: string) =>
    attempt(async () => {
      const answer = await api.send('POST', `/v1/sessions/{id}/${path}`, {
        params: { id: session.id },
        json: {},
        ifMatch: shown?.etag ?? '',
      });
      answered(answer, words);
    });
  const offer = (carerRef: string, name: string) =>
    attempt(async () => {
      const answer = await api.send('POST', '/v1/sessions/{id}/offer-another-session', {
        params: { id: session.id },
        json: { carerRef },
        ifMatch: shown?.etag ?? '',
      });
      answered(answer, `${name} is offered another session, and taken off this one.`);
    });
  return (
    <section class="session-safety" aria-labelledby="session-safety">
      <h2 id="session-safety">Making the session safe</h2>
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!shown && loaded.error === undefined && <Loading what="the risk assessment" />}
      {shown && (
        <SafetyParts key={shown.etag} api={api} me={me} view={shown.view} onSave={save} onStep={step} onOffer={offer} />
      )}
      {said && <p role="status">{said}</p>}
      <ProblemIfAny error={error} />
    </section>
  );
}

function SafetyParts({
  api,
  me,
  view,
  onSave,
  onStep,
  onOffer,
}: {
  api: Api;
  me: Me;
  view: RiskAssessmentView;
  onSave: (change: RiskAssessmentChange) => Promise<void>;
  onStep: (path: Step, words: string) => Promise<void>;
  onOffer: (carerRef: string, name: string) => Promise<void>;
}) {
  const names = carerNamesOf(view);
  const plans = holds(me, 'sessions:plan');
  return (
    <>
      <p class="standing">{standingInWords(view)}</p>
      <Suggestions view={view} names={names} />
      {plans ? (
        <AssessmentForm view={view} names={names} onSave={onSave} />
      ) : (
        <WrittenAssessment view={view} names={names} />
      )}
      {view.languageNotes.length > 0 && (
        <ul class="language-notes" aria-label="Words to change before completing">
          {view.languageNotes.map((note) => (
            <li key={`${note.field}-${note.phrase}`}>
              {PART_WORDS[note.field as keyof typeof PART_WORDS] ?? note.field}: “{note.phrase}” – try “
              {note.suggestion}”
            </li>
          ))}
        </ul>
      )}
      {plans && <Offers view={view} names={names} onOffer={onOffer} />}
      <Steps api={api} me={me} view={view} onStep={onStep} />
    </>
  );
}

/** What the map suggests: pairs to keep apart and the carers with a safety note (a flag: its words stay on the record). */
function Suggestions({ view, names }: { view: RiskAssessmentView; names: CarerNames }) {
  const { keepApart, safetyNotes, missing } = view.suggestions;
  const nameOf = (ref: string) => names.get(ref) ?? ref;
  if (keepApart.length === 0 && safetyNotes.length === 0 && missing.length === 0) return null;
  return (
    <div class="suggestions">
      <h3>What the map suggests</h3>
      <ul>
        {keepApart.map((pair) => (
          <li key={pair.carerRefs.join('-')}>
            Keep {nameOf(pair.carerRefs[0])} and {nameOf(pair.carerRefs[1])} apart: {becauseInWords(pair.because)}
            {pair.kept ? ' (kept apart below).' : '.'}
          </li>
        ))}
        {safetyNotes.map((flag) => (
          <li key={flag.carerRef}>
            {flag.name} has a safety note on their record: read it there, and think about who else comes.
          </li>
        ))}
        {missing.length > 0 && <li>Still to write: {missing.map((part) => PART_WORDS[part]).join(', ')}.</li>}
      </ul>
    </div>
  );
}

/** The assessment as an approver reads it, without changing it. */
function WrittenAssessment({ view, names }: { view: RiskAssessmentView; names: CarerNames }) {
  const assessment = view.riskAssessment;
  if (!assessment) return <p>The lead has not written the risk assessment yet.</p>;
  return (
    <dl class="written-assessment">
      {(Object.keys(PART_WORDS) as (keyof typeof PART_WORDS)[]).map((part) => (
        <div key={part}>
          <dt>
            <strong>{PART_WORDS[part]}</strong>
          </dt>
          <dd>{assessment[part] || 'not written yet'}</dd>
        </div>
      ))}
      <div>
        <dt>
          <strong>Carers kept apart</strong>
        </dt>
        <dd>
          {assessment.keepApart.length === 0
            ? 'nobody'
            : assessment.keepApart
                .map((pair) => `${pair.carerRefs.map((ref) => names.get(ref) ?? ref).join(' and ')}: ${pair.reason}`)
                .join('; ')}
        </dd>
      </div>
    </dl>
  );
}

/** For each pair kept apart whose carers could both come: offer one of them another session. */
function Offers({
  view,
  names,
  onOffer,
}: {
  view: RiskAssessmentView;
  names: CarerNames;
  onOffer: (carerRef: string, name: string) => Promise<void>;
}) {
  const mayCome = new Set(view.carers.filter((c) => c.listed !== 'not_invited').map((c) => c.carerRef));
  const together = (view.riskAssessment?.keepApart ?? []).filter((pair) => pair.carerRefs.every((r) => mayCome.has(r)));
  if (together.length === 0) return null;
  return (
    <div class="offers">
      <h3>Carers kept apart who could both come</h3>
      <p>Offer one of each pair another session before the assessment is approved. Nobody else is told why.</p>
      {together.map((pair) => (
        <p key={pair.carerRefs.join('-')}>
          {pair.carerRefs.map((ref) => (
            <button key={ref} type="button" onClick={() => onOffer(ref, names.get(ref) ?? ref)}>
              Offer {names.get(ref) ?? ref} another session
            </button>
          ))}
        </p>
      ))}
    </div>
  );
}

/** Complete, approve (a second person), mark sent, and the pack once approved. */
function Steps({
  api,
  me,
  view,
  onStep,
}: {
  api: Api;
  me: Me;
  view: RiskAssessmentView;
  onStep: (path: Step, words: string) => Promise<void>;
}) {
  const assessment = view.riskAssessment;
  const completedByMe = assessment?.completedBy === me.userId;
  const waitingForApproval = view.status === 'assessed';
  const approved = view.status === 'approved' || (view.status === 'invitations_sent' && !!assessment?.approvedBy);
  return (
    <div class="actions">
      {holds(me, 'sessions:plan') && view.status === 'planned' && view.suggestions.missing.length === 0 && (
        <button type="button" onClick={() => onStep('risk-assessment/complete', 'Risk assessment completed.')}>
          Complete the risk assessment
        </button>
      )}
      {holds(me, 'sessions:approve') && waitingForApproval && (
        <>
          <button
            type="button"
            disabled={completedByMe}
            aria-describedby={completedByMe ? 'approve-why-not' : undefined}
            onClick={() => onStep('approval', 'Risk assessment approved: invitations can go out.')}
          >
            Approve the risk assessment
          </button>
          {completedByMe && (
            <p id="approve-why-not" class="hint">
              You completed this assessment: a second person (a chair or another lead) approves it.
            </p>
          )}
        </>
      )}
      {holds(me, 'sessions:plan') && view.status === 'approved' && (
        <button type="button" onClick={() => onStep('invitations-sent', 'Invitations marked sent.')}>
          Mark the invitations sent
        </button>
      )}
      {approved && holds(me, 'sessions:plan') && holds(me, 'exports:create') && (
        <DownloadButton api={api} path={`/v1/sessions/${view.sessionId}/pack?format=docx`}>
          Download the facilitators’ pack (Word)
        </DownloadButton>
      )}
    </div>
  );
}
