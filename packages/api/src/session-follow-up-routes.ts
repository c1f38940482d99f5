import { endpoint, FollowUpChange, NewFollowUp } from '@peermap/contract';
import { can, type InvitationList, NotFoundError, RecordId, type Role } from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, NO_SUBJECTS, type Principal, route } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { addFollowUp, changeFollowUp, countsOf, followUpsOf } from './session-follow-ups';

const SessionParams = z.strictObject({ id: RecordId });
const FollowUpParams = z.strictObject({ id: RecordId, followUpId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/) });

/** Roles that read carers on a session's list see who is owed what; others (police) the counts alone. */
const readsCarers = (role: Role) => can(role, 'invitations:read');

/** What is owed to the carers who could not come to a session: suggested, recorded, owned, done. */
export function sessionFollowUpRoutes(deps: ApiDeps): AnyRoute[] {
  const sessionOf = async (partnershipId: string, id: string) => {
    const list = await deps.store.invitationLists.get(partnershipId, id);
    if (!list) throw new NotFoundError('session', id);
    return list;
  };
  /** The session to change, and who changes it at which version (the If-Match is checked before any read). */
  const changing = async (principal: Principal, id: string, headers: Readonly<Record<string, string | undefined>>) => {
    const version = expectedVersion(headers);
    const list = await sessionOf(principal.partnershipId, id);
    return { list, asked: { by: principal.userId, expectedVersion: version, now: deps.now() } };
  };
  /** The follow-ups after a change, as the lead sees them; the audit names the carer changed. */
  const answer = async (list: InvitationList, carerRefs: string[], status: number) => ({
    status,
    body: await followUpsOf(deps.store, list, deps.now()),
    headers: { etag: etagOf(list.version) },
    subjects: { youngPeople: [], carers: carerRefs },
  });
  return [
    route({
      ...endpoint('GET', '/v1/sessions/{id}/follow-ups'),
      summary:
        "What is owed to the carers who could not come to a session (the session's messages, an invitation to the next), with suggestions while none is recorded after it was held; police see the counts alone",
      permission: 'sessions:read',
      resource: 'session-follow-ups',
      action: 'read',
      params: SessionParams,
      handle: async ({ principal, params }) => {
        const list = await sessionOf(principal.partnershipId, params.id);
        if (!readsCarers(principal.role)) {
          return { status: 200, body: countsOf(list, deps.now()), subjects: NO_SUBJECTS };
        }
        const view = await followUpsOf(deps.store, list, deps.now());
        const carers = [
          ...(view.couldNotCome ?? []).map((c) => c.carerRef),
          ...(view.followUps ?? []).map((f) => f.carerRef),
        ];
        return {
          status: 200,
          body: view,
          headers: { etag: etagOf(list.version) },
          subjects: { youngPeople: [], carers: [...new Set(carers)].sort() },
        };
      },
    }),
    route({
      ...endpoint('POST', '/v1/sessions/{id}/follow-ups'),
      summary:
        'Record a follow-up owed to an invited carer who could not come: early help and two weeks unless said (send the ETag you read in If-Match)',
      permission: 'sessions:plan',
      resource: 'session-follow-ups',
      action: 'create',
      params: SessionParams,
      body: NewFollowUp,
      handle: async ({ principal, params, body, headers }) => {
        const { list, asked } = await changing(principal, params.id, headers);
        return answer(await addFollowUp(deps.store, list, body, asked), [body.carerRef], 201);
      },
    }),
    route({
      ...endpoint('PATCH', '/v1/sessions/{id}/follow-ups/{followUpId}'),
      summary:
        'Mark a follow-up done on a day (or not done after all), or change its owner, due day or note (send the ETag you read in If-Match)',
      permission: 'sessions:plan',
      resource: 'session-follow-ups',
      action: 'update',
      params: FollowUpParams,
      body: FollowUpChange,
      handle: async ({ principal, params, body, headers }) => {
        const { list, asked } = await changing(principal, params.id, headers);
        const carerRef = list.followUps?.find((f) => f.id === params.followUpId)?.carerRef;
        const saved = await changeFollowUp(deps.store, list, params.followUpId, body, asked);
        return answer(saved, carerRef ? [carerRef] : [], 200);
      },
    }),
  ];
}
