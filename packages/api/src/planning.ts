import { randomUUID } from 'node:crypto';
import {
  type ActionPlan,
  actionsAfter,
  ConflictError,
  DEFAULT_ACTION_RULES,
  DEFAULT_INVITE_SIZE_LIMIT,
  type Draft,
  daysBetween,
  type InvitationList,
  type InvitationOutcome,
  isPastSessionDate,
  type KeepWords,
  keptWordsAfter,
  type LanguageNote,
  mapWithConcurrency,
  NEXT_SESSION_STATUSES,
  NotFoundError,
  type Partnership,
  type PlanAction,
  type PlanningPorts,
  type PlanStatus,
  planWordNotes,
  READ_CONCURRENCY,
  refusePastSession,
  refuseUnexplainedWords,
  type SessionDetails,
  sessionStatusOf,
  todayOf,
  ValidationError,
  VersionConflictError,
} from '@peermap/domain';
import { subGroupsOf } from '@peermap/graph';
import {
  draftClusterPlan,
  draftPlacePlan,
  keepRecordedAttendance,
  refuseNamedYoungPeople,
  sortCarers,
  uncovered,
  withOffersApplied,
} from '@peermap/planning';
import { currentCluster } from './analysis';

/** Sightings this recent count as where a group gathers now (as in the analysis). */
const RECENT_DAYS = 28;

/** Within the last four weeks, and not dated in the future (a typing slip is not a sighting yet). */
const isRecent = (ageInDays: number) => ageInDays >= 0 && ageInDays < RECENT_DAYS;

async function partnershipOf(store: PlanningPorts, partnershipId: string): Promise<Partial<Partnership>> {
  return (await store.partnerships.get(partnershipId)) ?? {};
}

/**
 * An invitation list for a cluster's young people (or a chosen set of them, or of anyone on the
 * map): every carer sorted into invite, ask consent first and not invited, with the reason.
 */
export async function createInvitationList(
  store: PlanningPorts,
  asked: {
    partnershipId: string;
    clusterId?: string | undefined;
    week?: string | undefined;
    youngPersonRefs?: readonly string[] | undefined;
    session: SessionDetails;
    /** The rest of the session's plan, when it is made with one (topics, budget, notes), or the place it is for. */
    life?: Pick<InvitationList, 'locationRef' | 'topics' | 'budget' | 'notes'> | undefined;
    createdBy: string;
    now: Date;
  },
): Promise<InvitationList> {
  const { partnershipId } = asked;
  refusePastSession(asked.session, asked.now);
  const cluster = asked.clusterId ? await currentCluster(store, partnershipId, asked.clusterId, asked.week) : undefined;
  const refs = asked.youngPersonRefs ?? cluster?.memberRefs ?? [];
  if (cluster && asked.youngPersonRefs) {
    const outside = asked.youngPersonRefs.filter((ref) => !cluster.memberRefs.includes(ref));
    if (outside.length > 0) {
      throw new ValidationError('Choose young people of the cluster.', [
        { path: 'youngPersonRefs', message: `not in ${cluster.label}: ${outside.join(', ')}` },
      ]);
    }
  }
  const people = await mapWithConcurrency(refs, READ_CONCURRENCY, (ref) => store.youngPeople.get(partnershipId, ref));
  const missing = refs.filter((_, index) => !people[index]);
  if (missing.length > 0) throw new NotFoundError('young person', missing.join(', '));
  const carers = (
    await mapWithConcurrency(refs, READ_CONCURRENCY, (ref) => store.carers.ofYoungPerson(partnershipId, ref))
  ).flat();
  const partnership = await partnershipOf(store, partnershipId);
  const sorted = sortCarers({
    youngPersonRefs: refs,
    youngPeople: new Map(people.flatMap((person) => (person ? [[person.ref, person]] : []))),
    carers,
    inviteSizeLimit: partnership.inviteSizeLimit ?? DEFAULT_INVITE_SIZE_LIMIT,
    ...(cluster ? { subGroups: subGroupsOf(cluster).map((group) => group.filter((ref) => refs.includes(ref))) } : {}),
  });
  return store.invitationLists.save({
    id: randomUUID(),
    partnershipId,
    ...(cluster ? { clusterId: cluster.clusterId } : {}),
    ...asked.life,
    youngPersonRefs: [...refs],
    session: asked.session,
    // A new session is made safe before anyone is invited: its risk assessment is completed and approved first.
    status: 'planned',
    ...sorted,
    attendance: {},
    createdBy: asked.createdBy,
    createdAt: asked.now.toISOString(),
  });
}

/**
 * A stored list as it stands today: each listed carer sorted again from their current record,
 * so a do-not-contact flag, a safety note or withdrawn consent added since the list was made
 * takes them off the invitation (and their contact details with it) at once. Carers no longer
 * on the map drop out; nobody is added (a new list is made for that).
 */
export async function currentList(store: PlanningPorts, list: InvitationList, now: Date): Promise<InvitationList> {
  const { partnershipId } = list;
  const listed = [...list.invite, ...list.askConsentFirst, ...list.notInvited].map((carer) => carer.carerRef);
  const [carers, people] = await Promise.all([
    mapWithConcurrency([...new Set(listed)], READ_CONCURRENCY, (ref) => store.carers.get(partnershipId, ref)),
    mapWithConcurrency(list.youngPersonRefs, READ_CONCURRENCY, (ref) => store.youngPeople.get(partnershipId, ref)),
  ]);
  const today = sortCarers({
    youngPersonRefs: list.youngPersonRefs,
    youngPeople: new Map(people.flatMap((person) => (person ? [[person.ref, person]] : []))),
    carers: carers.filter((carer) => carer !== undefined),
    inviteSizeLimit: Number.POSITIVE_INFINITY,
  });
  const sorted = withOffersApplied(
    isPastSessionDate(list.session.date, now) ? keepRecordedAttendance(list, today) : today,
    list.riskAssessment,
  );
  const invited = new Set(sorted.invite.map((carer) => carer.carerRef));
  const warning = list.sizeWarning;
  const sizeWarning = warning &&
    invited.size > warning.limit && {
      limit: warning.limit,
      inviteCount: invited.size,
      proposedSessions: warning.proposedSessions
        .map((session) => ({ ...session, carerRefs: session.carerRefs.filter((ref) => invited.has(ref)) }))
        .filter((session) => session.carerRefs.length > 0),
    };
  const { sizeWarning: _, ...rest } = list;
  return {
    ...rest,
    invite: sorted.invite,
    askConsentFirst: sorted.askConsentFirst,
    notInvited: sorted.notInvited,
    ...(sizeWarning ? { sizeWarning } : {}),
  };
}

/** Records who came: only carers who were invited can have attended or sent apologies. */
export async function recordAttendance(
  store: PlanningPorts,
  stored: InvitationList,
  attendance: Readonly<Record<string, InvitationOutcome>>,
  expectedVersion: number,
  now: Date,
): Promise<InvitationList> {
  const list = await currentList(store, stored, now);
  const invited = new Set(list.invite.map((carer) => carer.carerRef));
  const strangers = Object.keys(attendance).filter((ref) => !invited.has(ref));
  if (strangers.length > 0) {
    throw new ValidationError('Attendance is for carers on the invite list.', [
      { path: 'attendance', message: `not invited: ${strangers.join(', ')}` },
    ]);
  }
  const recorded = { ...stored.attendance, ...attendance };
  const held = heldOnceRecorded(stored, recorded, now);
  const saved = await store.invitationLists.change(
    stored,
    { attendance: recorded, ...(held ? { status: held } : {}) },
    expectedVersion,
  );
  return currentList(store, saved, now);
}

/**
 * A session whose attendance is recorded on its day or after it, with someone marked as having
 * come, sent apologies or not answered, took place: it becomes held (a list from before
 * sessions had a status too). Recorded before its day, it is a plan still.
 */
function heldOnceRecorded(
  stored: InvitationList,
  recorded: Readonly<Record<string, InvitationOutcome>>,
  now: Date,
): 'held' | undefined {
  if (stored.session.date > todayOf(now)) return undefined;
  if (!NEXT_SESSION_STATUSES[sessionStatusOf(stored)].includes('held')) return undefined;
  return Object.values(recorded).some((outcome) => outcome !== 'invited') ? 'held' : undefined;
}

/** A plan as it is answered: with the language notes on what people wrote and who no action covers yet. */
export interface PlanView {
  plan: ActionPlan;
  languageNotes: LanguageNote[];
  uncovered: string[];
}

/** The partnership's own blaming phrases, added to the guide's. */
const addedPhrases = async (store: PlanningPorts, partnershipId: string) =>
  (await partnershipOf(store, partnershipId)).languagePhrases ?? [];

export async function viewOf(store: PlanningPorts, plan: ActionPlan): Promise<PlanView> {
  const notes = planWordNotes(plan, await addedPhrases(store, plan.partnershipId));
  return {
    plan,
    languageNotes: notes.map(({ field, phrase, suggestion }) => ({ field, phrase, suggestion })),
    uncovered: uncovered(plan.youngPersonRefs ?? [], plan.actions),
  };
}

/** Drafts a peer group's plan from its latest (or the given week's) report and the partnership's rules. */
export async function draftPlanForCluster(
  store: PlanningPorts,
  asked: { partnershipId: string; clusterId: string; week?: string | undefined; by: string; now: Date },
): Promise<ActionPlan> {
  const { partnershipId } = asked;
  const cluster = await currentCluster(store, partnershipId, asked.clusterId, asked.week);
  const today = asked.now.toISOString().slice(0, 10);
  const [concerns, sightings, partnership] = await Promise.all([
    mapWithConcurrency(cluster.memberRefs, READ_CONCURRENCY, (ref) => store.concerns.ofPerson(partnershipId, ref)),
    mapWithConcurrency(cluster.memberRefs, READ_CONCURRENCY, (ref) => store.sightings.ofPerson(partnershipId, ref)),
    partnershipOf(store, partnershipId),
  ]);
  const seenAt = new Map<string, string[]>();
  for (const sighting of sightings.flat()) {
    if (sighting.restricted || !isRecent(daysBetween(sighting.seenOn, today))) continue;
    const seen = seenAt.get(sighting.locationRef) ?? [];
    if (!seen.includes(sighting.personRef)) seen.push(sighting.personRef);
    seenAt.set(sighting.locationRef, seen);
  }
  const draft = draftClusterPlan({
    cluster,
    concernsOf: new Map(cluster.memberRefs.map((ref, index) => [ref, concerns[index] ?? []])),
    seenAt,
    rules: partnership.actionRules ?? DEFAULT_ACTION_RULES,
    today,
  });
  return store.actionPlans.save({
    id: randomUUID(),
    partnershipId,
    clusterId: cluster.clusterId,
    analysisId: cluster.analysisId,
    youngPersonRefs: [...cluster.memberRefs],
    status: 'draft',
    ...draft,
    updatedBy: asked.by,
    updatedAt: asked.now.toISOString(),
  });
}

/**
 * The young people seen at a place in the last four weeks, by the partners' sightings only:
 * restricted police intelligence never decides whom a plan or a session is for.
 */
export async function seenRecentlyAt(
  store: PlanningPorts,
  partnershipId: string,
  locationRef: string,
  today: string,
): Promise<string[]> {
  const sightings = await store.sightings.atLocation(partnershipId, locationRef, { limit: 500 });
  const recent = sightings.items.filter((s) => !s.restricted && isRecent(daysBetween(s.seenOn, today)));
  return [...new Set(recent.map((s) => s.personRef))].sort();
}

/** Drafts a place's own plan: its safety assessment and the actions for police, council and owners. */
export async function draftPlanForPlace(
  store: PlanningPorts,
  asked: { partnershipId: string; locationRef: string; by: string; now: Date },
): Promise<ActionPlan> {
  const { partnershipId } = asked;
  const location = await store.locations.get(partnershipId, asked.locationRef);
  if (!location) throw new NotFoundError('location', asked.locationRef);
  const today = asked.now.toISOString().slice(0, 10);
  const [seenRefs, partnership] = await Promise.all([
    seenRecentlyAt(store, partnershipId, location.ref, today),
    partnershipOf(store, partnershipId),
  ]);
  const draft = draftPlacePlan({ location, seenRefs, rules: partnership.actionRules ?? DEFAULT_ACTION_RULES, today });
  return store.actionPlans.save({
    id: randomUUID(),
    partnershipId,
    locationRef: location.ref,
    status: 'draft',
    ...draft,
    updatedBy: asked.by,
    updatedAt: asked.now.toISOString(),
  });
}

/** The changes a plan's editor may make: its words and its actions; the status has its own step. */
export interface PlanChanges {
  summary?: string | undefined;
  /** The whole list; each action's basis is the plan's own (see `actionsAfter`), whatever is sent. */
  actions?: PlanAction[] | undefined;
  /** The flagged phrases kept, and why: the whole list (absent: those kept before, where still written). */
  keptWords?: KeepWords[] | undefined;
}

/**
 * Changes a plan's words or actions. A plan the meeting agreed (or reviewed) that is changed
 * goes back to draft, to be agreed again: the agreed version stays in its history.
 */
export async function changePlan(
  store: PlanningPorts,
  plan: ActionPlan,
  changes: PlanChanges,
  by: string,
  now: Date,
  expectedVersion: number,
): Promise<ActionPlan> {
  const actions = changes.actions && actionsAfter(plan.actions, changes.actions);
  await refuseStrangers(store, plan, actions ?? []);
  const words = { summary: changes.summary ?? plan.summary, actions: actions ?? plan.actions };
  const keptWords = keptWordsAfter(
    { ...words, keptWords: plan.keptWords },
    changes.keptWords,
    await addedPhrases(store, plan.partnershipId),
    { by, at: now.toISOString() },
  );
  const change: Partial<Draft<ActionPlan>> = {
    ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
    ...(actions !== undefined ? { actions } : {}),
    ...(keptWords !== undefined ? { keptWords } : {}),
    status: 'draft',
    updatedBy: by,
    updatedAt: now.toISOString(),
  };
  return store.actionPlans.change(plan, change, expectedVersion);
}

/**
 * An action covers young people of the plan's group; a place's plan may name anyone on the
 * map; a parent group's plan, the parents' own, names no one. A ref that is neither is
 * refused, so a plan never names someone by mistake.
 */
async function refuseStrangers(store: PlanningPorts, plan: ActionPlan, actions: readonly PlanAction[]): Promise<void> {
  if (plan.parentGroupId) return refuseNamedYoungPeople(actions);
  const named = [...new Set(actions.flatMap((a) => a.coversRefs))];
  const group = plan.youngPersonRefs ? new Set(plan.youngPersonRefs) : undefined;
  const strangers = group
    ? named.filter((ref) => !group.has(ref))
    : (
        await mapWithConcurrency(named, READ_CONCURRENCY, async (ref) =>
          (await store.youngPeople.get(plan.partnershipId, ref)) ? undefined : ref,
        )
      ).filter((ref): ref is string => ref !== undefined);
  if (strangers.length === 0) return;
  throw new ValidationError('An action covers young people of this plan only.', [
    {
      path: 'actions',
      message: `${group ? 'not in the group' : 'not on the map'}: ${strangers.slice(0, 20).join(', ')}`,
    },
  ]);
}

const NEXT_STATUSES: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['agreed'],
  agreed: ['reviewed', 'draft'],
  reviewed: ['draft'],
};

/** The chair moves a plan from draft to agreed to reviewed; a plan is agreed only when it covers every young person. */
export async function movePlan(
  store: PlanningPorts,
  plan: ActionPlan,
  status: PlanStatus,
  by: string,
  now: Date,
  expectedVersion: number,
): Promise<ActionPlan> {
  // The version first: a request racing another that has just moved the plan is told the plan
  // has changed (412), not that the status it asked for no longer follows (409).
  if (plan.version !== expectedVersion) throw new VersionConflictError('action plan', plan.id, expectedVersion);
  if (!NEXT_STATUSES[plan.status].includes(status)) {
    throw new ConflictError(`A plan that is ${plan.status} cannot become ${status}.`);
  }
  if (status === 'agreed') {
    refuseUncovered(plan);
    refuseUnexplainedWords(plan, await addedPhrases(store, plan.partnershipId));
  }
  return store.actionPlans.change(plan, { status, updatedBy: by, updatedAt: now.toISOString() }, expectedVersion);
}

function refuseUncovered(plan: Pick<ActionPlan, 'actions' | 'youngPersonRefs'>): void {
  if (plan.actions.length === 0) {
    throw new ConflictError('A plan with no actions cannot be agreed: add what each agency will do.');
  }
  const left = uncovered(plan.youngPersonRefs ?? [], plan.actions);
  if (left.length > 0) {
    throw new ConflictError(
      `No action covers ${left.join(', ')}: give every young person in the group an action before the plan is agreed.`,
    );
  }
}
