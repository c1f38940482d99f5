import {
  type AskConsentFirst,
  type Carer,
  CarerRelationship,
  type InvitationOutcome,
  type InvitedCarer,
  type NotInvitedCarer,
  type NotInvitedReason,
  type SizeWarning,
  type YoungPerson,
} from '@peermap/domain';
import type * as z from 'zod';

/** Parents and those in a parenting role: invited whether or not they hold parental responsibility. */
const CARING_ROLES: ReadonlySet<CarerRelationship> = new Set(CarerRelationship.exclude(['other']).options);

export interface InvitationInput {
  /** The young people the session is for (a cluster, or a chosen set). */
  readonly youngPersonRefs: readonly string[];
  readonly youngPeople: ReadonlyMap<string, Pick<YoungPerson, 'ref' | 'status' | 'keyWorker'>>;
  /** Every carer linked to any of those young people (each once). */
  readonly carers: readonly Carer[];
  readonly inviteSizeLimit: number;
  /** The group's sub-groups (young people's refs), to propose smaller sessions. */
  readonly subGroups?: readonly (readonly string[])[];
}

export interface InvitationSort {
  readonly invite: InvitedCarer[];
  readonly askConsentFirst: AskConsentFirst[];
  readonly notInvited: NotInvitedCarer[];
  readonly sizeWarning?: z.infer<typeof SizeWarning>;
}

/**
 * Sorts the carers of a group's young people into who to invite (consent given), whom to ask
 * first (not asked yet, with the key worker who should ask) and who is not invited, with the
 * reason. A carer of siblings in the group appears once, with all of them. Safety comes first:
 * a do-not-contact flag or a safety note leaves a carer out whatever their consent says.
 */
export function sortCarers(input: InvitationInput): InvitationSort {
  const inGroup = new Set(input.youngPersonRefs);
  const invite: InvitedCarer[] = [];
  const askConsentFirst: AskConsentFirst[] = [];
  const notInvited: NotInvitedCarer[] = [];
  const seen = new Set<string>();
  for (const carer of [...input.carers].sort((a, b) => (a.ref < b.ref ? -1 : 1))) {
    if (seen.has(carer.ref)) continue;
    seen.add(carer.ref);
    const forRefs = carer.youngPersonRefs.filter((ref) => inGroup.has(ref));
    if (forRefs.length === 0) continue;
    const open = forRefs.filter((ref) => input.youngPeople.get(ref)?.status === 'open');
    const listed = listedCarer(carer, open.length > 0 ? open : forRefs);
    const reason = reasonNotInvited(carer, open.length);
    if (reason) notInvited.push({ ...listed, reason });
    else if (carer.consent.status === 'given') invite.push({ ...listed, ...contactOf(carer) });
    else askConsentFirst.push({ ...listed, ...askedBy(open, input.youngPeople) });
  }
  const sizeWarning = warnOfSize(invite, input);
  return { invite, askConsentFirst, notInvited, ...(sizeWarning ? { sizeWarning } : {}) };
}

function reasonNotInvited(carer: Carer, openCases: number): NotInvitedReason | undefined {
  if (carer.doNotContact) return 'do_not_contact';
  if (carer.safetyNote) return 'safety_note';
  if (openCases === 0) return 'case_closed';
  if (carer.consent.status === 'withdrawn') return 'consent_withdrawn';
  if (carer.consent.status === 'declined') return 'consent_declined';
  if (!carer.parentalResponsibility && !CARING_ROLES.has(carer.relationship)) {
    return 'no_parental_responsibility_or_caring_role';
  }
  return undefined;
}

function listedCarer(carer: Carer, youngPersonRefs: readonly string[]) {
  return {
    carerRef: carer.ref,
    name: carer.name,
    relationship: carer.relationship,
    parentalResponsibility: carer.parentalResponsibility,
    youngPersonRefs: [...youngPersonRefs],
    ...(carer.preferredLanguage ? { preferredLanguage: carer.preferredLanguage } : {}),
    interpreterNeeded: carer.interpreterNeeded,
    transportNeeded: carer.transportNeeded,
    ...(carer.accessNeeds ? { accessNeeds: carer.accessNeeds } : {}),
  };
}

/** Phone first, then email; with neither, the key worker passes the invitation on. */
function contactOf(carer: Carer): Pick<InvitedCarer, 'contactRoute' | 'phone' | 'email'> {
  const { phone, email } = carer.contact;
  const route = phone ? 'phone' : email ? 'email' : 'key_worker';
  return { contactRoute: route, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
}

function askedBy(refs: readonly string[], youngPeople: InvitationInput['youngPeople']) {
  const keyWorker = refs.map((ref) => youngPeople.get(ref)?.keyWorker).find(Boolean);
  return keyWorker ? { askedBy: keyWorker } : {};
}

/**
 * Past the size limit, proposes sessions along the group's sub-groups: each sub-group's
 * invited carers, packed largest first into sessions of at most the limit where they fit.
 */
function warnOfSize(invite: readonly InvitedCarer[], input: InvitationInput) {
  if (invite.length <= input.inviteSizeLimit) return undefined;
  const subGroups = input.subGroups?.length ? input.subGroups : [input.youngPersonRefs];
  const carersOf = (refs: readonly string[]) =>
    invite.filter((c) => c.youngPersonRefs.some((ref) => refs.includes(ref))).map((c) => c.carerRef);
  const parts = subGroups
    .map((refs) => ({ youngPersonRefs: [...refs], carerRefs: carersOf(refs) }))
    .filter((part) => part.carerRefs.length > 0)
    .sort((a, b) => b.carerRefs.length - a.carerRefs.length);
  const sessions: { youngPersonRefs: string[]; carerRefs: string[] }[] = [];
  for (const part of parts) {
    const room = sessions.find((s) => new Set([...s.carerRefs, ...part.carerRefs]).size <= input.inviteSizeLimit);
    if (room) {
      room.youngPersonRefs.push(...part.youngPersonRefs);
      room.carerRefs = [...new Set([...room.carerRefs, ...part.carerRefs])];
    } else {
      sessions.push({ youngPersonRefs: [...part.youngPersonRefs], carerRefs: [...part.carerRefs] });
    }
  }
  return { limit: input.inviteSizeLimit, inviteCount: invite.length, proposedSessions: sessions };
}

/**
 * A held session keeps its record of who came. A carer recorded as coming, sending apologies or
 * not answering, whom today's sort leaves off the invite (consent withdrawn, do-not-contact or a
 * safety note since), stays on it as listed then, reached only through the key worker (no phone
 * or email shown), and is not listed again under another heading. A carer today's sort no
 * longer knows (erased, or off the map) stays out.
 */
export function keepRecordedAttendance(
  stored: {
    readonly invite: readonly InvitedCarer[];
    readonly attendance: Readonly<Record<string, InvitationOutcome>>;
  },
  today: InvitationSort,
): InvitationSort {
  const recorded = new Set(
    Object.entries(stored.attendance)
      .filter(([, outcome]) => outcome !== 'invited')
      .map(([carerRef]) => carerRef),
  );
  const invitedToday = new Set(today.invite.map((carer) => carer.carerRef));
  const stillKnown = new Set([...today.askConsentFirst, ...today.notInvited].map((carer) => carer.carerRef));
  const kept = stored.invite
    .filter((carer) => recorded.has(carer.carerRef) && !invitedToday.has(carer.carerRef))
    .filter((carer) => stillKnown.has(carer.carerRef))
    .map(({ phone: _phone, email: _email, ...carer }) => ({ ...carer, contactRoute: 'key_worker' as const }));
  if (kept.length === 0) return today;
  const keptRefs = new Set(kept.map((carer) => carer.carerRef));
  return {
    ...today,
    invite: [...today.invite, ...kept],
    askConsentFirst: today.askConsentFirst.filter((carer) => !keptRefs.has(carer.carerRef)),
    notInvited: today.notInvited.filter((carer) => !keptRefs.has(carer.carerRef)),
  };
}
