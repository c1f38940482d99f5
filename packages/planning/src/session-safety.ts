import {
  type Carer,
  ConflictError,
  type InvitationList,
  type KeepApart,
  type NotInvitedCarer,
  type Relationship,
  type RiskAssessment,
  type SessionStatus,
  sessionStatusOf,
  ValidationError,
} from '@peermap/domain';

/** The parts of the assessment a person writes; who completed and approved it are the service's to record. */
export type AssessmentWords = Pick<RiskAssessment, 'groupDynamics' | 'confidentiality' | 'groupAgreement'> & {
  keepApart: readonly Omit<KeepApart, 'offeredAnotherSession'>[];
};

/** Why the map suggests keeping two carers apart; the words of any safety note stay on the carer's record. */
export type KeepApartBecause = 'young_people_in_conflict' | 'safety_note_in_family';

export interface KeepApartSuggestion {
  carerRefs: [string, string];
  because: KeepApartBecause;
  /** The assessment already keeps this pair apart. */
  kept: boolean;
}

/** A carer on the list with a safety note: the flag only, never the note's words. */
export interface SafetyNoteFlag {
  carerRef: string;
  name: string;
}

export interface SafetySuggestions {
  keepApart: KeepApartSuggestion[];
  safetyNotes: SafetyNoteFlag[];
  /** The written parts still empty: the assessment cannot be completed without them. */
  missing: (keyof Pick<RiskAssessment, 'groupDynamics' | 'confidentiality' | 'groupAgreement'>)[];
}

const samePair = (a: readonly string[], b: readonly string[]) =>
  (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** Carers who may come to the session: invited, or to be asked for consent (and then invited). */
export const carersWhoMayCome = (list: Pick<InvitationList, 'invite' | 'askConsentFirst'>) => [
  ...list.invite,
  ...list.askConsentFirst,
];

const listedRefs = (list: Pick<InvitationList, 'invite' | 'askConsentFirst' | 'notInvited'>) =>
  new Set([...list.invite, ...list.askConsentFirst, ...list.notInvited].map((carer) => carer.carerRef));

/**
 * What the map suggests the assessment considers: carers who may come whose young people are in
 * conflict with each other; carers with a safety note (a flag, never the note), with the other
 * carers of the same young people who may come; and the written parts still empty.
 */
export function safetySuggestions(
  list: Pick<InvitationList, 'invite' | 'askConsentFirst' | 'notInvited' | 'riskAssessment'>,
  carers: readonly Pick<Carer, 'ref' | 'name' | 'youngPersonRefs' | 'safetyNote'>[],
  relationships: readonly Pick<Relationship, 'personA' | 'personB' | 'kind'>[],
): SafetySuggestions {
  const listed = listedRefs(list);
  const onList = carers.filter((carer) => listed.has(carer.ref));
  const mayCome = carersWhoMayCome(list);
  const pairs = new Map<string, KeepApartSuggestion>();
  const kept = list.riskAssessment?.keepApart ?? [];
  const suggest = (a: string, b: string, because: KeepApartBecause) => {
    const carerRefs = ordered(a, b);
    const key = carerRefs.join('|');
    if (a === b || pairs.has(key)) return;
    pairs.set(key, { carerRefs, because, kept: kept.some((pair) => samePair(pair.carerRefs, carerRefs)) });
  };
  for (const link of relationships.filter((r) => r.kind === 'conflict')) {
    for (const first of mayCome.filter((c) => c.youngPersonRefs.includes(link.personA))) {
      for (const second of mayCome.filter((c) => c.youngPersonRefs.includes(link.personB))) {
        suggest(first.carerRef, second.carerRef, 'young_people_in_conflict');
      }
    }
  }
  const flagged = onList.filter((carer) => carer.safetyNote);
  for (const carer of flagged) {
    const family = mayCome.filter((other) => other.youngPersonRefs.some((ref) => carer.youngPersonRefs.includes(ref)));
    for (const other of family) suggest(carer.ref, other.carerRef, 'safety_note_in_family');
  }
  return {
    keepApart: [...pairs.values()],
    safetyNotes: flagged.map((carer) => ({ carerRef: carer.ref, name: carer.name })),
    missing: list.riskAssessment
      ? missingParts(list.riskAssessment)
      : ['groupDynamics', 'confidentiality', 'groupAgreement'],
  };
}

/** The written parts of an assessment still empty. */
export function missingParts(assessment: AssessmentWords): SafetySuggestions['missing'] {
  return (['groupDynamics', 'confidentiality', 'groupAgreement'] as const).filter(
    (part) => assessment[part].trim() === '',
  );
}

/** Each pair is two different carers of the session's list, named once. Refused naming each that is not. */
export function refuseUnsoundPairs(
  list: Pick<InvitationList, 'invite' | 'askConsentFirst' | 'notInvited'>,
  keepApart: AssessmentWords['keepApart'],
): void {
  const listed = listedRefs(list);
  const problems = keepApart.flatMap((pair, index) => {
    const [a, b] = pair.carerRefs;
    const strangers = pair.carerRefs.filter((ref) => !listed.has(ref));
    const twice = keepApart.findIndex((other) => samePair(other.carerRefs, pair.carerRefs)) < index;
    return [
      ...(a === b ? [{ path: `keepApart.${index}.carerRefs`, message: 'choose two different carers' }] : []),
      ...(strangers.length > 0
        ? [{ path: `keepApart.${index}.carerRefs`, message: `not on this session's list: ${strangers.join(', ')}` }]
        : []),
      ...(twice ? [{ path: `keepApart.${index}`, message: `${a} and ${b} are kept apart twice` }] : []),
    ];
  });
  if (problems.length === 0) return;
  throw new ValidationError('Keep apart two different carers of this session, each pair once.', problems);
}

const sameWords = (saved: RiskAssessment, sent: AssessmentWords) =>
  saved.groupDynamics === sent.groupDynamics &&
  saved.confidentiality === sent.confidentiality &&
  saved.groupAgreement === sent.groupAgreement &&
  saved.keepApart.length === sent.keepApart.length &&
  sent.keepApart.every((pair) =>
    saved.keepApart.some((old) => samePair(old.carerRefs, pair.carerRefs) && old.reason === pair.reason),
  );

/** Where a session goes when its assessment changes: back to planned from assessed or approved. */
const STATUS_AFTER_CHANGE: Readonly<Partial<Record<SessionStatus, SessionStatus>>> = {
  assessed: 'planned',
  approved: 'planned',
};

/**
 * The assessment after a change, and the session's status. An unchanged assessment stays as it
 * is; a changed one loses its completion and approval (to be completed and approved again) and
 * the session goes back to planned; sent invitations stay sent. Each pair keeps the offer made
 * for it. A session held or cancelled is not assessed again.
 */
export function assessmentAfterChange(
  session: Pick<InvitationList, 'status' | 'riskAssessment'>,
  sent: AssessmentWords,
): { riskAssessment: RiskAssessment; status: SessionStatus } {
  const status = sessionStatusOf(session);
  if (status === 'held' || status === 'cancelled') {
    throw new ConflictError(`The session is ${status}: its risk assessment is kept as it was.`);
  }
  const saved = session.riskAssessment;
  if (saved && sameWords(saved, sent)) return { riskAssessment: saved, status };
  const keepApart = sent.keepApart.map((pair) => {
    const offered = saved?.keepApart.find((old) => samePair(old.carerRefs, pair.carerRefs))?.offeredAnotherSession;
    return { carerRefs: pair.carerRefs, reason: pair.reason, ...(offered ? { offeredAnotherSession: offered } : {}) };
  });
  return {
    riskAssessment: {
      groupDynamics: sent.groupDynamics,
      confidentiality: sent.confidentiality,
      groupAgreement: sent.groupAgreement,
      keepApart,
    },
    status: STATUS_AFTER_CHANGE[status] ?? status,
  };
}

/** The assessment and where the session then stands. */
export interface AssessmentStep {
  riskAssessment: RiskAssessment;
  status: SessionStatus;
}

/**
 * The lead completes the assessment once its three parts are written: a planned session is then
 * assessed. One whose invitations went out before its assessment changed stays sent, waiting for
 * its approval again.
 */
export function completedAssessment(
  session: Pick<InvitationList, 'status' | 'riskAssessment'>,
  by: string,
  at: string,
): AssessmentStep {
  const assessment = session.riskAssessment;
  if (!assessment) throw new ConflictError('Write the risk assessment before completing it.');
  const missing = missingParts(assessment);
  if (missing.length > 0) {
    throw new ValidationError(
      'Write each part of the risk assessment before completing it.',
      missing.map((part) => ({ path: part, message: 'not written yet' })),
    );
  }
  const status = sessionStatusOf(session);
  const reopened = status === 'invitations_sent' && !assessment.completedBy;
  if (status !== 'planned' && !reopened) {
    throw new ConflictError(
      `The session is ${status.replaceAll('_', ' ')}: its risk assessment is not waiting to be completed.`,
    );
  }
  const { approvedBy: _by, approvedAt: _at, ...rest } = assessment;
  return { riskAssessment: { ...rest, completedBy: by, completedAt: at }, status: reopened ? status : 'assessed' };
}

/** The pairs whose two carers could both be invited: each must be resolved before approval. */
export function pairsBothInvited(list: Pick<InvitationList, 'invite' | 'askConsentFirst' | 'riskAssessment'>) {
  const mayCome = new Set(carersWhoMayCome(list).map((carer) => carer.carerRef));
  return (list.riskAssessment?.keepApart ?? []).filter((pair) => pair.carerRefs.every((ref) => mayCome.has(ref)));
}

/**
 * A second person approves a completed assessment: never the one who completed it, and only
 * once no two carers kept apart could both be invited. An assessed session is then approved.
 */
export function approvedAssessment(
  list: Pick<InvitationList, 'status' | 'riskAssessment' | 'invite' | 'askConsentFirst'>,
  by: string,
  at: string,
): AssessmentStep {
  const assessment = list.riskAssessment;
  const status = sessionStatusOf(list);
  const waiting = status === 'assessed' || (status === 'invitations_sent' && !assessment?.approvedBy);
  if (!assessment?.completedBy || !waiting) {
    throw new ConflictError('The risk assessment is not complete yet: the lead completes it before it is approved.');
  }
  if (assessment.completedBy === by) {
    throw new ConflictError(
      'A second person approves the risk assessment: you completed it, so ask a chair or another lead to approve it.',
    );
  }
  const together = pairsBothInvited(list);
  if (together.length > 0) {
    const pairs = together.map((pair) => pair.carerRefs.join(' and ')).join('; ');
    throw new ConflictError(
      `Carers kept apart could both be invited (${pairs}): offer one of each pair another session first.`,
    );
  }
  return {
    riskAssessment: { ...assessment, approvedBy: by, approvedAt: at },
    status: status === 'assessed' ? 'approved' : status,
  };
}

/**
 * The assessment with one carer offered another session: each pair naming them (and not yet
 * resolved) records it. Refused when no pair names the carer.
 */
export function offeredAnotherSession(assessment: RiskAssessment | undefined, carerRef: string): RiskAssessment {
  const pairs = assessment?.keepApart.filter((pair) => pair.carerRefs.includes(carerRef)) ?? [];
  if (!assessment || pairs.length === 0) {
    throw new ValidationError('Offer another session to a carer the risk assessment keeps apart.', [
      { path: 'carerRef', message: `${carerRef} is in no pair kept apart` },
    ]);
  }
  return {
    ...assessment,
    keepApart: assessment.keepApart.map((pair) =>
      pair.carerRefs.includes(carerRef) && !pair.offeredAnotherSession
        ? { ...pair, offeredAnotherSession: carerRef }
        : pair,
    ),
  };
}

/**
 * The list as it stands with the offers made: each carer offered another session is taken off
 * this one's invitations (invited or to be asked), not invited for that reason.
 */
export function withOffersApplied<L extends Pick<InvitationList, 'invite' | 'askConsentFirst' | 'notInvited'>>(
  list: L,
  assessment: RiskAssessment | undefined,
): L {
  const offered = new Set(
    (assessment?.keepApart ?? []).flatMap((pair) => (pair.offeredAnotherSession ? [pair.offeredAnotherSession] : [])),
  );
  if (offered.size === 0) return list;
  const moved: NotInvitedCarer[] = carersWhoMayCome(list)
    .filter((carer) => offered.has(carer.carerRef))
    .map((carer) => ({
      carerRef: carer.carerRef,
      name: carer.name,
      relationship: carer.relationship,
      parentalResponsibility: carer.parentalResponsibility,
      youngPersonRefs: carer.youngPersonRefs,
      ...(carer.preferredLanguage ? { preferredLanguage: carer.preferredLanguage } : {}),
      interpreterNeeded: carer.interpreterNeeded,
      transportNeeded: carer.transportNeeded,
      ...(carer.accessNeeds ? { accessNeeds: carer.accessNeeds } : {}),
      reason: 'another_session_offered',
    }));
  return {
    ...list,
    invite: list.invite.filter((carer) => !offered.has(carer.carerRef)),
    askConsentFirst: list.askConsentFirst.filter((carer) => !offered.has(carer.carerRef)),
    notInvited: [...list.notInvited, ...moved],
  };
}
