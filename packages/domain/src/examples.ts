import { type AnalysisSnapshot, type ClusterSnapshot, DEFAULT_ANALYSIS_PARAMETERS } from './analysis';
import type { AuditEvent } from './audit';
import type { Carer, Concern, Location, Relationship, Sighting, YoungPerson } from './map';
import type { FeedbackLink, ParentGroup, SessionFeedback } from './parent-session';
import type { Partnership } from './partnership';
import type { ActionPlan, InvitationList } from './planning';
import type { Provenance } from './record';
import type { UploadRecord } from './upload';

/**
 * One valid example of every record, for the API document and for tests that vary one
 * field at a time. Every name, phone number and place is invented.
 */
const provenance: Provenance = { recordedBy: 'chair-1', recordedAt: '2026-11-20T10:00:00.000Z' };

const partnershipId = 'south-kent';

export const examples: {
  partnership: Partnership;
  youngPerson: YoungPerson;
  relationship: Relationship;
  location: Location;
  sighting: Sighting;
  concern: Concern;
  carer: Carer;
  upload: UploadRecord;
  analysis: AnalysisSnapshot;
  cluster: ClusterSnapshot;
  actionPlan: ActionPlan;
  invitationList: InvitationList;
  sessionFeedback: SessionFeedback;
  feedbackLink: FeedbackLink;
  parentGroup: ParentGroup;
  auditEvent: AuditEvent;
} = {
  partnership: {
    id: partnershipId,
    name: 'South Kent Safeguarding Partnership',
    handlingMarking: 'OFFICIAL-SENSITIVE',
    reviewAfterWeeks: 12,
    createdAt: '2026-11-01T09:00:00.000Z',
    version: 1,
  },
  youngPerson: {
    partnershipId,
    version: 1,
    provenance,
    ref: 'YP1',
    displayName: 'Sam T.',
    dateOfBirth: '2011-04-02',
    gender: 'male',
    ethnicity: 'Not stated',
    educationStatus: 'part_time',
    agencies: ['early_help', 'education'],
    keyWorker: 'Alex Worker',
    strengths: ['plays for a local football team'],
    status: 'open',
  },
  relationship: {
    partnershipId,
    version: 1,
    provenance,
    personA: 'YP1',
    personB: 'YP2',
    kind: 'friend',
    strength: 2,
    firstSeen: '2026-09-01',
    lastSeen: '2026-11-10',
    sourceAgency: 'police',
    grading: { sourceEvaluation: 2, intelligenceAssessment: 'B', handlingCode: 'P' },
    restricted: false,
  },
  location: {
    partnershipId,
    version: 1,
    provenance,
    ref: 'LOC1',
    name: 'Old Mill Yard',
    kind: 'abandoned_building',
    position: { latitude: 51.151453, longitude: 0.924231 },
    gridReference: { easting: 604607, northing: 143198 },
    sourceAgency: 'police',
    notes: 'Unsecured',
  },
  sighting: {
    partnershipId,
    version: 1,
    provenance,
    personRef: 'YP1',
    locationRef: 'LOC1',
    seenOn: '2026-11-12',
    sourceAgency: 'police',
    grading: { sourceEvaluation: 1, intelligenceAssessment: 'A', handlingCode: 'P' },
    restricted: false,
  },
  concern: {
    partnershipId,
    version: 1,
    provenance,
    personRef: 'YP1',
    category: 'missing_episode',
    occurredOn: '2026-11-08',
    severity: 'medium',
    sourceAgency: 'early_help',
    status: 'open',
    note: 'Returned home the next morning; return-home interview offered.',
  },
  carer: {
    partnershipId,
    version: 1,
    provenance,
    ref: 'CR1',
    youngPersonRefs: ['YP1', 'YP2'],
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
  },
  upload: {
    id: '0b5c1a7e-3f53-4a55-9a0e-1c4c8f7f2b10',
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
    version: 1,
  },
  analysis: {
    id: '5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
    partnershipId,
    week: '2026-W46',
    purpose: 'safety_planning',
    status: 'completed',
    parameters: DEFAULT_ANALYSIS_PARAMETERS,
    requestedBy: 'chair-1',
    requestedByRole: 'madp-chair',
    createdAt: '2026-11-20T11:00:00.000Z',
    completedAt: '2026-11-20T11:00:03.000Z',
    summary: {
      youngPeopleIncluded: 3,
      closedLeftOut: 0,
      links: 2,
      clusterCount: 1,
      modularity: 0.41,
      resolution: 2,
      disconnectedCommunitiesSplit: 0,
      meanStability: 1,
      assessment: '1 groups found; on average members stayed together in 100% of repeated runs, none of them weak.',
      onTheirOwn: ['YP3'],
      onTheirOwnCount: 1,
      smallGroups: [],
      smallGroupCount: 0,
      busyPlacesLeftOut: [],
      ended: [],
      labelsIssued: 1,
    },
    version: 1,
  },
  cluster: {
    partnershipId,
    analysisId: '5d0f8f0a-7a0e-4c3c-8f57-2a3d9b1e6c21',
    week: '2026-W46',
    clusterId: 'C-1',
    label: 'Group 1',
    memberRefs: ['YP1', 'YP2'],
    stability: 1,
    weak: false,
    change: { status: 'new', previousClusterIds: [], splitInto: [], joined: ['YP1', 'YP2'], left: [] },
    ageRange: { youngest: 13, oldest: 15 },
    density: 1,
    mostConnected: [{ ref: 'YP1', linksInside: 1, linkWeightInside: 3, betweennessInside: 0 }],
    bridges: [],
    tensions: [],
    places: [
      {
        locationRef: 'LOC1',
        name: 'Old Mill Yard',
        kind: 'abandoned_building',
        recentSightings: 2,
        youngPeopleSeen: 2,
        lastSeen: '2026-11-14',
      },
    ],
    concerns: [
      {
        category: 'missing_episode',
        label: 'missing from home or care',
        youngPeople: 1,
        open: 1,
        recent: 1,
        lastOccurred: '2026-11-12',
      },
    ],
    agencies: [{ agency: 'early_help', youngPeople: 2 }],
    education: [{ status: 'attending', youngPeople: 2 }],
    strengths: [{ ref: 'YP1', strengths: ['plays football'] }],
    members: [
      {
        ref: 'YP1',
        stability: 1,
        shareOfLinkWeightInside: 1,
        linksInside: 1,
        linksOutside: 0,
        strongestLinks: [
          { ref: 'YP2', weight: 3, kind: 'friend', strength: 3, lastSeen: '2026-11-14', placesSeenTogether: [] },
        ],
      },
      {
        ref: 'YP2',
        stability: 1,
        shareOfLinkWeightInside: 1,
        linksInside: 1,
        linksOutside: 0,
        strongestLinks: [
          { ref: 'YP1', weight: 3, kind: 'friend', strength: 3, lastSeen: '2026-11-14', placesSeenTogether: [] },
        ],
      },
    ],
    narrative:
      'What is going well: plays football. Group 1 links 2 young people aged 13 to 15, each a child who may be at risk of harm. When the analysis was run again and again, the same group came out every time.',
  },
  actionPlan: {
    id: '9c4b2f1e-2d6a-4e8b-b1c3-7f0a5e9d3c42',
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
    version: 1,
  },
  invitationList: {
    id: 'e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63',
    partnershipId,
    clusterId: 'C-1',
    youngPersonRefs: ['YP1', 'YP2'],
    session: {
      date: '2026-12-05',
      time: '18:30',
      venue: 'Community Centre',
      facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
    },
    invite: [
      {
        carerRef: 'CR1',
        name: 'Sam Carer',
        relationship: 'father',
        parentalResponsibility: true,
        youngPersonRefs: ['YP1', 'YP2'],
        interpreterNeeded: false,
        transportNeeded: true,
        contactRoute: 'phone',
        phone: '07700 900001',
      },
    ],
    askConsentFirst: [
      {
        carerRef: 'CR2',
        name: 'Alex Carer',
        relationship: 'mother',
        parentalResponsibility: true,
        youngPersonRefs: ['YP2'],
        preferredLanguage: 'Polish',
        interpreterNeeded: true,
        transportNeeded: false,
        askedBy: 'Kim Keyworker',
      },
    ],
    notInvited: [
      {
        carerRef: 'CR3',
        name: 'Jo Carer',
        relationship: 'stepfather',
        parentalResponsibility: false,
        youngPersonRefs: ['YP1'],
        interpreterNeeded: false,
        transportNeeded: false,
        reason: 'do_not_contact',
      },
    ],
    attendance: { CR1: 'invited' },
    createdBy: 'lead-1',
    createdAt: '2026-11-21T09:00:00.000Z',
    version: 1,
  },
  sessionFeedback: {
    id: '3c9d2f1e-8a4b-4c7d-9e6f-1a2b3c4d5e6f',
    partnershipId,
    sessionId: 'e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63',
    carerRef: 'CR1',
    words: 'Good to hear other parents are going through the same. I know who to ring now.',
    measures: {
      knowsSigns: { before: 2, after: 4 },
      feelsAlone: { before: 4, after: 2 },
      knowsWhoToContact: { before: 2, after: 5 },
    },
    enteredBy: 'worker',
    recordedBy: 'lead-1',
    createdAt: '2026-12-05T20:30:00.000Z',
    version: 1,
  },
  feedbackLink: {
    partnershipId,
    tokenHash: 'a'.repeat(64),
    sessionId: 'e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63',
    validUntil: '2026-12-19T20:30:00.000Z',
    createdBy: 'lead-1',
    createdAt: '2026-12-05T20:30:00.000Z',
    version: 1,
  },
  parentGroup: {
    id: '5b8e1d4c-2f7a-4e93-8b1c-6d5e4f3a2b1c',
    partnershipId,
    name: 'Harbour Road parents',
    startedFromSessionId: 'e1a7c3d2-4b5f-4a69-8c2d-3f1e0b9a7d63',
    members: [{ carerRef: 'CR1', joinedOn: '2026-12-05' }],
    topicsAsked: ['Keeping children safe online'],
    meets: 'monthly, first Tuesday evening',
    status: 'active',
    createdBy: 'lead-1',
    createdAt: '2026-12-05T21:00:00.000Z',
    version: 1,
  },
  auditEvent: {
    id: '7f3e9b2c-1a4d-4f6e-9b8c-5d2a1e0f4b84',
    partnershipId,
    at: '2026-11-21T09:00:00.000Z',
    actor: { userId: 'lead-1', role: 'early-help-lead' },
    action: 'read',
    resource: 'young-people',
    subjects: { youngPeople: ['YP1'], carers: [] },
    requestId: 'req-1',
    outcome: 'allowed',
  },
};
