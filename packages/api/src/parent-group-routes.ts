import { endpoint, type ParentGroupView } from '@peermap/contract';
import {
  ChosenTopic,
  IsoDate,
  LongText,
  NotFoundError,
  ParentGroup,
  PlanAction,
  RecordId,
  Ref,
  SessionDetails,
  ShortText,
} from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, NO_SUBJECTS, route, type Subjects } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { PageQuery, pageRequest } from './paging';
import {
  changeGroup,
  draftGroupPlan,
  groupsPage,
  groupView,
  joinGroup,
  leaveGroup,
  planNextSession,
  startGroup,
} from './parent-groups';
import { viewOf } from './planning';
import { listFor, listSubjects } from './planning-routes';
import { merge } from './resource';

const IdParams = z.strictObject({ id: RecordId });
const Topics = z.array(ShortText(80)).max(40);
const GroupStartBody = z.strictObject({
  name: ShortText(120),
  startedFromSessionId: RecordId.optional(),
  meets: ShortText(120).optional(),
  topicsAsked: Topics.default([]),
});
const GroupChangeBody = z.strictObject({
  name: ShortText(120).optional(),
  meets: ShortText(120).optional(),
  topicsAsked: Topics.optional(),
  status: ParentGroup.shape.status.optional(),
});

/** Whose data a group names: its members (before and after a change) and their children. */
const groupSubjects = (...views: ParentGroupView[]): Subjects =>
  merge(
    views.map((view) => ({
      youngPeople: view.members.flatMap((member) => member.youngPersonRefs),
      carers: view.members.map((member) => member.carerRef),
    })),
  );

/**
 * Parent groups that go on meeting after a session (monthly, like Sandwell's kitchen table
 * talks): started from a held session with the parents who came, joined by others who agree,
 * with their next sessions and their own plan made with early help.
 */
export function parentGroupRoutes(deps: ApiDeps): AnyRoute[] {
  const groupOf = async (partnershipId: string, id: string) => {
    const group = await deps.store.parentGroups.get(partnershipId, id);
    if (!group) throw new NotFoundError('parent group', id);
    return group;
  };
  const answer = async (group: ParentGroup, status: number, before?: ParentGroupView) => {
    const view = await groupView(deps.store, group);
    return {
      status,
      body: view,
      headers: {
        etag: etagOf(group.version),
        ...(status === 201 ? { location: `/v1/parent-groups/${group.id}` } : {}),
      },
      subjects: before ? groupSubjects(before, view) : groupSubjects(view),
    };
  };
  return [...groupRoutes(deps, groupOf, answer), ...memberRoutes(deps, groupOf, answer), ...workRoutes(deps, groupOf)];
}

type GroupOf = (partnershipId: string, id: string) => Promise<ParentGroup>;
type Answer = (
  group: ParentGroup,
  status: number,
  before?: ParentGroupView,
) => Promise<{ status: number; body: ParentGroupView; headers: Record<string, string>; subjects: Subjects }>;

function groupRoutes(deps: ApiDeps, groupOf: GroupOf, answer: Answer): AnyRoute[] {
  return [
    route({
      ...endpoint('GET', '/v1/parent-groups'),
      summary: "The partnership's parent groups, each with how many members and sessions it has (no carer named)",
      permission: 'parent-groups:read',
      resource: 'parent-groups',
      action: 'list',
      query: PageQuery,
      handle: async ({ principal, query }) => {
        const { page, stored } = await groupsPage(deps.store, principal.partnershipId, pageRequest(query));
        // The answer names no carer, but its counts are drawn from each group's members: the audit says so.
        const members = stored.flatMap((group) => group.members.map((member) => member.carerRef));
        return { status: 200, body: page, subjects: { youngPeople: [], carers: [...new Set(members)] } };
      },
    }),
    route({
      ...endpoint('POST', '/v1/parent-groups'),
      summary:
        'Start a parent group: empty, or from a held session (startedFromSessionId), its first members the carers recorded as coming who can still be contacted',
      permission: 'parent-groups:write',
      resource: 'parent-groups',
      action: 'create',
      body: GroupStartBody,
      handle: async ({ principal, body }) =>
        answer(await startGroup(deps.store, principal.partnershipId, body, principal.userId, deps.now()), 201),
    }),
    route({
      ...endpoint('GET', '/v1/parent-groups/{id}'),
      summary:
        'A parent group: its members as their carer records stand today (one whose consent was withdrawn, or who is not to be contacted, is shown so and is not invited), its sessions, the topics asked and its plans',
      permission: 'parent-groups:read',
      resource: 'parent-groups',
      action: 'read',
      params: IdParams,
      handle: async ({ principal, params }) => answer(await groupOf(principal.partnershipId, params.id), 200),
    }),
    route({
      ...endpoint('PATCH', '/v1/parent-groups/{id}'),
      summary:
        "Change a group's name, how often it meets, the topics the parents asked for, or whether it still meets (If-Match)",
      permission: 'parent-groups:write',
      resource: 'parent-groups',
      action: 'update',
      params: IdParams,
      body: GroupChangeBody,
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const group = await groupOf(principal.partnershipId, params.id);
        return answer(await changeGroup(deps.store, group, body, version, principal.userId, deps.now()), 200);
      },
    }),
  ];
}

function memberRoutes(deps: ApiDeps, groupOf: GroupOf, answer: Answer): AnyRoute[] {
  return [
    route({
      ...endpoint('POST', '/v1/parent-groups/{id}/members'),
      summary:
        'A carer joins the group on a day: a carer on the map who gave consent and whom nothing stops contacting (400 for a carer not on the map, 409 naming why one cannot join)',
      permission: 'parent-groups:write',
      resource: 'parent-groups',
      action: 'update',
      params: IdParams,
      body: z.strictObject({ carerRef: Ref, joinedOn: IsoDate }),
      handle: async ({ principal, params, body }) => {
        const group = await groupOf(principal.partnershipId, params.id);
        const joined = await joinGroup(deps.store, group, body, principal.userId, deps.now());
        const answered = await answer(joined, 200);
        return { ...answered, subjects: merge([answered.subjects, { youngPeople: [], carers: [body.carerRef] }]) };
      },
    }),
    route({
      ...endpoint('DELETE', '/v1/parent-groups/{id}/members/{carerRef}'),
      summary: 'A member leaves the group; the sessions they came to keep the record',
      permission: 'parent-groups:write',
      resource: 'parent-groups',
      action: 'update',
      params: z.strictObject({ id: RecordId, carerRef: Ref }),
      handle: async ({ principal, params }) => {
        const group = await groupOf(principal.partnershipId, params.id);
        const left = await leaveGroup(deps.store, group, params.carerRef, principal.userId, deps.now());
        const answered = await answer(left, 200);
        return { ...answered, subjects: merge([answered.subjects, { youngPeople: [], carers: [params.carerRef] }]) };
      },
    }),
  ];
}

function workRoutes(deps: ApiDeps, groupOf: GroupOf): AnyRoute[] {
  return [
    route({
      ...endpoint('POST', '/v1/parent-groups/{id}/sessions'),
      summary:
        "Plan the group's next session: its members invited as any list sorts them (consent, do-not-contact, safety notes), for their children, on the topics the parents asked for unless others are given; a session before today (UK time) is refused",
      permission: 'sessions:plan',
      resource: 'invitation-lists',
      action: 'create',
      params: IdParams,
      body: z.strictObject({ session: SessionDetails, topics: z.array(ChosenTopic).max(20).optional() }),
      handle: async ({ principal, params, body }) => {
        const group = await groupOf(principal.partnershipId, params.id);
        const list = await planNextSession(deps.store, group, body, principal.userId, deps.now());
        return {
          status: 201,
          body: listFor(principal.role, list),
          headers: { location: `/v1/invitation-lists/${list.id}`, etag: etagOf(list.version) },
          subjects: listSubjects(list),
        };
      },
    }),
    route({
      ...endpoint('POST', '/v1/parent-groups/{id}/plans'),
      summary:
        "Draft the group's own plan, its joint safeguarding strategy with early help: a summary in the parents' words and the actions they and early help agree, naming no young person",
      permission: 'plans:write',
      resource: 'action-plans',
      action: 'create',
      params: IdParams,
      body: z.strictObject({ summary: LongText(5000), actions: z.array(PlanAction).max(200).default([]) }),
      handle: async ({ principal, params, body }) => {
        const group = await groupOf(principal.partnershipId, params.id);
        const plan = await draftGroupPlan(deps.store, group, body, principal.userId, deps.now());
        return {
          status: 201,
          body: await viewOf(deps.store, plan),
          headers: { location: `/v1/action-plans/${plan.id}`, etag: etagOf(plan.version) },
          subjects: NO_SUBJECTS,
        };
      },
    }),
  ];
}
