import { randomUUID } from 'node:crypto';
import type { GroupMemberView, GroupSession, ParentGroupSummary, ParentGroupView } from '@peermap/contract';
import {
  type ActionPlan,
  actionsAfter,
  type Carer,
  type ChosenTopic,
  ConflictError,
  DEFAULT_INVITE_SIZE_LIMIT,
  type Draft,
  type GroupMember,
  type InvitationList,
  isSessionHeld,
  mapWithConcurrency,
  NotFoundError,
  type Page,
  type PageRequest,
  type ParentGroup,
  type PlanAction,
  type PlanningPorts,
  READ_CONCURRENCY,
  refusePastSession,
  type SessionDetails,
  sessionAsShown,
  sessionStatusOf,
  todayOf,
} from '@peermap/domain';
import {
  type InvitationSort,
  membersFromSession,
  refuseJoining,
  refuseNamedYoungPeople,
  sortCarers,
  standingOf,
  topicsAskedBy,
} from '@peermap/planning';

/** Members' carer records as they stand now, their children on the map, and the sort any session's list would make. */
interface MembersNow {
  carers: ReadonlyMap<string, Carer>;
  youngPersonRefs: string[];
  sort: InvitationSort;
}

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * The carers' records as they stand now, sorted by the rules of any session's list (consent,
 * do-not-contact, safety notes, open cases): only these carers, never the other carers of
 * their children, who are not members.
 */
async function membersNow(
  store: PlanningPorts,
  partnershipId: string,
  carerRefs: readonly string[],
  inviteSizeLimit = Number.POSITIVE_INFINITY,
): Promise<MembersNow> {
  const carers = (
    await mapWithConcurrency(carerRefs, READ_CONCURRENCY, (ref) => store.carers.get(partnershipId, ref))
  ).filter(isDefined);
  const childRefs = [...new Set(carers.flatMap((carer) => carer.youngPersonRefs))].sort();
  const people = (
    await mapWithConcurrency(childRefs, READ_CONCURRENCY, (ref) => store.youngPeople.get(partnershipId, ref))
  ).filter(isDefined);
  const youngPersonRefs = people.map((person) => person.ref);
  const sort = sortCarers({
    youngPersonRefs,
    youngPeople: new Map(people.map((person) => [person.ref, person])),
    carers,
    inviteSizeLimit,
  });
  return { carers: new Map(carers.map((carer) => [carer.ref, carer])), youngPersonRefs, sort };
}

function memberView(member: GroupMember, now: MembersNow): GroupMemberView {
  const carer = now.carers.get(member.carerRef);
  const standing = standingOf(now.sort, member.carerRef);
  return {
    ...member,
    ...(carer ? { name: carer.name } : {}),
    youngPersonRefs: carer?.youngPersonRefs.filter((ref) => now.youngPersonRefs.includes(ref)) ?? [],
    contact: standing.contact,
    ...(standing.contact === 'not_contacted' ? { reason: standing.reason } : {}),
  };
}

const sessionOf = (list: InvitationList): GroupSession => ({
  id: list.id,
  session: sessionAsShown(list),
  status: sessionStatusOf(list),
  invited: list.invite.length,
  attended: Object.values(list.attendance).filter((outcome) => outcome === 'attended').length,
});

const newestFirst = (a: string, b: string) => (a < b ? 1 : -1);

/**
 * A group as the lead and the chair read it: each member named as their carer record holds
 * them now, with whether the group may contact them (a carer who withdrew consent or is not
 * to be contacted is shown so, and no session invites them); its sessions, latest first; its plans.
 */
export async function groupView(store: PlanningPorts, group: ParentGroup): Promise<ParentGroupView> {
  const { partnershipId } = group;
  const [now, lists, plans] = await Promise.all([
    membersNow(
      store,
      partnershipId,
      group.members.map((member) => member.carerRef),
    ),
    store.invitationLists.ofParentGroup(partnershipId, group.id),
    store.actionPlans.ofParentGroup(partnershipId, group.id),
  ]);
  return {
    group,
    members: group.members.map((member) => memberView(member, now)),
    sessions: lists
      .map(sessionOf)
      .sort((a, b) => newestFirst(`${a.session.date}T${a.session.time}`, `${b.session.date}T${b.session.time}`)),
    plans: plans
      .map(({ id, status, version, updatedAt }) => ({ id, status, version, updatedAt }))
      .sort((a, b) => newestFirst(a.updatedAt, b.updatedAt)),
  };
}

/**
 * The first members of a group grown from a session: the parents recorded as coming to it,
 * once it has been held. One who has since withdrawn consent, or is not to be contacted now,
 * is not added (they can join later, once they say so).
 */
async function firstMembers(
  store: PlanningPorts,
  partnershipId: string,
  sessionId: string,
  now: Date,
): Promise<GroupMember[]> {
  const list = await store.invitationLists.get(partnershipId, sessionId);
  if (!list) throw new NotFoundError('session', sessionId);
  if (!isSessionHeld(list, now)) {
    throw new ConflictError('A group starts from a session that has been held: record who came to it first.');
  }
  const came = membersFromSession(list);
  const current = await membersNow(
    store,
    partnershipId,
    came.map((member) => member.carerRef),
  );
  return came.filter((member) => standingOf(current.sort, member.carerRef).contact === 'can_be_invited');
}

/** What a lead states to start a group. */
export interface GroupStart {
  name: string;
  startedFromSessionId?: string | undefined;
  meets?: string | undefined;
  topicsAsked: string[];
}

/** Starts a parent group: empty, or from a held session with the parents who came. */
export async function startGroup(
  store: PlanningPorts,
  partnershipId: string,
  start: GroupStart,
  by: string,
  now: Date,
): Promise<ParentGroup> {
  const members = start.startedFromSessionId
    ? await firstMembers(store, partnershipId, start.startedFromSessionId, now)
    : [];
  return store.parentGroups.save({
    id: randomUUID(),
    partnershipId,
    name: start.name,
    ...(start.startedFromSessionId ? { startedFromSessionId: start.startedFromSessionId } : {}),
    members,
    topicsAsked: start.topicsAsked,
    ...(start.meets ? { meets: start.meets } : {}),
    status: 'active',
    createdBy: by,
    createdAt: now.toISOString(),
  });
}

/** A carer joins on a day: a carer on the map whom any session could invite now (see `refuseJoining`). */
export async function joinGroup(
  store: PlanningPorts,
  group: ParentGroup,
  joining: GroupMember,
  by: string,
  now: Date,
): Promise<ParentGroup> {
  const current = await membersNow(store, group.partnershipId, [joining.carerRef]);
  refuseJoining(group, joining, standingOf(current.sort, joining.carerRef), todayOf(now));
  return store.parentGroups.change(group, {
    members: [...group.members, joining],
    updatedBy: by,
    updatedAt: now.toISOString(),
  });
}

/** A member leaves the group; their sessions keep the record of who came. */
export async function leaveGroup(
  store: PlanningPorts,
  group: ParentGroup,
  carerRef: string,
  by: string,
  now: Date,
): Promise<ParentGroup> {
  if (!group.members.some((member) => member.carerRef === carerRef)) throw new NotFoundError('group member', carerRef);
  return store.parentGroups.change(group, {
    members: group.members.filter((member) => member.carerRef !== carerRef),
    updatedBy: by,
    updatedAt: now.toISOString(),
  });
}

/** What a change of a group may state: its name, how often it meets, the topics asked, whether it still meets. */
export type GroupChanges = { [K in 'name' | 'meets' | 'topicsAsked' | 'status']?: ParentGroup[K] | undefined };

export async function changeGroup(
  store: PlanningPorts,
  group: ParentGroup,
  changes: GroupChanges,
  expectedVersion: number,
  by: string,
  now: Date,
): Promise<ParentGroup> {
  const stated = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const patch: Partial<Draft<ParentGroup>> = { ...stated, updatedBy: by, updatedAt: now.toISOString() };
  return store.parentGroups.change(group, patch, expectedVersion);
}

const refuseEnded = (group: ParentGroup, what: string) => {
  if (group.status === 'ended') throw new ConflictError(`The group has ended: ${what}.`);
};

/**
 * The group's next session: its members invited as any list sorts carers (consent,
 * do-not-contact, safety notes), for the members' children on the map, on the topics the
 * parents asked for unless others are chosen. Planned, to be made safe before anyone is invited.
 */
export async function planNextSession(
  store: PlanningPorts,
  group: ParentGroup,
  asked: { session: SessionDetails; topics?: ChosenTopic[] | undefined },
  by: string,
  now: Date,
): Promise<InvitationList> {
  refuseEnded(group, 'plan a session for a group that still meets');
  refusePastSession(asked.session, now);
  const { partnershipId } = group;
  const partnership = await store.partnerships.get(partnershipId);
  const current = await membersNow(
    store,
    partnershipId,
    group.members.map((member) => member.carerRef),
    partnership?.inviteSizeLimit ?? DEFAULT_INVITE_SIZE_LIMIT,
  );
  if (current.youngPersonRefs.length === 0) {
    throw new ConflictError('The group has no member with a child on the map yet: add a parent first.');
  }
  return store.invitationLists.save({
    id: randomUUID(),
    partnershipId,
    parentGroupId: group.id,
    status: 'planned',
    topics: asked.topics ?? topicsAskedBy(group),
    youngPersonRefs: current.youngPersonRefs,
    session: asked.session,
    ...current.sort,
    attendance: {},
    createdBy: by,
    createdAt: now.toISOString(),
  });
}

/**
 * The group's own plan, its joint safeguarding strategy with early help: not drafted from the
 * map's rules but written as the parents put it, with the actions they and early help agree.
 * It names no young person.
 */
export async function draftGroupPlan(
  store: PlanningPorts,
  group: ParentGroup,
  asked: { summary: string; actions: PlanAction[] },
  by: string,
  now: Date,
): Promise<ActionPlan> {
  refuseEnded(group, 'its plan is kept as it was');
  refuseNamedYoungPeople(asked.actions);
  return store.actionPlans.save({
    id: randomUUID(),
    partnershipId: group.partnershipId,
    parentGroupId: group.id,
    youngPersonRefs: [],
    status: 'draft',
    summary: asked.summary,
    actions: actionsAfter([], asked.actions),
    updatedBy: by,
    updatedAt: now.toISOString(),
  });
}

/** A page of the partnership's parent groups, each counted (members, sessions), naming no carer. */
export async function groupsPage(
  store: PlanningPorts,
  partnershipId: string,
  page: PageRequest,
): Promise<{ page: Page<ParentGroupSummary>; stored: ParentGroup[] }> {
  const stored = await store.parentGroups.list(partnershipId, page);
  const sessions = await mapWithConcurrency(stored.items, READ_CONCURRENCY, (group) =>
    store.invitationLists.ofParentGroup(partnershipId, group.id),
  );
  const items = stored.items.map((group, index) => ({
    id: group.id,
    name: group.name,
    ...(group.meets ? { meets: group.meets } : {}),
    status: group.status,
    topicsAsked: group.topicsAsked,
    ...(group.startedFromSessionId ? { startedFromSessionId: group.startedFromSessionId } : {}),
    createdAt: group.createdAt,
    version: group.version,
    members: group.members.length,
    sessions: sessions[index]?.length ?? 0,
  }));
  return { page: { items, ...(stored.cursor ? { cursor: stored.cursor } : {}) }, stored: stored.items };
}
