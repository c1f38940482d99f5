import type { SessionFeedback } from '@peermap/domain';
import { todayOf } from '@peermap/domain/uk-day';
import { useState } from 'preact/hooks';
import type { Api } from '../../api';
import type { InvitationList } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { holds, type Me } from '../../session';
import { Loading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../../ui';
import {
  anyMeasureGiven,
  FEEDBACK_MEASURE_WORDS,
  FEEDBACK_MEASURES,
  type Measures,
  MeasuresInput,
  NO_MEASURES,
  pairInWords,
} from './feedback-measures';
import { dayInWords } from './words';

interface SectionProps {
  api: Api;
  me: Me;
  session: InvitationList;
  /** Called after feedback is recorded, so the page around can refresh what it counts. */
  onChanged?: () => void;
}

/**
 * Parents' feedback on a session: what they said, in their words, with the three measures
 * before and after; a form for the lead to record it; and a one-time link for a parent to give it
 * themselves without signing in.
 */
export function FeedbackSection(props: SectionProps) {
  // Roles that may not read feedback are not asked for it, nor told it exists.
  return holds(props.me, 'feedback:read') ? <FeedbackShown {...props} /> : null;
}

function FeedbackShown({ api, me, session, onChanged }: SectionProps) {
  const loaded = useLoad(
    async () => (await api.get('/v1/sessions/{id}/feedback', { params: { id: session.id } })).body.items,
    session.id,
  );
  const dayHasCome = session.session.date <= todayOf(new Date());
  const mayWrite = holds(me, 'feedback:write') && dayHasCome && session.status !== 'cancelled';
  const changed = () => {
    loaded.reload();
    onChanged?.();
  };
  return (
    <section class="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">What parents said</h2>
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!loaded.data && loaded.error === undefined && <Loading what="the feedback" />}
      {loaded.data && <FeedbackList items={loaded.data} session={session} />}
      {mayWrite && <FeedbackEntryForm api={api} session={session} onSaved={changed} />}
      {mayWrite && <OneTimeLink api={api} session={session} />}
      {!dayHasCome && (
        <p class="subtle">Feedback can be recorded from the day of the session, {dayInWords(session.session.date)}.</p>
      )}
    </section>
  );
}

/** Who gave the feedback, as far as it says: an invited carer by name, or no one. */
function whoGave(feedback: SessionFeedback, session: InvitationList): string {
  if (!feedback.carerRef) return 'Anonymous';
  return session.invite.find((c) => c.carerRef === feedback.carerRef)?.name ?? feedback.carerRef;
}

function FeedbackList({ items, session }: { items: SessionFeedback[]; session: InvitationList }) {
  if (items.length === 0) return <p>No feedback yet.</p>;
  return (
    <table>
      <caption>
        {items.length} {items.length === 1 ? 'parent' : 'parents'} gave feedback (the measures from 1, not at all, to 5,
        very much: at the start → at the end)
      </caption>
      <ColumnHeads names={['Who', 'In their words', ...FEEDBACK_MEASURES.map((m) => FEEDBACK_MEASURE_WORDS[m])]} />
      <tbody>
        {items.map((f) => (
          <tr key={f.id}>
            <td>
              {whoGave(f, session)}
              <br />
              <span class="subtle">
                {f.enteredBy === 'parent_link' ? 'through a one-time link' : 'recorded by a worker'}
              </span>
            </td>
            <td>{f.words ? <q>{f.words}</q> : <span class="subtle">no words given</span>}</td>
            {FEEDBACK_MEASURES.map((m) => (
              <td key={m}>{pairInWords(f.measures[m])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Notes = { field: string; phrase: string; suggestion: string }[];

/** The lead records what a parent said: an invited carer or anonymous, their words, the measures. */
function FeedbackEntryForm({ api, session, onSaved }: { api: Api; session: InvitationList; onSaved: () => void }) {
  const [carerRef, setCarerRef] = useState('');
  const [words, setWords] = useState('');
  const [measures, setMeasures] = useState<Measures>(NO_MEASURES);
  const [saved, setSaved] = useState<{ who: string; notes: Notes } | undefined>(undefined);
  const { error, attempt } = useAttempt();
  const save = () =>
    attempt(async () => {
      setSaved(undefined);
      const answer = await api.send('POST', '/v1/sessions/{id}/feedback', {
        params: { id: session.id },
        json: { ...(carerRef ? { carerRef } : {}), ...(words.trim() ? { words: words.trim() } : {}), measures },
      });
      setSaved({ who: whoGave(answer.body.feedback, session), notes: answer.body.languageNotes });
      setCarerRef('');
      setWords('');
      setMeasures(NO_MEASURES);
      onSaved();
    });
  return (
    <form
      class="feedback-entry"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>Record a parent’s feedback</h3>
      <label for="feedback-carer">Who gave it</label>
      <select id="feedback-carer" value={carerRef} onChange={(e) => setCarerRef(e.currentTarget.value)}>
        <option value="">Anonymous (no name kept)</option>
        {session.invite.map((c) => (
          <option key={c.carerRef} value={c.carerRef}>
            {c.name}
          </option>
        ))}
      </select>
      <label for="feedback-words">In their own words</label>
      <textarea
        id="feedback-words"
        rows={4}
        maxLength={3000}
        value={words}
        onInput={(e) => setWords(e.currentTarget.value)}
      />
      <MeasuresInput idPrefix="entry" measures={measures} onChange={setMeasures} />
      <button type="submit" class="primary" disabled={!anyMeasureGiven(measures)}>
        Save the feedback
      </button>
      {!anyMeasureGiven(measures) && <p class="subtle">Choose at least one answer to save.</p>}
      <ProblemIfAny error={error} />
      {saved && <SavedNote who={saved.who} notes={saved.notes} />}
    </form>
  );
}

/** Feedback saved, and the words guide's notes on the parent's words: told, never applied. */
function SavedNote({ who, notes }: { who: string; notes: Notes }) {
  return (
    <div role="status" class="note">
      <p>Feedback saved: {who}.</p>
      {notes.map((n) => (
        <p key={n.phrase}>
          “{n.phrase}”: these are the parent’s own words and are kept as they are. In peermap’s own writing we would say
          “{n.suggestion}”.
        </p>
      ))}
    </div>
  );
}

/** A link for one parent, shown once: only its hash is kept, so it cannot be shown again. */
function OneTimeLink({ api, session }: { api: Api; session: InvitationList }) {
  const [given, setGiven] = useState<{ link: string; validUntil: string } | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  const { error, attempt } = useAttempt();
  const give = () =>
    attempt(async () => {
      setCopied(false);
      const answer = await api.send('POST', '/v1/sessions/{id}/feedback-links', {
        params: { id: session.id },
        json: {},
      });
      setGiven({
        link: new URL(answer.body.formPath, location.href).href,
        validUntil: answer.body.validUntil,
      });
    });
  const copy = async (link: string) => {
    await navigator.clipboard.writeText(link);
    setCopied(true);
  };
  return (
    <div class="one-time-link">
      <h3>Give a parent a one-time link</h3>
      <p>
        A parent can give their feedback themselves, without an account, through a link that works once. It shows only
        the day of the session and the questions.
      </p>
      <button type="button" onClick={() => void give()}>
        Make a one-time link
      </button>
      <ProblemIfAny error={error} />
      {given && (
        <div class="note" role="status">
          <label for="feedback-link">Send this link to one parent (it is shown only now)</label>
          <input
            id="feedback-link"
            class="link-text"
            readOnly
            value={given.link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy(given.link).catch(() => setCopied(false))}>
            Copy the link
          </button>
          {copied && <span> Copied.</span>}
          <p>It works once, until {dayInWords(given.validUntil.slice(0, 10))}.</p>
        </div>
      )}
    </div>
  );
}
