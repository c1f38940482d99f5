import type { OwedToFamiliesLine } from '@peermap/contract';
import type { Me } from '../../session';
import { dayInWords } from './words';

/**
 * The follow-ups still owed to families after sessions, as the meeting's agenda says them: one
 * line a session, in counts, naming no carer (every role at the meeting reads it), before the
 * groups, as matters arising. Those who read the lists may open the session.
 */
export function OwedToFamilies({ lines, me }: { lines: readonly OwedToFamiliesLine[]; me: Me }) {
  if (lines.length === 0) return null;
  const mayOpen = me.permissions.includes('invitations:read');
  return (
    <section aria-labelledby="owed-to-families">
      <h2 id="owed-to-families">Owed to families</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.sessionId}>
            {line.text}.
            {mayOpen && (
              <>
                {' '}
                <a href={`#/sessions/${line.sessionId}`}>Open the session of {dayInWords(line.sessionDate)}</a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
