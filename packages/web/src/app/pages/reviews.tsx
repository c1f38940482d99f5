import type { ReviewList, ReviewListItem } from '@peermap/contract';
import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { ColumnHeads } from '../forms';
import { Loading, PageHeading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';

const ACTIVITY: Record<ReviewListItem['lastActivity'], string> = {
  relationship: 'a relationship',
  sighting: 'seen at a place',
  concern: 'a concern',
  added: 'added to the map',
};
const STATE: Record<ReviewListItem['state'], string> = { not_due: 'not due', due: 'due soon', overdue: 'overdue' };

type Done = (message: string) => void;

/**
 * Review and removal: who falls due, each with the dates and what they come from; a review
 * keeps a young person with a reason or removes them for good. Admins see no names, and can
 * run the retention sweep and read the record of erasures.
 */
export function ReviewsPage({ api, me }: PageContext) {
  const [state, setState] = useState('');
  const [message, setMessage] = useState('');
  const list = useLoad(
    async () => (await api.get('/v1/reviews', { query: { state: state || undefined } })).body,
    `reviews-${state}`,
  );
  const done = (text: string) => {
    setMessage(text);
    list.reload();
  };
  const decide = me.permissions.includes('reviews:decide') ? done : undefined;
  return (
    <section>
      <PageHeading>Reviews</PageHeading>
      {list.data && <ReviewRules list={list.data} />}
      <label for="review-state">Show</label>
      <select id="review-state" value={state} onChange={(e) => setState(e.currentTarget.value)}>
        <option value="">due soon and overdue</option>
        <option value="overdue">overdue</option>
        <option value="all">everyone on the map</option>
      </select>
      {message && <p role="status">{message}</p>}
      {list.error !== undefined && <ProblemView error={list.error} />}
      {!list.data && list.error === undefined && <Loading what="the reviews" />}
      {list.data && list.data.items.length === 0 && <p>No one is due for review.</p>}
      {list.data && list.data.items.length > 0 && <ReviewsTable api={api} items={list.data.items} onDecided={decide} />}
      {me.permissions.includes('retention:run') && <SweepNow api={api} onDone={done} />}
      {me.permissions.includes('audit:read') && <Erasures api={api} />}
    </section>
  );
}

function ReviewRules({ list }: { list: ReviewList }) {
  return (
    <p>
      No one stays on the map by default. A young person falls due for review {list.reviewAfterWeeks} weeks after their
      last relationship, sighting or concern; while overdue they are left out of the analysis, and once they have been
      listed overdue for {list.removeAfterOverdueWeeks} weeks they are removed, unless a review keeps them with a
      reason.
    </p>
  );
}

/** Those due, soonest first; a review form beside each for those who may decide. */
function ReviewsTable({
  api,
  items,
  onDecided,
}: Pick<PageContext, 'api'> & { items: ReviewListItem[]; onDecided: Done | undefined }) {
  const columns = ['Young person', 'Last on the map', 'Review date', 'Removed on, unless kept', 'Last kept because'];
  return (
    <table>
      <caption>Young people by review date, soonest first</caption>
      <ColumnHeads names={onDecided ? [...columns, 'Review'] : columns} />
      <tbody>
        {items.map((item) => (
          <tr key={item.ref}>
            <th scope="row">{item.displayName ? `${item.displayName} (${item.ref})` : item.ref}</th>
            <td>
              {item.lastActivityOn}: {ACTIVITY[item.lastActivity]}
            </td>
            <td>
              {item.reviewDueOn} ({STATE[item.state]})
            </td>
            <td>{item.removalOn}</td>
            <td>{item.lastKept ? `${item.lastKept.reason} (${item.lastKept.decidedAt.slice(0, 10)})` : ''}</td>
            {onDecided && (
              <td>
                <ReviewForm api={api} item={item} onDone={onDecided} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A review of one young person, opened from its button: keep with a reason, or remove for good once sure. */
/** What a review says, kept while its form is closed and opened again. */
function useReviewDraft() {
  const [decision, setDecision] = useState<'keep' | 'remove'>('keep');
  const [reason, setReason] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [sure, setSure] = useState(false);
  const { error, attempt } = useAttempt();
  return { decision, setDecision, reason, setReason, nextReviewOn, setNextReviewOn, sure, setSure, error, attempt };
}

type ReviewDraft = ReturnType<typeof useReviewDraft>;

function ReviewForm({ api, item, onDone }: Pick<PageContext, 'api'> & { item: ReviewListItem; onDone: Done }) {
  const [open, setOpen] = useState(false);
  const draft = useReviewDraft();
  const who = item.displayName ?? item.ref;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Review {who}
      </button>
    );
  }
  return (
    <ReviewDecision
      api={api}
      item={item}
      who={who}
      draft={draft}
      onDone={(message) => {
        onDone(message);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

function ReviewDecision({
  api,
  item,
  who,
  draft,
  onDone,
  onCancel,
}: Pick<PageContext, 'api'> & {
  item: ReviewListItem;
  who: string;
  draft: ReviewDraft;
  onDone: Done;
  onCancel: () => void;
}) {
  const { decision, setDecision, reason, setReason, nextReviewOn, sure, error, attempt } = draft;
  const id = `review-${item.ref}`;
  const submit = (event: Event) => {
    event.preventDefault();
    return attempt(async () => {
      const body =
        decision === 'keep' ? { decision, reason, ...(nextReviewOn ? { nextReviewOn } : {}) } : { decision, reason };
      await api.send('POST', '/v1/young-people/{ref}/reviews', { params: { ref: item.ref }, json: body });
      onDone(decision === 'keep' ? `${who} stays on the map; the next review is set.` : `${who} has been removed.`);
    });
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>Review of {who}</legend>
        <DecisionChoice name={`${id}-decision`} decision={decision} onChange={setDecision} />
        <label for={`${id}-reason`}>Why</label>
        <textarea id={`${id}-reason`} rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <DecisionDetails id={id} who={who} draft={draft} />
        <button type="submit" disabled={decision === 'remove' && !sure}>
          {decision === 'keep' ? 'Keep' : 'Remove for good'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </fieldset>
      <ProblemIfAny error={error} />
    </form>
  );
}

/** The next review date for a young person kept; for one removed, that the reviewer is sure. */
function DecisionDetails({ id, who, draft }: { id: string; who: string; draft: ReviewDraft }) {
  const { decision, nextReviewOn, setNextReviewOn, sure, setSure } = draft;
  if (decision === 'keep')
    return (
      <>
        <label for={`${id}-next`}>Next review (leave empty for the usual period)</label>
        <input
          id={`${id}-next`}
          type="date"
          value={nextReviewOn}
          onInput={(e) => setNextReviewOn(e.currentTarget.value)}
        />
      </>
    );
  return (
    <label>
      <input type="checkbox" checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />I understand that
      everything about {who} is erased for good, and their place in groups, plans and lists becomes an anonymous marker
    </label>
  );
}

function DecisionChoice({
  name,
  decision,
  onChange,
}: {
  name: string;
  decision: 'keep' | 'remove';
  onChange: (decision: 'keep' | 'remove') => void;
}) {
  return (
    <>
      <label>
        <input type="radio" name={name} checked={decision === 'keep'} onChange={() => onChange('keep')} />
        Keep on the map
      </label>
      <label>
        <input type="radio" name={name} checked={decision === 'remove'} onChange={() => onChange('remove')} />
        Remove from the map
      </label>
    </>
  );
}

function SweepNow({ api, onDone }: Pick<PageContext, 'api'> & { onDone: Done }) {
  const { error, attempt } = useAttempt();
  const run = () =>
    attempt(async () => {
      const { body } = await api.send('POST', '/v1/retention/sweep', { json: {} });
      onDone(
        `Retention sweep: ${body.erased} removed at their removal date, ${body.leftBehind} left behind by an expired record removed, ${body.retentionUpdated} expiry dates moved${body.deferred ? `, ${body.deferred} left for the next sweep` : ''}.`,
      );
    });
  return (
    <div>
      <h2>Retention sweep</h2>
      <p>The sweep runs every night. Run it now to apply a changed review period at once.</p>
      <button type="button" onClick={run}>
        Run the retention sweep now
      </button>
      <ProblemIfAny error={error} />
    </div>
  );
}

function Erasures({ api }: Pick<PageContext, 'api'>) {
  const erasures = useLoad(async () => (await api.get('/v1/erasures')).body, 'erasures');
  return (
    <div>
      <h2>Erasures</h2>
      {erasures.error !== undefined && <ProblemView error={erasures.error} />}
      {erasures.data && erasures.data.items.length === 0 && <p>No one has been erased.</p>}
      {erasures.data && erasures.data.items.length > 0 && (
        <table>
          <caption>Erasures, newest first: no one is named</caption>
          <ColumnHeads names={['When', 'By', 'Why', 'In their place', 'Removed']} />
          <tbody>
            {erasures.data.items.map((e) => (
              <tr key={e.marker}>
                <td>{e.completedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{e.requestedBy}</td>
                <td>{e.reason}</td>
                <td>{e.marker}</td>
                <td>
                  {Object.entries(e.removed)
                    .filter(([, count]) => count > 0)
                    .map(([kind, count]) => `${count} ${kind.replace(/([A-Z])/g, ' $1').toLowerCase()}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
