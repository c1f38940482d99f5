import { useState } from 'preact/hooks';
import { ApiError, createApi } from '../api';
import { PageHeading, useLoad } from '../ui';
import { anyMeasureGiven, type Measures, MeasuresInput, NO_MEASURES } from './sessions/feedback-measures';
import { dayInWords } from './sessions/words';

/** The link's key as the address carries it: the partnership, a dot, and the token. */
export const FEEDBACK_FORM_ADDRESS = /^#\/feedback\/([a-z0-9-]{1,40}\.[A-Za-z0-9_-]{43})$/;

/**
 * The form a parent opens from their one-time link, without signing in: the day of the session,
 * the three measures before and after, and their own words; then thanks. A link that cannot be
 * used (used already, or its time gone) gets a kind word and what to do instead.
 */
export function FeedbackFormPage({ apiBase, formKey }: { apiBase: string; formKey: string }) {
  // No token: the key in the address is all this page has, and all it sends.
  const [api] = useState(() =>
    createApi(
      apiBase,
      () => undefined,
      () => undefined,
    ),
  );
  const form = useLoad(
    async () => (await api.get('/v1/feedback-form/{key}', { params: { key: formKey } })).body,
    formKey,
  );
  const [sent, setSent] = useState(false);
  const [spent, setSpent] = useState(false);
  if (sent) return <ThankYou />;
  if (spent || isGone(form.error)) return <LinkCannotBeUsed />;
  return (
    <main id="main" class="parent-form" tabIndex={-1}>
      {form.error !== undefined && <Trouble />}
      {!form.data && form.error === undefined && (
        <p role="status" class="loading">
          Opening your form…
        </p>
      )}
      {form.data && (
        <Questions
          sessionDay={form.data.sessionDay}
          send={async (answers) => {
            try {
              await api.send('POST', '/v1/feedback-form/{key}', { params: { key: formKey }, json: answers });
              setSent(true);
            } catch (error) {
              if (!isGone(error)) throw error;
              setSpent(true);
            }
          }}
        />
      )}
    </main>
  );
}

const isGone = (error: unknown) => error instanceof ApiError && error.problem.status === 404;

function Questions({
  sessionDay,
  send,
}: {
  sessionDay: string;
  send: (answers: { words?: string; measures: Measures }) => Promise<void>;
}) {
  const [measures, setMeasures] = useState<Measures>(NO_MEASURES);
  const [words, setWords] = useState('');
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async () => {
    setSending(true);
    setFailed(false);
    try {
      await send({ ...(words.trim() ? { words: words.trim() } : {}), measures });
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <PageHeading>How was the session?</PageHeading>
      <p class="lead-in">
        Thank you for coming to the parents’ session on {dayInWords(sessionDay)}. We would like to hear how you found
        it, so we can make the next one better. You do not need to give your name, and you can leave out any question.
      </p>
      <p>
        For each sentence, choose how true it felt at the start of the session and at the end: from 1, not at all, to 5,
        very much.
      </p>
      <MeasuresInput idPrefix="parent" measures={measures} onChange={setMeasures} />
      <label for="parent-words">Anything you would like to tell us, in your own words (if you wish)</label>
      <textarea
        id="parent-words"
        rows={6}
        maxLength={3000}
        value={words}
        onInput={(e) => setWords(e.currentTarget.value)}
      />
      <p class="subtle">Please do not write anyone’s name or address here.</p>
      <button type="submit" class="primary big" disabled={sending || !anyMeasureGiven(measures)}>
        {sending ? 'Sending…' : 'Send my feedback'}
      </button>
      {!anyMeasureGiven(measures) && <p class="subtle">Choose at least one answer above, then you can send it.</p>}
      {failed && (
        <p role="alert" class="problem">
          Your feedback could not be sent just now. Please wait a moment and try again.
        </p>
      )}
    </form>
  );
}

function ThankYou() {
  return (
    <main id="main" class="parent-form" tabIndex={-1}>
      <PageHeading>Thank you</PageHeading>
      <p class="lead-in">
        Your feedback has reached the team who ran the session. It helps them make the next one better, and helps other
        parents be heard too.
      </p>
      <p>You can close this page now.</p>
    </main>
  );
}

function LinkCannotBeUsed() {
  return (
    <main id="main" class="parent-form" tabIndex={-1}>
      <PageHeading>This link has already done its job</PageHeading>
      <p class="lead-in">
        Each feedback link works once, for a short time, to keep what you tell us private. This one has been used
        already, or its time has passed.
      </p>
      <p>
        If you would still like to tell us how the session went, please ask the person who sent you the link for a new
        one. Thank you for wanting to help.
      </p>
    </main>
  );
}

function Trouble() {
  return (
    <p role="alert" class="problem">
      The form could not be opened just now. Please check your connection and try the link again in a moment.
    </p>
  );
}
