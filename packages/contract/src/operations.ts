import {
  ActionPlan,
  AnalysisSnapshot,
  AuditEvent,
  CarerView,
  Concern,
  InvitationList,
  LanguageNote,
  Location,
  Relationship,
  Sighting,
  UploadRecord,
  UploadSlot,
  YoungPerson,
} from '@peermap/domain';
import * as z from 'zod';
import { FeedbackForm, FeedbackLinkGiven, FeedbackList, FeedbackRecorded } from './feedback';
import { SessionFollowUps } from './follow-up-schemas';
import { created, file, type Method, type Operation, read, removed } from './operation';
import { ParentGroupSummary, ParentGroupView } from './parent-groups';
import {
  AnalysisListItem,
  ClusterList,
  ClusterTrends,
  ClusterWithHistory,
  Disproportionality,
  ErasureView,
  LargeUploadOpened,
  Me,
  ParentSessionOutcomes,
  PlanningSettings,
  PlanView,
  pageOf,
  ReviewList,
  ReviewOutcome,
  SessionSummary,
  SubjectAccessReport,
  SweepResult,
  UploadCheck,
  Vocabulary,
} from './schemas';
import { RiskAssessmentView } from './session-safety';
import { SessionView } from './session-schemas';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every route of the API by method and path: its operation name and what it answers on
 * success. Problems (4xx, 5xx) are `Problem` on every route. A route is served only if it is
 * here, and the handler sends only what its entry describes.
 */
export const OPERATIONS = {
  'GET /v1/young-people': read('listYoungPeople', pageOf(YoungPerson)),
  'POST /v1/young-people': created('createYoungPerson', YoungPerson),
  'GET /v1/young-people/{ref}': read('getYoungPerson', YoungPerson),
  'PATCH /v1/young-people/{ref}': read('updateYoungPerson', YoungPerson),
  'DELETE /v1/young-people/{ref}': read('deleteYoungPerson', ErasureView),
  'GET /v1/reviews': read('listReviews', ReviewList),
  'POST /v1/young-people/{ref}/reviews': read('decideReview', ReviewOutcome),
  'POST /v1/retention/sweep': read('runRetentionSweep', SweepResult),
  'GET /v1/erasures': read('listErasures', pageOf(ErasureView)),
  'GET /v1/young-people/{ref}/subject-access': {
    operationId: 'getSubjectAccessReport',
    responses: { 200: { json: SubjectAccessReport, files: ['text/html', DOCX] } },
  },

  'GET /v1/relationships': read('listRelationships', pageOf(Relationship)),
  'POST /v1/relationships': created('createRelationship', Relationship),
  'GET /v1/relationships/{personA}/{personB}': read('getRelationship', Relationship),
  'PATCH /v1/relationships/{personA}/{personB}': read('updateRelationship', Relationship),
  'DELETE /v1/relationships/{personA}/{personB}': removed('deleteRelationship'),
  'GET /v1/young-people/{ref}/relationships': read('listYoungPersonRelationships', pageOf(Relationship)),
  'GET /v1/restricted-relationships': read('listRestrictedRelationships', pageOf(Relationship)),
  'POST /v1/restricted-relationships': created('createRestrictedRelationship', Relationship),
  'GET /v1/restricted-relationships/{personA}/{personB}': read('getRestrictedRelationship', Relationship),
  'PATCH /v1/restricted-relationships/{personA}/{personB}': read('updateRestrictedRelationship', Relationship),
  'DELETE /v1/restricted-relationships/{personA}/{personB}': removed('deleteRestrictedRelationship'),
  'GET /v1/young-people/{ref}/restricted-relationships': read(
    'listYoungPersonRestrictedRelationships',
    pageOf(Relationship),
  ),

  'GET /v1/locations': read('listLocations', pageOf(Location)),
  'POST /v1/locations': created('createLocation', Location),
  'GET /v1/locations/{ref}': read('getLocation', Location),
  'PATCH /v1/locations/{ref}': read('updateLocation', Location),
  'DELETE /v1/locations/{ref}': removed('deleteLocation'),

  'GET /v1/sightings': read('listSightings', pageOf(Sighting)),
  'POST /v1/sightings': created('createSighting', Sighting),
  'GET /v1/sightings/{id}': read('getSighting', Sighting),
  'PATCH /v1/sightings/{id}': read('updateSighting', Sighting),
  'DELETE /v1/sightings/{id}': removed('deleteSighting'),
  'GET /v1/young-people/{ref}/sightings': read('listYoungPersonSightings', pageOf(Sighting)),
  'GET /v1/locations/{ref}/sightings': read('listLocationSightings', pageOf(Sighting)),
  'GET /v1/restricted-sightings': read('listRestrictedSightings', pageOf(Sighting)),
  'POST /v1/restricted-sightings': created('createRestrictedSighting', Sighting),
  'GET /v1/restricted-sightings/{id}': read('getRestrictedSighting', Sighting),
  'PATCH /v1/restricted-sightings/{id}': read('updateRestrictedSighting', Sighting),
  'DELETE /v1/restricted-sightings/{id}': removed('deleteRestrictedSighting'),
  'GET /v1/young-people/{ref}/restricted-sightings': read('listYoungPersonRestrictedSightings', pageOf(Sighting)),
  'GET /v1/locations/{ref}/restricted-sightings': read('listLocationRestrictedSightings', pageOf(Sighting)),

  'GET /v1/concerns': read('listConcerns', pageOf(Concern)),
  'POST /v1/concerns': created('createConcern', Concern),
  'GET /v1/concerns/{id}': read('getConcern', Concern),
  'PATCH /v1/concerns/{id}': read('updateConcern', Concern),
  'DELETE /v1/concerns/{id}': removed('deleteConcern'),
  'GET /v1/young-people/{ref}/concerns': read('listYoungPersonConcerns', pageOf(Concern)),

  // A carer as the role may see them: police analysts get no contact details, consent or safety note.
  'GET /v1/carers': read('listCarers', pageOf(CarerView)),
  'POST /v1/carers': created('createCarer', CarerView),
  'GET /v1/carers/{ref}': read('getCarer', CarerView),
  'PATCH /v1/carers/{ref}': read('updateCarer', CarerView),
  'DELETE /v1/carers/{ref}': removed('deleteCarer'),
  'GET /v1/young-people/{ref}/carers': read('listYoungPersonCarers', pageOf(CarerView)),
  'POST /v1/carers/{ref}/consent': read('recordCarerConsent', CarerView),

  'GET /v1/audit': read('listAuditEvents', pageOf(AuditEvent)),

  'POST /v1/uploads': {
    operationId: 'uploadWeek',
    // 200 answers a dry run (`?dryRun=true`): what the upload would find, nothing written.
    responses: { 201: { json: UploadRecord }, 200: { json: UploadCheck } },
  },
  'GET /v1/uploads': read('listUploads', pageOf(UploadRecord)),
  'GET /v1/uploads/{id}': read('getUpload', UploadRecord),
  'POST /v1/uploads/large': created('openLargeUpload', LargeUploadOpened),
  'GET /v1/uploads/large/{id}': read('getLargeUpload', UploadSlot),
  'GET /v1/uploads/template': file('getUploadTemplate', XLSX, 'text/csv'),

  'POST /v1/analyses': { operationId: 'startAnalysis', responses: { 202: { json: AnalysisSnapshot } } },
  'GET /v1/analyses': read('listAnalyses', pageOf(AnalysisListItem)),
  'GET /v1/analyses/{id}': read('getAnalysis', AnalysisSnapshot),
  'GET /v1/clusters': read('listClusters', ClusterList),
  'GET /v1/clusters/{id}': read('getCluster', ClusterWithHistory),
  'GET /v1/clusters/{id}/trends': read('getClusterTrends', ClusterTrends),

  'POST /v1/clusters/{id}/invitation-lists': created('createClusterInvitationList', InvitationList),
  'POST /v1/invitation-lists': created('createInvitationList', InvitationList),
  'GET /v1/invitation-lists': read('listSessions', pageOf(SessionSummary)),
  'GET /v1/clusters/{id}/invitation-lists': read(
    'listClusterInvitationLists',
    z.object({ items: z.array(InvitationList) }),
  ),
  'GET /v1/invitation-lists/{id}': read('getInvitationList', InvitationList),
  'PATCH /v1/invitation-lists/{id}': read('updateInvitationList', InvitationList),
  'POST /v1/locations/{ref}/sessions': created('createLocationSession', InvitationList),
  'GET /v1/sessions/{id}': read('getSession', SessionView),
  'PATCH /v1/sessions/{id}': read('updateSession', SessionView),
  'POST /v1/sessions/{id}/cancel': read('cancelSession', SessionView),
  'GET /v1/sessions/{id}/follow-ups': read('getSessionFollowUps', SessionFollowUps),
  'POST /v1/sessions/{id}/follow-ups': created('addSessionFollowUp', SessionFollowUps),
  'PATCH /v1/sessions/{id}/follow-ups/{followUpId}': read('updateSessionFollowUp', SessionFollowUps),
  'GET /v1/sessions/{id}/risk-assessment': read('getSessionRiskAssessment', RiskAssessmentView),
  'PATCH /v1/sessions/{id}/risk-assessment': read('updateSessionRiskAssessment', RiskAssessmentView),
  'POST /v1/sessions/{id}/risk-assessment/complete': read('completeSessionRiskAssessment', RiskAssessmentView),
  'POST /v1/sessions/{id}/approval': read('approveSession', RiskAssessmentView),
  'POST /v1/sessions/{id}/offer-another-session': read('offerAnotherSession', RiskAssessmentView),
  'POST /v1/sessions/{id}/invitations-sent': read('markSessionInvitationsSent', RiskAssessmentView),
  'GET /v1/sessions/{id}/pack': file('getSessionPack', DOCX, 'text/html'),

  'GET /v1/parent-groups': read('listParentGroups', pageOf(ParentGroupSummary)),
  'POST /v1/parent-groups': created('createParentGroup', ParentGroupView),
  'GET /v1/parent-groups/{id}': read('getParentGroup', ParentGroupView),
  'PATCH /v1/parent-groups/{id}': read('updateParentGroup', ParentGroupView),
  'POST /v1/parent-groups/{id}/members': read('addParentGroupMember', ParentGroupView),
  'DELETE /v1/parent-groups/{id}/members/{carerRef}': read('removeParentGroupMember', ParentGroupView),
  'POST /v1/parent-groups/{id}/sessions': created('createParentGroupSession', InvitationList),
  'POST /v1/parent-groups/{id}/plans': created('createParentGroupPlan', PlanView),

  'POST /v1/clusters/{id}/action-plans': created('createClusterActionPlan', PlanView),
  'POST /v1/locations/{ref}/action-plans': created('createLocationActionPlan', PlanView),
  'GET /v1/clusters/{id}/action-plans': read(
    'listClusterActionPlans',
    z.object({ items: z.array(ActionPlan), placePlans: z.array(ActionPlan) }),
  ),
  'GET /v1/action-plans/{id}': read('getActionPlan', PlanView),
  'GET /v1/action-plans/{id}/versions': read('listActionPlanVersions', z.object({ items: z.array(ActionPlan) })),
  'PATCH /v1/action-plans/{id}': read('updateActionPlan', PlanView),
  'POST /v1/action-plans/{id}/status': read('setActionPlanStatus', PlanView),

  'GET /v1/action-plans/{id}/export': file('exportActionPlan', DOCX, 'text/html'),
  'GET /v1/invitation-lists/{id}/export': file('exportInvitationList', DOCX, 'text/html', 'text/csv'),
  'GET /v1/clusters/{id}/report': file('getClusterReport', 'text/html', DOCX),
  'GET /v1/clusters/{id}/picture': file('getClusterPicture', 'image/svg+xml'),
  'GET /v1/exports/locations': file('exportLocations', 'application/geo+json'),
  'GET /v1/exports/map': file('exportMap', 'application/gexf+xml', 'text/csv'),

  'GET /v1/me': read('getMe', Me),
  'POST /v1/language-check': read('checkLanguage', z.object({ notes: z.array(LanguageNote) })),
  'GET /v1/vocabulary': read('getVocabulary', Vocabulary),
  'GET /v1/settings': read('getSettings', PlanningSettings),
  'PATCH /v1/settings': read('updateSettings', PlanningSettings),
  'GET /v1/reports/disproportionality': read('getDisproportionalityReport', Disproportionality),
  'GET /v1/reports/parent-sessions': {
    operationId: 'getParentSessionOutcomes',
    responses: { 200: { json: ParentSessionOutcomes, files: [DOCX, 'text/csv'] } },
  },

  'POST /v1/sessions/{id}/feedback': created('createSessionFeedback', FeedbackRecorded),
  'GET /v1/sessions/{id}/feedback': read('listSessionFeedback', FeedbackList),
  'POST /v1/sessions/{id}/feedback-links': created('createFeedbackLink', FeedbackLinkGiven),
  'GET /v1/feedback-form/{key}': read('getFeedbackForm', FeedbackForm),
  'POST /v1/feedback-form/{key}': removed('giveFeedback'),
} as const satisfies Record<string, Operation>;

/** `GET /v1/clusters/{id}`: a route as method and path template. */
export type RouteKey = keyof typeof OPERATIONS;

const BY_KEY: ReadonlyMap<string, Operation> = new Map(Object.entries(OPERATIONS));

/** The operation of a route, by method and path template; `undefined` for one the API does not have. */
export const operationAt = (method: string, path: string): Operation | undefined => BY_KEY.get(`${method} ${path}`);

/** Every route of the contract, as method and path template. */
export const routeKeys = (): string[] => [...BY_KEY.keys()];

/**
 * Where a route is, its name and its answers, from the contract: a route the contract does not
 * list cannot be built (the API fails to start, and every test with it).
 */
export function endpoint<M extends Method, P extends `/v1/${string}`>(method: M, path: P) {
  const operation = operationAt(method, path);
  if (!operation) throw new Error(`The contract lists no route ${method} ${path}.`);
  return { method, path, operationId: operation.operationId, responses: operation.responses };
}
