import type { SessionView } from '@peermap/contract';

type Stage = SessionView['status'];

/** A session's life in the order it is lived, each step in words. */
const STEPS: readonly { stage: Exclude<Stage, 'cancelled'>; words: string }[] = [
  { stage: 'planned', words: 'Planned' },
  { stage: 'assessed', words: 'Risk assessed' },
  { stage: 'approved', words: 'Approved' },
  { stage: 'invitations_sent', words: 'Invitations sent' },
  { stage: 'held', words: 'Held' },
];

/** Where a session stands, in words: "Risk assessed", "Cancelled". */
export const stageInWords = (stage: Stage): string =>
  stage === 'cancelled' ? 'Cancelled' : (STEPS.find((step) => step.stage === stage)?.words ?? stage);

/**
 * The session's steps as a line, those done ticked and the one it stands at marked as the
 * current step; a session called off says so, with its reason where the role may read it.
 */
export function StageLine({ view }: { view: SessionView }) {
  if (view.status === 'cancelled') {
    return (
      <p class="stage-cancelled">
        <strong>Cancelled.</strong> {view.cancelledReason ?? ''}
      </p>
    );
  }
  const at = STEPS.findIndex((step) => step.stage === view.status);
  return (
    <ol class="stage-line" aria-label="Where the session stands">
      {STEPS.map((step, index) => (
        <li
          key={step.stage}
          class={index < at ? 'done' : index === at ? 'current' : 'to-come'}
          aria-current={index === at ? 'step' : undefined}
        >
          {step.words}
          <span class="visually-hidden">{index < at ? ' (done)' : index === at ? ' (now)' : ' (to come)'}</span>
        </li>
      ))}
    </ol>
  );
}
