import type { SessionFor, SessionSummary } from '@peermap/contract';
import {
  type InvitationList,
  isPastSessionDate,
  isSessionHeld,
  mapWithConcurrency,
  type Page,
  type PageRequest,
  type PlanningPorts,
  READ_CONCURRENCY,
  type SessionStatus,
  sessionAsShown,
  sessionStatusOf,
  todayOf,
  ValidationError,
} from '@peermap/domain';
import { currentList } from './planning';

/** Which sessions the early help lead looks at: those still to come, or those held. */
export type SessionsWhen = 'upcoming' | 'past';

/** A page of the partnership's sessions, each as its list stands today, with the lists as stored (for the audit). */
export interface SessionsPage {
  page: Page<SessionSummary>;
  stored: InvitationList[];
}

/**
 * The partnership's Parent Empowerment Sessions by day: from today (UK) on, the nearest first,
 * or before today, the latest first. A session still to come is counted as its list stands
 * today, as the list itself is shown (a carer who withdrew consent since is no longer counted
 * as invited); a session held is counted as it was held, from the list as stored, so a carer
 * who came and later withdrew consent still counts among those who came.
 */
export async function sessionsPage(
  store: PlanningPorts,
  partnershipId: string,
  when: SessionsWhen,
  now: Date,
  page: PageRequest,
): Promise<SessionsPage> {
  const stored = await storedSessions(store, partnershipId, when, now, page);
  // One list at a time: each already reads its carers and young people several at once.
  const lists = await mapWithConcurrency(stored.items, 1, async (list) =>
    isPastSessionDate(list.session.date, now) ? list : currentList(store, list, now),
  );
  const names = await forNames(store, partnershipId, lists);
  const items = lists.map((list) => summaryOf(list, names, now));
  return { page: { items, ...(stored.cursor ? { cursor: stored.cursor } : {}) }, stored: stored.items };
}

/**
 * A page of the lists as stored. Sessions still to come start from today, so a cursor read
 * before midnight (UK) may point before the new day's first session: the lead is told to start
 * the list again rather than that the cursor is not the list's.
 */
async function storedSessions(
  store: PlanningPorts,
  partnershipId: string,
  when: SessionsWhen,
  now: Date,
  page: PageRequest,
): Promise<Page<InvitationList>> {
  try {
    return await store.invitationLists.sessions(partnershipId, when, todayOf(now), page);
  } catch (error) {
    if (when !== 'upcoming' || !page.cursor || !isCursorProblem(error)) throw error;
    throw new ValidationError(
      'The sessions still to come are listed from today, and the day has changed since this page was read (or the cursor is not from this list): start the list again from its first page.',
      [{ path: 'cursor', message: 'start the list of sessions still to come again, without a cursor' }],
    );
  }
}

const isCursorProblem = (error: unknown) =>
  error instanceof ValidationError && error.problems.some((problem) => problem.path === 'cursor');

/** Who came to a held session: the outcomes recorded, counted over everyone the list invited or marked. */
function heldCounts(list: InvitationList) {
  const outcomes = Object.values(list.attendance);
  const invited = new Set([...list.invite.map((carer) => carer.carerRef), ...Object.keys(list.attendance)]);
  return {
    invited: invited.size,
    attended: outcomes.filter((outcome) => outcome === 'attended').length,
    apologies: outcomes.filter((outcome) => outcome === 'apologies').length,
  };
}

/** Who came, as a list still to come stands: outcomes of the carers it invites today. */
function upcomingCounts(list: InvitationList) {
  const outcomes = list.invite.map((carer) => list.attendance[carer.carerRef] ?? 'invited');
  return {
    invited: list.invite.length,
    attended: outcomes.filter((outcome) => outcome === 'attended').length,
    apologies: outcomes.filter((outcome) => outcome === 'apologies').length,
  };
}

/**
 * How many carers a session invites, asks first, leaves out, and how many came: a held
 * session's list is the one stored, one still to come as it stands today (see sessionsPage).
 */
export function sessionCounts(list: InvitationList, now: Date): SessionSummary['counts'] {
  const { invited, attended, apologies } = isPastSessionDate(list.session.date, now)
    ? heldCounts(list)
    : upcomingCounts(list);
  return {
    invited,
    askConsentFirst: list.askConsentFirst.length,
    notInvited: list.notInvited.length,
    attended,
    apologies,
  };
}

/**
 * Where a session stands: its status, or, for a list from before sessions had one, held once
 * its day has gone by with someone come.
 */
export const stageOf = (list: InvitationList, now: Date): SessionStatus =>
  isSessionHeld(list, now) ? 'held' : sessionStatusOf(list);

/** The names of the groups, places and parent groups some sessions are for, each read once. */
export interface ForNames {
  groups: ReadonlyMap<string, string>;
  places: ReadonlyMap<string, string>;
  parentGroups: ReadonlyMap<string, string>;
}

/** Whom a session is for, named as the meeting knows it. */
export function sessionFor(list: InvitationList, names: ForNames): SessionFor {
  const named = (kind: SessionFor['kind'], id: string, name: string | undefined): SessionFor => ({
    kind,
    id,
    ...(name ? { name } : {}),
  });
  if (list.clusterId) return named('peer_group', list.clusterId, names.groups.get(list.clusterId));
  if (list.locationRef) return named('place', list.locationRef, names.places.get(list.locationRef));
  if (list.parentGroupId) return named('parent_group', list.parentGroupId, names.parentGroups.get(list.parentGroupId));
  return { kind: 'chosen_young_people' };
}

/** A session as the early help lead's list shows it: no carer named, only how many. */
export function summaryOf(list: InvitationList, names: ForNames, now: Date): SessionSummary {
  const groupLabel = list.clusterId ? names.groups.get(list.clusterId) : undefined;
  return {
    id: list.id,
    ...(list.clusterId ? { clusterId: list.clusterId } : {}),
    ...(groupLabel ? { groupLabel } : {}),
    session: sessionAsShown(list),
    status: isPastSessionDate(list.session.date, now) ? 'held' : 'upcoming',
    stage: stageOf(list, now),
    for: sessionFor(list, names),
    youngPeople: list.youngPersonRefs.length,
    counts: sessionCounts(list, now),
    createdAt: list.createdAt,
    version: list.version,
  };
}

/** The names of whom the sessions are for: groups by their meeting's number, places and parent groups by name. */
export async function forNames(
  store: PlanningPorts,
  partnershipId: string,
  lists: readonly InvitationList[],
): Promise<ForNames> {
  const wanted = (pick: (list: InvitationList) => string | undefined) => [
    ...new Set(lists.flatMap((list) => pick(list) ?? [])),
  ];
  const named = async <T extends { name: string }>(ids: string[], read: (id: string) => Promise<T | undefined>) => {
    const found = await mapWithConcurrency(ids, READ_CONCURRENCY, read);
    return new Map(ids.flatMap((id, index) => (found[index] ? [[id, found[index].name] as const] : [])));
  };
  const [groups, places, parentGroups] = await Promise.all([
    groupLabels(
      store,
      partnershipId,
      wanted((list) => list.clusterId),
    ),
    named(
      wanted((list) => list.locationRef),
      (ref) => store.locations.get(partnershipId, ref),
    ),
    named(
      wanted((list) => list.parentGroupId),
      (id) => store.parentGroups.get(partnershipId, id),
    ),
  ]);
  return { groups, places, parentGroups };
}

/**
 * The meeting's name for each group the lists are for ("Group 3"): a group keeps its number from
 * week to week, so the latest run's clusters name most; a group not found that week is named
 * from its own latest snapshot.
 */
async function groupLabels(
  store: PlanningPorts,
  partnershipId: string,
  wanted: string[],
): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  const latest = await store.analyses.latestCompleted(partnershipId);
  const clusters = latest ? await store.analyses.clusters(partnershipId, latest.id) : [];
  const labels = new Map(clusters.map((cluster) => [cluster.clusterId, cluster.label]));
  const missing = wanted.filter((id) => !labels.has(id));
  const histories = await mapWithConcurrency(missing, READ_CONCURRENCY, (id) =>
    store.analyses.clusterHistory(partnershipId, id),
  );
  for (const [index, id] of missing.entries()) {
    const label = histories[index]?.[0]?.label;
    if (label) labels.set(id, label);
  }
  return labels;
}
