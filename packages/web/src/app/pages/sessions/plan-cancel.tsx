import type { SessionView } from '@peermap/contract';
import { useState } from 'preact/hooks';
import type { PageContext } from '../../app';
import { ProblemIfAny, useAttempt } from '../../ui';

/** Calls the session off, with the reason the families and partners will be given. */
export function CancelForm({
  api,
  view,
  onCancelled,
}: Pick<PageContext, 'api'> & { view: SessionView; onCancelled: (view: SessionView) => void }) {
  const [reason, setReason] = useState('');
  const { error, attempt } = useAttempt();
  const submit = (event: Event) => {
    event.preventDefault();
    attempt(async () => {
      const answer = await api.send('POST', '/v1/sessions/{id}/cancel', {
        params: { id: view.id },
        json: { reason: reason.trim() },
        ifMatch: `"${view.version}"`,
      });
      onCancelled(answer.body);
    });
  };
  return (
    <form class="session-cancel" onSubmit={submit} aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Call the session off</h2>
      <label for="cancel-reason">Why it is called off</label>
      <input
        id="cancel-reason"
        required
        maxLength={300}
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <ProblemIfAny error={error} />
      <button type="submit">Cancel the session</button>
    </form>
  );
}
