import { endpoint } from '@peermap/contract';
import { type InvitationList, NotFoundError, RecordId, Ref, SessionDetails, ShortText } from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, route } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { listFor, listSubjects } from './planning-routes';
import { cancelSession, changeSession, createSessionAtPlace, SESSION_PLAN_FIELDS, sessionViewOf } from './session-plan';

const IdParams = z.strictObject({ id: RecordId });

/**
 * A session's plan, as its own resource on the record that is also its invitation list: read by
 * those who run or support sessions, planned by early help leads, called off with a reason.
 */
export function sessionPlanRoutes(deps: ApiDeps): AnyRoute[] {
  const storedSessionOf = async (partnershipId: string, id: string) => {
    const list = await deps.store.invitationLists.get(partnershipId, id);
    if (!list) throw new NotFoundError('session', id);
    return list;
  };
  /** The session as the role may see it; the audit names everyone on its list, whose records the counts are drawn from. */
  const answer = async (role: Parameters<typeof sessionViewOf>[2], list: InvitationList) => ({
    status: 200,
    body: await sessionViewOf(deps.store, list, role, deps.now()),
    headers: { etag: etagOf(list.version) },
    subjects: listSubjects(list),
  });
  return [
    route({
      ...endpoint('POST', '/v1/locations/{ref}/sessions'),
      summary:
        'A Parent Empowerment Session for the families of a place: the young people the partners saw there in the last 28 days (never restricted intelligence), their carers sorted as for any list; a day before today (UK time) is refused',
      permission: 'sessions:plan',
      resource: 'invitation-lists',
      action: 'create',
      params: z.strictObject({ ref: Ref }),
      body: z.strictObject({ session: SessionDetails, ...SESSION_PLAN_FIELDS }),
      handle: async ({ principal, params, body }) => {
        const list = await createSessionAtPlace(deps.store, {
          partnershipId: principal.partnershipId,
          locationRef: params.ref,
          session: body.session,
          plan: body,
          createdBy: principal.userId,
          now: deps.now(),
        });
        return {
          status: 201,
          body: listFor(principal.role, list),
          headers: { location: `/v1/sessions/${list.id}`, etag: etagOf(list.version) },
          subjects: listSubjects(list),
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/sessions/{id}'),
      summary:
        'A session as its life stands: for whom, when and where, facilitators, topics, status, how many carers are invited and came (none named); the budget, notes and a cancellation’s reason for chairs and early help leads only',
      permission: 'sessions:read',
      resource: 'invitation-lists',
      action: 'read',
      params: IdParams,
      handle: async ({ principal, params }) =>
        answer(principal.role, await storedSessionOf(principal.partnershipId, params.id)),
    }),
    route({
      ...endpoint('PATCH', '/v1/sessions/{id}'),
      summary:
        "Change a session's plan (send the ETag you read in If-Match): its details (a day to come, an end after the start, an https link), topics (from the partnership's list, or marked as asked for by parents), budget (whole pence) and notes (language notes come back). A session held or cancelled keeps its details; its actual costs can still be recorded",
      permission: 'sessions:plan',
      resource: 'invitation-lists',
      action: 'update',
      params: IdParams,
      body: z.strictObject({ session: SessionDetails.optional(), ...SESSION_PLAN_FIELDS }),
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const stored = await storedSessionOf(principal.partnershipId, params.id);
        const saved = await changeSession(deps.store, stored, body, {
          by: principal.userId,
          now: deps.now(),
          expectedVersion: version,
        });
        return answer(principal.role, saved);
      },
    }),
    route({
      ...endpoint('POST', '/v1/sessions/{id}/cancel'),
      summary: 'Call a session off, with the reason (If-Match); one held or already cancelled cannot be',
      permission: 'sessions:plan',
      resource: 'invitation-lists',
      action: 'update',
      params: IdParams,
      body: z.strictObject({ reason: ShortText(300) }),
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const stored = await storedSessionOf(principal.partnershipId, params.id);
        const saved = await cancelSession(deps.store, stored, body.reason, {
          by: principal.userId,
          now: deps.now(),
          expectedVersion: version,
        });
        return answer(principal.role, saved);
      },
    }),
  ];
}
