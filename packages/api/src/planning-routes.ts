import { endpoint } from '@peermap/contract';
import {
  type ActionPlan,
  can,
  type InvitationList,
  InvitationOutcome,
  IsoWeek,
  isSessionApproved,
  KeepWords,
  LongText,
  mapWithConcurrency,
  NotFoundError,
  PlanAction,
  PlanStatus,
  READ_CONCURRENCY,
  RecordId,
  Ref,
  type Role,
  SessionDetails,
  sessionAsShown,
} from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, route, type Subjects } from '@peermap/http';
import * as z from 'zod';
import { clusterWeeks } from './analysis';
import type { ApiDeps } from './deps';
import {
  changePlan,
  currentList,
  draftPlanForCluster,
  draftPlanForPlace,
  movePlan,
  recordAttendance,
  viewOf,
} from './planning';
import { createSession, SESSION_PLAN_FIELDS } from './session-plan';

const ClusterParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'a cluster id') });
const IdParams = z.strictObject({ id: RecordId });

/**
 * A list as a role may see it: carers' phone and email only for roles that read carers'
 * contact details (chairs and early help leads today; the check keeps it so if roles change),
 * and only once the session's risk assessment is approved: before, nobody is contacted, and
 * an online session's link is not given out either. Lists from before sessions had a status
 * stand approved. Never the risk assessment: its reasons are for the organiser and approver.
 */
export function listFor(role: Role, stored: InvitationList): InvitationList {
  // The risk assessment (who is kept apart, and why) is read on its own route, by those who may.
  const { riskAssessment: _assessment, ...list } = stored;
  const approved = isSessionApproved(stored);
  if (approved && can(role, 'carers:read-contact')) return list;
  return {
    ...list,
    session: sessionAsShown(stored),
    invite: list.invite.map(({ phone: _p, email: _e, ...carer }) => carer),
  };
}

/** Whose data a list names: the young people it is for and every carer on it. */
export function listSubjects(list: InvitationList): Subjects {
  return {
    youngPeople: [...list.youngPersonRefs],
    carers: [...list.invite, ...list.askConsentFirst, ...list.notInvited].map((c) => c.carerRef),
  };
}

function planSubjects(plans: readonly ActionPlan[]): Subjects {
  const refs = plans.flatMap((p) => [...(p.youngPersonRefs ?? []), ...p.actions.flatMap((a) => a.coversRefs)]);
  return { youngPeople: [...new Set(refs)].sort(), carers: [] };
}

/** Parent session invitation lists: who to invite, whom to ask first, who not and why; then who came. */
export function invitationRoutes(deps: ApiDeps): AnyRoute[] {
  const storedListOf = async (partnershipId: string, id: string) => {
    const list = await deps.store.invitationLists.get(partnershipId, id);
    if (!list) throw new NotFoundError('invitation list', id);
    return list;
  };
  const created = (role: Role, list: InvitationList) => ({
    status: 201,
    body: listFor(role, list),
    headers: { location: `/v1/invitation-lists/${list.id}`, etag: etagOf(list.version) },
    subjects: listSubjects(list),
  });
  return [
    route({
      ...endpoint('POST', '/v1/clusters/{id}/invitation-lists'),
      summary:
        "An invitation list for a cluster's Parent Empowerment Session (its latest week, or ?week=; or some of its young people); a session before today (UK time) is refused",
      permission: 'invitations:write',
      resource: 'invitation-lists',
      action: 'create',
      params: ClusterParams,
      query: z.strictObject({ week: IsoWeek.optional() }),
      body: z.strictObject({
        session: SessionDetails,
        youngPersonRefs: z.array(Ref).min(1).max(500).optional(),
        ...SESSION_PLAN_FIELDS,
      }),
      handle: async ({ principal, params, query, body }) =>
        created(
          principal.role,
          await createSession(deps.store, {
            partnershipId: principal.partnershipId,
            clusterId: params.id,
            week: query.week,
            youngPersonRefs: body.youngPersonRefs,
            session: body.session,
            plan: body,
            createdBy: principal.userId,
            now: deps.now(),
          }),
        ),
    }),
    route({
      ...endpoint('POST', '/v1/invitation-lists'),
      summary: 'An invitation list for a chosen set of young people; a session before today (UK time) is refused',
      permission: 'invitations:write',
      resource: 'invitation-lists',
      action: 'create',
      body: z.strictObject({
        session: SessionDetails,
        youngPersonRefs: z.array(Ref).min(1).max(500),
        ...SESSION_PLAN_FIELDS,
      }),
      handle: async ({ principal, body }) =>
        created(
          principal.role,
          await createSession(deps.store, {
            partnershipId: principal.partnershipId,
            youngPersonRefs: body.youngPersonRefs,
            session: body.session,
            plan: body,
            createdBy: principal.userId,
            now: deps.now(),
          }),
        ),
    }),
    route({
      ...endpoint('GET', '/v1/clusters/{id}/invitation-lists'),
      summary: "A cluster's invitation lists, newest first",
      permission: 'invitations:read',
      resource: 'invitation-lists',
      action: 'list',
      params: ClusterParams,
      handle: async ({ principal, params }) => {
        const stored = await deps.store.invitationLists.ofCluster(principal.partnershipId, params.id);
        // One list at a time: each already reads its carers and young people several at once.
        const items = await mapWithConcurrency(stored, 1, (list) => currentList(deps.store, list, deps.now()));
        const subjects = stored.map(listSubjects);
        return {
          status: 200,
          body: { items: items.map((list) => listFor(principal.role, list)) },
          subjects: {
            youngPeople: [...new Set(subjects.flatMap((s) => s.youngPeople))],
            carers: [...new Set(subjects.flatMap((s) => s.carers))],
          },
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/invitation-lists/{id}'),
      summary:
        'An invitation list: invite, ask consent first, not invited (with reasons), and attendance; each carer as their record stands today',
      permission: 'invitations:read',
      resource: 'invitation-lists',
      action: 'read',
      params: IdParams,
      handle: async ({ principal, params }) => {
        const stored = await storedListOf(principal.partnershipId, params.id);
        const list = await currentList(deps.store, stored, deps.now());
        return {
          status: 200,
          body: listFor(principal.role, list),
          headers: { etag: etagOf(list.version) },
          subjects: listSubjects(stored),
        };
      },
    }),
    route({
      ...endpoint('PATCH', '/v1/invitation-lists/{id}'),
      summary: 'Record attendance after the session (send the ETag you read in If-Match)',
      permission: 'invitations:write',
      resource: 'invitation-lists',
      action: 'update',
      params: IdParams,
      body: z.strictObject({ attendance: z.record(Ref, InvitationOutcome) }),
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const list = await storedListOf(principal.partnershipId, params.id);
        const saved = await recordAttendance(deps.store, list, body.attendance, version, deps.now());
        return {
          status: 200,
          body: listFor(principal.role, saved),
          headers: { etag: etagOf(saved.version) },
          subjects: listSubjects(saved),
        };
      },
    }),
  ];
}

/** Joint action plans for peer groups and places: drafted from the rules, edited, agreed, reviewed. */
export function planRoutes(deps: ApiDeps): AnyRoute[] {
  const planOf = async (partnershipId: string, id: string) => {
    const plan = await deps.store.actionPlans.get(partnershipId, id);
    if (!plan) throw new NotFoundError('action plan', id);
    return plan;
  };
  /** The plan's view; the audit names everyone in the plan before and after a change. */
  const answer = async (plan: ActionPlan, status: number, before?: ActionPlan) => ({
    status,
    body: await viewOf(deps.store, plan),
    headers: { etag: etagOf(plan.version), ...(status === 201 ? { location: `/v1/action-plans/${plan.id}` } : {}) },
    subjects: planSubjects(before ? [before, plan] : [plan]),
  });
  return [
    route({
      ...endpoint('POST', '/v1/clusters/{id}/action-plans'),
      summary: "Draft a cluster's action plan from its latest report (or ?week=) and the partnership's rules",
      permission: 'plans:write',
      resource: 'action-plans',
      action: 'create',
      params: ClusterParams,
      query: z.strictObject({ week: IsoWeek.optional() }),
      body: z.strictObject({}),
      handle: async ({ principal, params, query }) =>
        answer(
          await draftPlanForCluster(deps.store, {
            partnershipId: principal.partnershipId,
            clusterId: params.id,
            week: query.week,
            by: principal.userId,
            now: deps.now(),
          }),
          201,
        ),
    }),
    route({
      ...endpoint('POST', '/v1/locations/{ref}/action-plans'),
      summary: "Draft a place's own plan: a safety assessment and actions for police, council and owners",
      permission: 'plans:write',
      resource: 'action-plans',
      action: 'create',
      params: z.strictObject({ ref: Ref }),
      body: z.strictObject({}),
      handle: async ({ principal, params }) =>
        answer(
          await draftPlanForPlace(deps.store, {
            partnershipId: principal.partnershipId,
            locationRef: params.ref,
            by: principal.userId,
            now: deps.now(),
          }),
          201,
        ),
    }),
    route({
      ...endpoint('GET', '/v1/clusters/{id}/action-plans'),
      summary: "A cluster's plans, with the plans of the places it gathers at",
      permission: 'plans:read',
      resource: 'action-plans',
      action: 'list',
      params: ClusterParams,
      query: z.strictObject({ week: IsoWeek.optional() }),
      handle: async ({ principal, params }) => {
        const items = await deps.store.actionPlans.ofCluster(principal.partnershipId, params.id);
        const places = await placesOfCluster(deps, principal.partnershipId, params.id);
        const placePlans = (
          await mapWithConcurrency(places, READ_CONCURRENCY, (ref) =>
            deps.store.actionPlans.ofLocation(principal.partnershipId, ref),
          )
        ).flat();
        return { status: 200, body: { items, placePlans }, subjects: planSubjects([...items, ...placePlans]) };
      },
    }),
    route({
      ...endpoint('GET', '/v1/action-plans/{id}'),
      summary: 'A plan, with language notes on its words and the young people no action covers yet',
      permission: 'plans:read',
      resource: 'action-plans',
      action: 'read',
      params: IdParams,
      handle: async ({ principal, params }) => answer(await planOf(principal.partnershipId, params.id), 200),
    }),
    route({
      ...endpoint('GET', '/v1/action-plans/{id}/versions'),
      summary: 'Every version of a plan, oldest first',
      permission: 'plans:read',
      resource: 'action-plans',
      action: 'list',
      params: IdParams,
      handle: async ({ principal, params }) => {
        const items = await deps.store.actionPlans.versions(principal.partnershipId, params.id);
        if (items.length === 0) throw new NotFoundError('action plan', params.id);
        return { status: 200, body: { items }, subjects: planSubjects(items) };
      },
    }),
    route({
      ...endpoint('PATCH', '/v1/action-plans/{id}'),
      summary:
        "Change a plan's summary, actions or the flagged words kept with a reason (send the ETag you read in If-Match); an agreed plan goes back to draft; language notes come back. An action's basis is the plan's own: kept while the action covers the same young people, dropped when that changes; one sent is ignored",
      permission: 'plans:write',
      resource: 'action-plans',
      action: 'update',
      params: IdParams,
      body: z.strictObject({
        summary: LongText(5000).optional(),
        actions: z.array(PlanAction).max(200).optional(),
        keptWords: z.array(KeepWords).max(100).optional(),
      }),
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const plan = await planOf(principal.partnershipId, params.id);
        return answer(await changePlan(deps.store, plan, body, principal.userId, deps.now(), version), 200, plan);
      },
    }),
    route({
      ...endpoint('POST', '/v1/action-plans/{id}/status'),
      summary:
        'Move a plan: draft → agreed (only when every young person has an action and every blaming or labelling phrase is changed or kept with a reason; 400 names each) → reviewed, or back to draft (If-Match)',
      permission: 'plans:agree',
      resource: 'action-plans',
      action: 'update',
      params: IdParams,
      body: z.strictObject({ status: PlanStatus }),
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const plan = await planOf(principal.partnershipId, params.id);
        return answer(await movePlan(deps.store, plan, body.status, principal.userId, deps.now(), version), 200, plan);
      },
    }),
  ];
}

/** The places a cluster gathers at, from its latest report (none when it has no report). */
async function placesOfCluster(deps: ApiDeps, partnershipId: string, clusterId: string): Promise<string[]> {
  const [latest] = await clusterWeeks(deps.store, partnershipId, clusterId);
  return latest?.places.map((p) => p.locationRef) ?? [];
}
