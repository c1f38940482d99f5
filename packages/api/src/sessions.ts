import type { SessionSummary } from '@peermap/contract';
import {
  type InvitationList,
  isPastSessionDate,
  mapWithConcurrency,
  type Page,
  type PageRequest,
  type PlanningPorts,
  READ_CONCURRENCY,
  todayOf,
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
 * or before today, the latest first. Each is counted as its list stands today, as the list
 * itself is shown (a carer who withdrew consent since is no longer counted as invited).
 */
export async function sessionsPage(
  store: PlanningPorts,
  partnershipId: string,
  when: SessionsWhen,
  now: Date,
  page: PageRequest,
): Promise<SessionsPage> {
  const stored = await store.invitationLists.sessions(partnershipId, when, todayOf(now), page);
  // One list at a time: each already reads its carers and young people several at once.
  const lists = await mapWithConcurrency(stored.items, 1, (list) => currentList(store, list));
  const labels = await groupLabels(store, partnershipId, lists);
  const items = lists.map((list) => summaryOf(list, labels.get(list.clusterId ?? ''), now));
  return { page: { items, ...(stored.cursor ? { cursor: stored.cursor } : {}) }, stored: stored.items };
}

/** A session as the early help lead's list shows it: no carer named, only how many. */
export function summaryOf(list: InvitationList, groupLabel: string | undefined, now: Date): SessionSummary {
  const outcomes = list.invite.map((carer) => list.attendance[carer.carerRef] ?? 'invited');
  return {
    id: list.id,
    ...(list.clusterId ? { clusterId: list.clusterId } : {}),
    ...(groupLabel ? { groupLabel } : {}),
    session: list.session,
    status: isPastSessionDate(list.session.date, now) ? 'held' : 'upcoming',
    youngPeople: list.youngPersonRefs.length,
    counts: {
      invited: list.invite.length,
      askConsentFirst: list.askConsentFirst.length,
      notInvited: list.notInvited.length,
      attended: outcomes.filter((outcome) => outcome === 'attended').length,
      apologies: outcomes.filter((outcome) => outcome === 'apologies').length,
    },
    createdAt: list.createdAt,
    version: list.version,
  };
}

/**
 * The meeting's name for each group the lists are for ("Group 3"): a group keeps its number from
 * week to week, so the latest run's clusters name most; a group not found that week is named
 * from its own latest snapshot.
 */
async function groupLabels(
  store: PlanningPorts,
  partnershipId: string,
  lists: readonly InvitationList[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(lists.flatMap((list) => (list.clusterId ? [list.clusterId] : [])))];
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
