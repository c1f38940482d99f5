import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { Loading, PageHeading, ProblemView, useLoad } from '../ui';

interface ReviewItem {
  ref: string;
  displayName?: string;
  lastActivity: 'relationship' | 'sighting' | 'concern' | 'added';
  lastActivityOn: string;
  reviewDueOn: string;
  removalOn: string;
  state: 'not_due' | 'due' | 'overdue';
  lastKept?: { decidedAt: string; decidedBy: string; reason: string };
}

interface ReviewList {
  items: ReviewItem[];
  reviewAfterWeeks: number;
  removeAfterOverdueWeeks: number;
}

interface ErasureView {
  marker: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  completedAt: string;
  removed: Record<string, number>;
}

const ACTIVITY: Record<ReviewItem['lastActivity'], string> = {
  relationship: 'a relationship',
  sighting: 'seen at a place',
  concern: 'a concern',
  added: 'added to the map',
};
const STATE: Record<ReviewItem['state'], string> = { not_due: 'not due', due: 'due soon', overdue: 'overdue' };

/**
 * Review and removal: who falls due, each with the dates and what they come from; a review
 * keeps a young person with a reason or removes them for good. Admins see no names, and can
 * run the retention sweep and read the record of erasures.
 */
export function ReviewsPage({ api, me }: PageContext) {
  const [state, setState] = useState('');
  const [message, setMessage] = useState('');
  const list = useLoad(
    async () => (await api.get<ReviewList>(`/v1/reviews${state ? `?state=${state}` : ''}`)).body,
    `reviews-${state}`,
  );
  const mayDecide = me.permissions.includes('reviews:decide');
  const done = (text: string) => {
    setMessage(text);
    list.reload();
  };
  return (
    <section>
      <PageHeading>Reviews</PageHeading>
      {list.data && (
        <p>
          No one stays on the map by default. A young person falls due for review {list.data.reviewAfterWeeks} weeks
          after their last relationship, sighting or concern; while overdue they are left out of the analysis, and once
          they have been listed overdue for {list.data.removeAfterOverdueWeeks} weeks they are removed, unless a review
          keeps them with a reason.
        </p>
      )}
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
      {list.data && list.data.items.length > 0 && (
        <table>
          <caption>Young people by review date, soonest first</caption>
          <thead>
            <tr>
              <th scope="col">Young person</th>
              <th scope="col">Last on the map</th>
              <th scope="col">Review date</th>
              <th scope="col">Removed on, unless kept</th>
              <th scope="col">Last kept because</th>
              {mayDecide && <th scope="col">Review</th>}
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((item) => (
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
                {mayDecide && (
                  <td>
                    <ReviewForm api={api} item={item} onDone={done} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {me.permissions.includes('retention:run') && <SweepNow api={api} onDone={done} />}
      {me.permissions.includes('audit:read') && <Erasures api={api} />}
    </section>
  );
}

function ReviewForm({
  api,
  item,
  onDone,
}: Pick<PageContext, 'api'> & { item: ReviewItem; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<'keep' | 'remove'>('keep');
  const [reason, setReason] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [sure, setSure] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const who = item.displayName ?? item.ref;
  const id = `review-${item.ref}`;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Review {who}
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const body =
        decision === 'keep' ? { decision, reason, ...(nextReviewOn ? { nextReviewOn } : {}) } : { decision, reason };
      await api.send('POST', `/v1/young-people/${item.ref}/reviews`, { json: body });
      onDone(decision === 'keep' ? `${who} stays on the map; the next review is set.` : `${who} has been removed.`);
      setOpen(false);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>Review of {who}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-decision`}
            checked={decision === 'keep'}
            onChange={() => setDecision('keep')}
          />
          Keep on the map
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-decision`}
            checked={decision === 'remove'}
            onChange={() => setDecision('remove')}
          />
          Remove from the map
        </label>
        <label for={`${id}-reason`}>Why</label>
        <textarea id={`${id}-reason`} rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        {decision === 'keep' && (
          <>
            <label for={`${id}-next`}>Next review (leave empty for the usual period)</label>
            <input
              id={`${id}-next`}
              type="date"
              value={nextReviewOn}
              onInput={(e) => setNextReviewOn(e.currentTarget.value)}
            />
          </>
        )}
        {decision === 'remove' && (
          <label>
            <input type="checkbox" checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />I understand that
            everything about {who} is erased for good, and their place in groups, plans and lists becomes an anonymous
            marker
          </label>
        )}
        <button type="submit" disabled={decision === 'remove' && !sure}>
          {decision === 'keep' ? 'Keep' : 'Remove for good'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </fieldset>
      {error !== undefined && <ProblemView error={error} />}
    </form>
  );
}

function SweepNow({ api, onDone }: Pick<PageContext, 'api'> & { onDone: (message: string) => void }) {
  const [error, setError] = useState<unknown>(undefined);
  const run = async () => {
    setError(undefined);
    try {
      const { body } = await api.send<{
        erased: number;
        leftBehind: number;
        retentionUpdated: number;
        deferred: number;
      }>('POST', '/v1/retention/sweep', { json: {} });
      onDone(
        `Retention sweep: ${body.erased} removed at their removal date, ${body.leftBehind} left behind by an expired record removed, ${body.retentionUpdated} expiry dates moved${body.deferred ? `, ${body.deferred} left for the next sweep` : ''}.`,
      );
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div>
      <h2>Retention sweep</h2>
      <p>The sweep runs every night. Run it now to apply a changed review period at once.</p>
      <button type="button" onClick={run}>
        Run the retention sweep now
      </button>
      {error !== undefined && <ProblemView error={error} />}
    </div>
  );
}

function Erasures({ api }: Pick<PageContext, 'api'>) {
  const erasures = useLoad(async () => (await api.get<{ items: ErasureView[] }>('/v1/erasures')).body, 'erasures');
  return (
    <div>
      <h2>Erasures</h2>
      {erasures.error !== undefined && <ProblemView error={erasures.error} />}
      {erasures.data && erasures.data.items.length === 0 && <p>No one has been erased.</p>}
      {erasures.data && erasures.data.items.length > 0 && (
        <table>
          <caption>Erasures, newest first: no one is named</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">Why</th>
              <th scope="col">In their place</th>
              <th scope="col">Removed</th>
            </tr>
          </thead>
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
