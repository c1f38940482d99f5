import type { SessionView } from '@peermap/contract';
import {
  type BudgetLine,
  type ChosenTopic,
  ConflictError,
  can,
  type InvitationList,
  isPastSessionDate,
  languageNotes,
  NEXT_SESSION_STATUSES,
  NotFoundError,
  type PlanningPorts,
  type Role,
  refusePastSession,
  type SessionDetails,
  SessionLife,
  sessionAsShown,
  sessionTopicsOf,
  todayOf,
  VersionConflictError,
} from '@peermap/domain';
import { budgetTotals, refuseEndBeforeStart, refuseUnofferedTopics, topicsAsListed } from '@peermap/planning';
import { createInvitationList, currentList, seenRecentlyAt } from './planning';
import { forNames, sessionCounts, sessionFor, stageOf } from './sessions';

/** The parts of a session's plan beyond when and where: what it covers, what it costs, the organiser's notes. */
export interface SessionPlan {
  topics?: ChosenTopic[] | undefined;
  budget?: BudgetLine[] | undefined;
  notes?: string | undefined;
}

/** The parts of a session's plan a planner may send when making a session, or change later (zod, for the routes). */
export const SESSION_PLAN_FIELDS = {
  topics: SessionLife.topics,
  budget: SessionLife.budget,
  notes: SessionLife.notes,
};

/**
 * The session's day and times and its topics, checked as a planner expects: a day to come (UK),
 * an end after the start, topics from the partnership's list or asked for by parents. Answers
 * the topics as the list words them.
 */
async function checkedPlan(
  store: PlanningPorts,
  partnershipId: string,
  plan: { session?: SessionDetails | undefined; topics?: ChosenTopic[] | undefined },
  now: Date,
): Promise<ChosenTopic[] | undefined> {
  if (plan.session) {
    refusePastSession(plan.session, now);
    refuseEndBeforeStart(plan.session);
  }
  if (!plan.topics) return undefined;
  const offered = sessionTopicsOf((await store.partnerships.get(partnershipId))?.sessionTopics);
  refuseUnofferedTopics(plan.topics, offered);
  return topicsAsListed(plan.topics, offered);
}

type ListAsked = Parameters<typeof createInvitationList>[1];

/** A session with its invitation list, made with whatever of its plan the planner has already (topics, budget, notes). */
export async function createSession(
  store: PlanningPorts,
  asked: Omit<ListAsked, 'life'> & { plan: SessionPlan; locationRef?: string },
): Promise<InvitationList> {
  const topics = await checkedPlan(
    store,
    asked.partnershipId,
    { session: asked.session, topics: asked.plan.topics },
    asked.now,
  );
  const { plan, locationRef, ...list } = asked;
  return createInvitationList(store, {
    ...list,
    life: {
      ...(locationRef ? { locationRef } : {}),
      ...(topics ? { topics } : {}),
      ...(plan.budget ? { budget: plan.budget } : {}),
      ...(plan.notes ? { notes: plan.notes } : {}),
    },
  });
}

/**
 * A session for the families of a place: the young people the partners saw there in the last
 * four weeks (never restricted police intelligence), their carers sorted as for any list.
 */
export async function createSessionAtPlace(
  store: PlanningPorts,
  asked: Omit<ListAsked, 'life' | 'clusterId' | 'week' | 'youngPersonRefs'> & {
    locationRef: string;
    plan: SessionPlan;
  },
): Promise<InvitationList> {
  const location = await store.locations.get(asked.partnershipId, asked.locationRef);
  if (!location) throw new NotFoundError('location', asked.locationRef);
  const seen = await seenRecentlyAt(store, asked.partnershipId, location.ref, todayOf(asked.now));
  if (seen.length === 0) {
    throw new ConflictError(
      `Nobody has been seen at ${location.name} in the last four weeks: a session for the place has no families to invite yet.`,
    );
  }
  return createSession(store, { ...asked, locationRef: location.ref, youngPersonRefs: seen });
}

/** What a planner may change: the whole of each part sent; parts not sent stay as they are. */
export interface SessionChanges extends SessionPlan {
  session?: SessionDetails | undefined;
}

/** A session held or cancelled keeps its day, place and topics: what happened is not rewritten. */
const isClosed = (list: InvitationList, now: Date) => ['held', 'cancelled'].includes(stageOf(list, now));

/**
 * Changes a session's plan. Once it is held or cancelled only its budget (the costs as spent)
 * and the notes can change.
 */
export async function changeSession(
  store: PlanningPorts,
  stored: InvitationList,
  changes: SessionChanges,
  who: { by: string; now: Date; expectedVersion: number },
): Promise<InvitationList> {
  const { now } = who;
  // The version first: an edit racing another is told the session has changed (412), not why it may not.
  if (stored.version !== who.expectedVersion) {
    throw new VersionConflictError('session', stored.id, who.expectedVersion);
  }
  if (isClosed(stored, now) && (changes.session || changes.topics)) {
    throw new ConflictError(
      `This session is ${stageOf(stored, now) === 'held' ? 'held' : 'cancelled'}: its day, place, facilitators and topics stay as they were. Its actual costs and notes can still be recorded.`,
    );
  }
  const topics = await checkedPlan(store, stored.partnershipId, changes, now);
  return store.invitationLists.change(
    stored,
    {
      ...(changes.session ? { session: changes.session, ...approvalAfterMoving(stored, changes.session) } : {}),
      ...(topics ? { topics } : {}),
      ...(changes.budget ? { budget: changes.budget } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      updatedBy: who.by,
      updatedAt: now.toISOString(),
    },
    who.expectedVersion,
  );
}

/** Whether two sessions' details say the same, whatever order their fields were read in. */
const sameSession = (a: InvitationList['session'], b: InvitationList['session']) => {
  const written = (session: InvitationList['session']) =>
    JSON.stringify(Object.entries(session).sort(([x], [y]) => (x < y ? -1 : 1)));
  return written(a) === written(b);
};

/**
 * The risk assessment was approved for a day, a place and the people running it: when they change,
 * a second person approves it again before contact details go out (an approved session goes back
 * to assessed; one whose invitations went out stays sent, waiting for the approval). The wording
 * of the assessment stands; only its approval goes.
 */
function approvalAfterMoving(
  stored: InvitationList,
  session: InvitationList['session'],
): Partial<Pick<InvitationList, 'riskAssessment' | 'status'>> {
  const assessment = stored.riskAssessment;
  if (!assessment?.approvedBy || sameSession(session, stored.session)) return {};
  const { approvedBy: _by, approvedAt: _at, ...unapproved } = assessment;
  return { riskAssessment: unapproved, ...(stored.status === 'approved' ? { status: 'assessed' as const } : {}) };
}

/** Calls a session off, with the reason; one already held or cancelled cannot be. */
export async function cancelSession(
  store: PlanningPorts,
  stored: InvitationList,
  reason: string,
  who: { by: string; now: Date; expectedVersion: number },
): Promise<InvitationList> {
  if (stored.version !== who.expectedVersion) {
    throw new VersionConflictError('session', stored.id, who.expectedVersion);
  }
  const stage = stageOf(stored, who.now);
  if (!NEXT_SESSION_STATUSES[stage].includes('cancelled')) {
    throw new ConflictError(`A session that is ${stage === 'held' ? 'held' : 'cancelled'} cannot be cancelled.`);
  }
  return store.invitationLists.change(
    stored,
    { status: 'cancelled', cancelledReason: reason, updatedBy: who.by, updatedAt: who.now.toISOString() },
    who.expectedVersion,
  );
}

/**
 * Whether a role sees a session's budget, the organiser's notes and why it was cancelled (which may speak of families): those who plan and approve
 * sessions do; police analysts see when, where, who runs it, what it covers and where it stands.
 */
export const seesSessionWorkings = (role: Role) => can(role, 'sessions:approve');

/** A session as its life stands, as the role may see it: counts of carers, never their names. */
export async function sessionViewOf(
  store: PlanningPorts,
  stored: InvitationList,
  role: Role,
  now: Date,
): Promise<SessionView> {
  const list = isPastSessionDate(stored.session.date, now) ? stored : await currentList(store, stored, now);
  const [names, partnership] = await Promise.all([
    forNames(store, stored.partnershipId, [stored]),
    store.partnerships.get(stored.partnershipId),
  ]);
  const workings = seesSessionWorkings(role);
  const lines = stored.budget ?? [];
  return {
    id: stored.id,
    for: sessionFor(stored, names),
    // Those who plan sessions see the link they set; everyone else once the session is approved.
    session: can(role, 'sessions:plan') ? stored.session : sessionAsShown(list),
    status: stageOf(stored, now),
    topics: stored.topics ?? [],
    ...(workings
      ? {
          budget: { lines, ...budgetTotals(lines) },
          ...(stored.notes ? { notes: stored.notes } : {}),
          languageNotes: languageNotes({ notes: stored.notes ?? '' }, partnership?.languagePhrases ?? []),
          ...(stored.cancelledReason ? { cancelledReason: stored.cancelledReason } : {}),
        }
      : {}),
    youngPeople: stored.youngPersonRefs.length,
    counts: sessionCounts(list, now),
    createdBy: stored.createdBy,
    createdAt: stored.createdAt,
    ...(stored.updatedBy ? { updatedBy: stored.updatedBy } : {}),
    ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
    version: stored.version,
  };
}
