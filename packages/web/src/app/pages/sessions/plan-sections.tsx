import type { SessionView } from '@peermap/contract';
import type { JSX } from 'preact';
import type { PageContext } from '../../app';

/** What a section of the session page gets: the page's context, the session as it stands, and a way to say it changed. */
export interface SessionSectionProps extends PageContext {
  view: SessionView;
  /** The session as a section's change left it (its status, its version): the page shows it at once. */
  onChanged: (view: SessionView) => void;
}

/**
 * A part of the session page that another part of the session's life adds (the risk assessment
 * and its approval, attendance and follow-ups, feedback): shown, after the plan, to a role that
 * holds its permission, in the order listed.
 */
export interface SessionSection {
  /** The section's heading id, unique on the page. */
  id: string;
  /** The permission the signed-in role needs to see the section. */
  needs: string;
  render: (props: SessionSectionProps) => JSX.Element;
}

/**
 * The sections the session page shows after its plan. To add one: write a component taking
 * `SessionSectionProps` in its own file and add a line here, e.g.
 * `{ id: 'risk-assessment', needs: 'sessions:read-safety', render: (props) => <RiskAssessment {...props} /> }`.
 */
export const SESSION_SECTIONS: readonly SessionSection[] = [];
