import { randomUUID } from 'node:crypto';
import type {
  ActionPlan,
  AnalysisSnapshot,
  AuditEvent,
  Carer,
  Concern,
  Draft,
  InvitationList,
  Location,
  Provenance,
  Relationship,
  Sighting,
  UploadRecord,
  YoungPerson,
} from '@peermap/domain';

/** Valid drafts of every record, for tests to vary one field at a time. All names are invented. */
export const provenance: Provenance = {
  recordedBy: 'chair-1',
  recordedAt: '2026-11-20T10:00:00.000Z',
};

export const youngPerson = (
  partnershipId: string,
  ref: string,
  over: Partial<YoungPerson> = {},
): Draft<YoungPerson> => ({
  partnershipId,
  provenance,
  ref,
  displayName: 'Sam T.',
  dateOfBirth: '2011-04-02',
  gender: 'male',
  ethnicity: 'Not stated',
  educationStatus: 'part_time',
  agencies: ['early_help', 'education'],
  keyWorker: 'Alex Worker',
  strengths: ['plays for a local football team'],
  status: 'open',
  ...over,
});

export const relationship = (
  partnershipId: string,
  personA: string,
  personB: string,
  over: Partial<Relationship> = {},
): Draft<Relationship> => ({
  partnershipId,
  provenance,
  personA,
  personB,
  kind: 'friend',
  strength: 2,
  firstSeen: '2026-09-01',
  lastSeen: '2026-11-10',
  sourceAgency: 'police',
  grading: { sourceEvaluation: 2, intelligenceAssessment: 'B', handlingCode: 'P' },
  restricted: false,
  ...over,
});

export const location = (partnershipId: string, ref: string, over: Partial<Location> = {}): Draft<Location> => ({
  partnershipId,
  provenance,
  ref,
  name: 'Old Mill Yard',
  kind: 'abandoned_building',
  position: { latitude: 51.1298, longitude: 0.9017 },
  gridReference: { easting: 604607, northing: 143198 },
  sourceAgency: 'police',
  notes: 'Unsecured',
  ...over,
});

export const sighting = (
  partnershipId: string,
  personRef: string,
  locationRef: string,
  over: Partial<Sighting> = {},
): Draft<Sighting> => ({
  partnershipId,
  provenance,
  personRef,
  locationRef,
  seenOn: '2026-11-12',
  sourceAgency: 'police',
  grading: { sourceEvaluation: 1, intelligenceAssessment: 'A', handlingCode: 'P' },
  restricted: false,
  ...over,
});

export const concern = (partnershipId: string, personRef: string, over: Partial<Concern> = {}): Draft<Concern> => ({
  partnershipId,
  provenance,
  personRef,
  category: 'missing_episode',
  occurredOn: '2026-11-08',
  severity: 'medium',
  sourceAgency: 'early_help',
  status: 'open',
  note: 'Returned home the next morning; return-home interview offered.',
  ...over,
});

export const carer = (
  partnershipId: string,
  ref: string,
  youngPersonRefs: string[],
  over: Partial<Carer> = {},
): Draft<Carer> => ({
  partnershipId,
  provenance,
  ref,
  youngPersonRefs,
  name: 'Jo Parent',
  relationship: 'mother',
  parentalResponsibility: true,
  contact: { phone: '07700 900123', email: 'jo@example.org' },
  preferredLanguage: 'English',
  interpreterNeeded: false,
  transportNeeded: true,
  accessNeeds: 'evening only',
  consent: { status: 'given', recordedOn: '2026-10-01', recordedBy: 'Kim Keyworker', scope: 'parent sessions' },
  doNotContact: false,
  ...over,
});

export const upload = (partnershipId: string, over: Partial<UploadRecord> = {}): Draft<UploadRecord> => ({
  id: randomUUID(),
  partnershipId,
  week: '2026-W46',
  status: 'completed',
  contentSha256: 'a'.repeat(64),
  sheets: ['young_people', 'relationships'],
  counts: { young_people: { created: 3, updated: 0, unchanged: 0 } },
  problemCount: 0,
  problems: [],
  uploadedBy: 'chair-1',
  createdAt: '2026-11-20T10:00:00.000Z',
  completedAt: '2026-11-20T10:00:05.000Z',
  ...over,
});

export const analysis = (partnershipId: string, over: Partial<AnalysisSnapshot> = {}): Draft<AnalysisSnapshot> => ({
  id: randomUUID(),
  partnershipId,
  week: '2026-W46',
  purpose: 'safety_planning',
  status: 'completed',
  parameters: { resolution: 1, halfLifeDays: 42, kindFactors: { friend: 1, sibling: 0.8 } },
  requestedBy: 'chair-1',
  createdAt: '2026-11-20T11:00:00.000Z',
  completedAt: '2026-11-20T11:00:03.000Z',
  summary: { youngPeopleIncluded: 3, clusterCount: 1, modularity: 0.41, onTheirOwn: ['YP3'] },
  ...over,
});

export const actionPlan = (partnershipId: string, over: Partial<ActionPlan> = {}): Draft<ActionPlan> => ({
  id: randomUUID(),
  partnershipId,
  clusterId: 'C-1',
  status: 'draft',
  summary: 'Three young people, 13 to 15, who enjoy football; they are at risk of criminal exploitation.',
  actions: [
    {
      id: 'A1',
      description: 'Parent Empowerment Session',
      ownerAgency: 'early_help',
      dueOn: '2026-12-05',
      status: 'not_started',
      coversRefs: ['YP1', 'YP2'],
    },
  ],
  updatedBy: 'chair-1',
  updatedAt: '2026-11-20T12:00:00.000Z',
  ...over,
});

export const invitationList = (partnershipId: string, over: Partial<InvitationList> = {}): Draft<InvitationList> => ({
  id: randomUUID(),
  partnershipId,
  clusterId: 'C-1',
  youngPersonRefs: ['YP1', 'YP2'],
  session: { date: '2026-12-05', time: '18:30', venue: 'Community Centre', facilitators: ['Early Help'] },
  invite: [{ carerRef: 'CR1', youngPersonRefs: ['YP1', 'YP2'] }],
  askConsentFirst: [{ carerRef: 'CR2', youngPersonRefs: ['YP2'], askedBy: 'Kim Keyworker' }],
  notInvited: [{ carerRef: 'CR3', youngPersonRefs: ['YP1'], reason: 'do_not_contact' }],
  attendance: { CR1: 'invited' },
  createdBy: 'lead-1',
  createdAt: '2026-11-21T09:00:00.000Z',
  ...over,
});

export const auditEvent = (partnershipId: string, over: Partial<AuditEvent> = {}): AuditEvent => ({
  id: randomUUID(),
  partnershipId,
  at: '2026-11-21T09:00:00.000Z',
  actor: { userId: 'lead-1', role: 'early-help-lead' },
  action: 'read',
  resource: 'young-people',
  subjects: { youngPeople: ['YP1'], carers: [] },
  requestId: 'req-1',
  outcome: 'allowed',
  ...over,
});
