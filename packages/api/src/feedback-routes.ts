import { endpoint, FeedbackEntry } from '@peermap/contract';
import { NotFoundError, RecordId, type SessionFeedback } from '@peermap/domain';
import { type AnyRoute, NO_SUBJECTS, route, type Subjects } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { giveFeedbackLink, LONGEST_FEEDBACK_LINK_DAYS, recordFeedback, sessionTakingFeedback } from './feedback';

const SessionParams = z.strictObject({ id: RecordId });

/** The carers a session's feedback names: anonymous feedback names no one. */
const feedbackSubjects = (items: readonly SessionFeedback[]): Subjects => ({
  youngPeople: [],
  carers: [...new Set(items.flatMap((f) => (f.carerRef ? [f.carerRef] : [])))],
});

/** Parents' feedback on a session, as a worker records it, and one-time links for parents to give it themselves. */
export function feedbackRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    route({
      ...endpoint('POST', '/v1/sessions/{id}/feedback'),
      summary:
        "Record a parent's feedback on a session that has taken place: their own words and the three measures (1–5) before and after; name a carer invited to it, or no one (anonymous)",
      permission: 'feedback:write',
      resource: 'session-feedback',
      action: 'create',
      params: SessionParams,
      body: FeedbackEntry,
      handle: async ({ principal, params, body }) => {
        const now = deps.now();
        const session = await sessionTakingFeedback(deps.store, principal.partnershipId, params.id, now);
        const recorded = await recordFeedback(deps.store, { session, entry: body, by: principal.userId, now });
        return {
          status: 201,
          body: recorded,
          headers: { location: `/v1/sessions/${session.id}/feedback` },
          subjects: feedbackSubjects([recorded.feedback]),
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/sessions/{id}/feedback'),
      summary: "A session's feedback from parents, oldest first, with the three measures before and after",
      permission: 'feedback:read',
      resource: 'session-feedback',
      action: 'list',
      params: SessionParams,
      handle: async ({ principal, params }) => {
        const session = await deps.store.invitationLists.get(principal.partnershipId, params.id);
        if (!session) throw new NotFoundError('session', params.id);
        const items = await deps.store.sessionFeedback.ofSession(principal.partnershipId, session.id);
        return { status: 200, body: { items }, subjects: feedbackSubjects(items) };
      },
    }),
    route({
      ...endpoint('POST', '/v1/sessions/{id}/feedback-links'),
      summary: `A one-time link for one parent to give feedback on a session that has taken place, without signing in: answered once (only its hash is kept); it holds nothing else and expires after ${LONGEST_FEEDBACK_LINK_DAYS} days at most (14 unless asked)`,
      permission: 'feedback:write',
      resource: 'feedback-links',
      action: 'create',
      params: SessionParams,
      body: z.strictObject({ days: z.number().int().min(1).max(LONGEST_FEEDBACK_LINK_DAYS).optional() }),
      handle: async ({ principal, params, body }) => {
        const now = deps.now();
        const session = await sessionTakingFeedback(deps.store, principal.partnershipId, params.id, now);
        const given = await giveFeedbackLink(deps.store, { session, by: principal.userId, now, days: body.days });
        return { status: 201, body: given, subjects: NO_SUBJECTS };
      },
    }),
  ];
}
