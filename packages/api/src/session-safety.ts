import type { RiskAssessmentChange, RiskAssessmentView } from '@peermap/contract';
import {
  ConflictError,
  type InvitationList,
  isSessionApproved,
  type LanguageNote,
  languageNotes,
  type MapStore,
  mapWithConcurrency,
  NEXT_SESSION_STATUSES,
  NotFoundError,
  type PlanningPorts,
  READ_CONCURRENCY,
  type RiskAssessment,
  type SessionStatus,
  sessionStatusOf,
  ValidationError,
  VersionConflictError,
} from '@peermap/domain';
import {
  type AssessmentStep,
  approvedAssessment,
  assessmentAfterChange,
  completedAssessment,
  offeredAnotherSession,
  refuseUnsoundPairs,
  safetySuggestions,
} from '@peermap/planning';
import { childrenNamedIn, packLanguageNotes } from '@peermap/reports';
import { currentList } from './planning';

type SafetyPorts = PlanningPorts & Pick<MapStore, 'relationships'>;

/** The problem every refusal before approval gives: contact details, exports and the pack wait for it. */
export const NOT_APPROVED_YET =
  "The session's risk assessment must be approved first: a second person approves it before anyone is invited.";

/** Exports and packs of a session wait for its approval; a list from before sessions had a status stands approved. */
export function refuseUnapproved(list: Pick<InvitationList, 'status' | 'riskAssessment' | 'invite'>): void {
  if (!isSessionApproved(list)) throw new ConflictError(NOT_APPROVED_YET);
}

/**
 * The stored session of the caller's partnership; one of another partnership is not found, as
 * one that never was. With the version its caller read: a session changed since is refused at
 * once (412), before any rule is asked, so of two steps taken at once the second is told the
 * session changed, not that the step no longer follows.
 */
export async function storedSession(
  store: PlanningPorts,
  partnershipId: string,
  id: string,
  expectedVersion?: number,
): Promise<InvitationList> {
  const list = await store.invitationLists.get(partnershipId, id);
  if (!list) throw new NotFoundError('session', id);
  if (expectedVersion !== undefined && list.version !== expectedVersion) {
    throw new VersionConflictError('session', id, expectedVersion);
  }
  return list;
}

const addedPhrases = async (store: PlanningPorts, partnershipId: string) =>
  (await store.partnerships.get(partnershipId))?.languagePhrases ?? [];

const assessmentWords = (assessment: Pick<RiskAssessment, 'groupDynamics' | 'confidentiality' | 'groupAgreement'>) => ({
  groupDynamics: assessment.groupDynamics,
  confidentiality: assessment.confidentiality,
  groupAgreement: assessment.groupAgreement,
});

/**
 * The assessment as its organiser and approver read it, with what the map suggests: conflict
 * links between the young people (the shared map only, never restricted police intelligence) and
 * the carers with a safety note, as a flag.
 */
export async function riskAssessmentView(
  store: SafetyPorts,
  stored: InvitationList,
  now: Date,
): Promise<RiskAssessmentView> {
  const { partnershipId } = stored;
  const list = await currentList(store, stored, now);
  const listed = [
    ...list.invite.map((carer) => ({ carer, listed: 'invite' as const })),
    ...list.askConsentFirst.map((carer) => ({ carer, listed: 'ask_consent_first' as const })),
    ...list.notInvited.map((carer) => ({ carer, listed: 'not_invited' as const })),
  ];
  const [carers, links] = await Promise.all([
    mapWithConcurrency(listed, READ_CONCURRENCY, ({ carer }) => store.carers.get(partnershipId, carer.carerRef)),
    mapWithConcurrency(list.youngPersonRefs, READ_CONCURRENCY, (ref) =>
      store.relationships.ofPerson(partnershipId, ref),
    ),
  ]);
  const relationships = links.flat().filter((link) => !link.restricted);
  const assessment = list.riskAssessment;
  return {
    sessionId: list.id,
    status: sessionStatusOf(list),
    ...(assessment ? { riskAssessment: assessment } : {}),
    carers: listed.map(({ carer, listed: where }) => ({ carerRef: carer.carerRef, name: carer.name, listed: where })),
    suggestions: safetySuggestions(
      list,
      carers.filter((carer) => carer !== undefined),
      relationships,
    ),
    languageNotes: assessment
      ? languageNotes(assessmentWords(assessment), await addedPhrases(store, partnershipId))
      : [],
  };
}

/** A flagged phrase as a problem of the field it is in, with better words. */
const problemOfNote = (note: LanguageNote) => ({
  path: note.field,
  message: `“${note.phrase}”: try “${note.suggestion}”`,
});

/** A step on a stored session: who takes it, when, and at the version they read. */
export interface SessionStep {
  store: PlanningPorts;
  stored: InvitationList;
  by: string;
  now: Date;
  expectedVersion: number;
}

const stamp = (by: string, now: Date) => ({ updatedBy: by, updatedAt: now.toISOString() });

/** Saves what the organiser wrote; a changed assessment is completed and approved again. */
export async function changeRiskAssessment(step: SessionStep, sent: RiskAssessmentChange): Promise<InvitationList> {
  const { store, stored, by, now, expectedVersion } = step;
  refuseUnsoundPairs(stored, sent.keepApart);
  const { riskAssessment, status } = assessmentAfterChange(stored, sent);
  return store.invitationLists.change(stored, { riskAssessment, status, ...stamp(by, now) }, expectedVersion);
}

/** The lead completes the written assessment, in words that do not blame or label a child. */
export async function completeRiskAssessment(step: SessionStep): Promise<InvitationList> {
  const { store, stored, by, now } = step;
  const next = completedAssessment(stored, by, now.toISOString());
  const notes = languageNotes(assessmentWords(next.riskAssessment), await addedPhrases(store, stored.partnershipId));
  if (notes.length > 0) {
    throw new ValidationError(
      'Blaming or labelling words stop the risk assessment being completed: change each.',
      notes.map(problemOfNote),
    );
  }
  return saveStep(step, next);
}

/** A second person approves, on the list as it stands today (who could be invited now). */
export async function approveRiskAssessment(step: SessionStep): Promise<InvitationList> {
  const { store, stored, by, now } = step;
  return saveStep(step, approvedAssessment(await currentList(store, stored, now), by, now.toISOString()));
}

function saveStep({ store, stored, by, now, expectedVersion }: SessionStep, next: AssessmentStep) {
  return store.invitationLists.change(
    stored,
    { riskAssessment: next.riskAssessment, status: next.status, ...stamp(by, now) },
    expectedVersion,
  );
}

/**
 * One of two carers kept apart is offered another session: taken off this one's invitations,
 * counted as not invited for a safety reason and never named as such to other parents.
 */
export async function offerAnotherSession(step: SessionStep, carerRef: string): Promise<InvitationList> {
  const { store, stored, by, now, expectedVersion } = step;
  const status = sessionStatusOf(stored);
  if (status === 'held' || status === 'cancelled') {
    throw new ConflictError(`The session is ${status}: nobody can be offered another session from it.`);
  }
  const riskAssessment = offeredAnotherSession(stored.riskAssessment, carerRef);
  return store.invitationLists.change(stored, { riskAssessment, ...stamp(by, now) }, expectedVersion);
}

/** Invitations go out once the assessment is approved: the session is then marked sent. */
export async function markInvitationsSent(step: SessionStep): Promise<InvitationList> {
  const { store, stored, by, now, expectedVersion } = step;
  const status = sessionStatusOf(stored);
  const next: SessionStatus = 'invitations_sent';
  if (status === 'planned' || status === 'assessed') throw new ConflictError(NOT_APPROVED_YET);
  if (!NEXT_SESSION_STATUSES[status].includes(next)) {
    throw new ConflictError(
      `The session is ${status.replaceAll('_', ' ')}: its invitations cannot be marked sent now.`,
    );
  }
  return store.invitationLists.change(stored, { status: next, ...stamp(by, now) }, expectedVersion);
}

/** Every young person on the partnership's map, by ref, with the name the map holds: a page at a time. */
async function everyChildOnTheMap(store: PlanningPorts, partnershipId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await store.youngPeople.list(partnershipId, { limit: 500, ...(cursor ? { cursor } : {}) });
    for (const person of page.items) names.set(person.ref, person.displayName ?? '');
    cursor = page.cursor;
  } while (cursor);
  return names;
}

/**
 * A session's pack is made once it is approved, from words that name no child of the session
 * (by name or ref), nor any other child on the map, and do not blame or label one. Refused naming each
 * field to change.
 */
export async function refuseUnfitPack(store: PlanningPorts, list: InvitationList): Promise<void> {
  refuseUnapproved(list);
  const people = await mapWithConcurrency(list.youngPersonRefs, READ_CONCURRENCY, (ref) =>
    store.youngPeople.get(list.partnershipId, ref),
  );
  const children = new Map(
    list.youngPersonRefs.map((ref, index) => [ref, people[index]?.displayName ?? ''] as [string, string]),
  );
  const naming = childrenNamedIn(list, children, await everyChildOnTheMap(store, list.partnershipId));
  const notes = packLanguageNotes(list, await addedPhrases(store, list.partnershipId));
  if (naming.length === 0 && notes.length === 0) return;
  throw new ValidationError(
    'The session pack holds nothing about any child, in words that do not blame: change each.',
    [
      ...naming.map((field) => ({ path: field, message: 'names a young person: the pack names no child' })),
      ...notes.map(problemOfNote),
    ],
  );
}
