import type { Plan } from '../../api-types';

/**
 * An agreed (or reviewed) plan is what the meeting agreed: it is read, not edited. Changing it
 * is a step of its own that starts the next version, a draft to be agreed again; the agreed
 * version stays in the plan's history.
 */
export function NextVersionNote({
  plan,
  started,
  mayStart,
  onStart,
}: {
  plan: Plan;
  started: boolean;
  mayStart: boolean;
  onStart: () => void;
}) {
  if (plan.status === 'draft') return null;
  const next = plan.version + 1;
  if (started) {
    return (
      <p class="note" role="status">
        You are writing version {next}. Saving makes it a draft for the meeting to agree again; version {plan.version}{' '}
        stays in the plan's history as {plan.status}.
      </p>
    );
  }
  return (
    <div class="note">
      <p>
        This plan is {plan.status}: it reads as the meeting {plan.status} it and cannot be changed in place.
      </p>
      {mayStart && (
        <button type="button" onClick={onStart}>
          Change it: start version {next} as a draft
        </button>
      )}
    </div>
  );
}
