export {
  type AnalysisAsked,
  GIVEN_UP,
  RUN_GIVEN_UP_AFTER_MS,
  requestAnalysis,
  runAnalysis,
} from './analysis';
export { analysisRoutes } from './analysis-routes';
export { auditRoutes } from './audit-routes';
export type { ApiDeps } from './deps';
export { completeErasure, eraseYoungPerson } from './erasure';
export { exportRoutes } from './export-routes';
export {
  FEEDBACK_NAMED_FOR_YEARS,
  feedbackKeyOf,
  isPastFeedbackRetention,
  parseFeedbackKey,
  tokenHashOf,
} from './feedback';
export { feedbackFormRoutes } from './feedback-form-routes';
export { Heartbeat } from './heartbeat';
export { LARGE_UPLOAD_WINDOW_MS, openLargeUpload, processLargeUpload } from './large-upload';
// The route tables of the map's resources, one per function: the module exports nothing else.
export * from './map-routes';
export {
  SLOT_STOPPED,
  STOPPED_PART_WAY,
  type StoppedWork,
  settleStoppedWork,
} from './map-work';
export { type NightLog, sweepPartnershipNight } from './nightly-sweep';
export { apiDocument, openApiDocument, routesByFunction } from './openapi';
export { everyItem } from './paging';
export { parentSessionRoutes } from './parent-session-routes';
export { createInvitationList } from './planning';
export { invitationRoutes, planRoutes } from './planning-routes';
export { reportRoutes } from './report-routes';
export { type SweepResult, sweepAuditEvent, sweepRetention } from './retention-sweep';
export { reviewRoutes } from './review-routes';
export { decideReview, reviewList } from './reviews';
export { allRoutes, FUNCTIONS, type FunctionName } from './routes';
export { settingsRoutes } from './settings-routes';
export { uploadRoutes } from './upload-routes';
export {
  checkWeek,
  hashFiles,
  UPLOAD_PARTS,
  type UploadCheck,
  uploadIdFor,
  uploadWeek,
  type WeekUpload,
} from './upload-week';
