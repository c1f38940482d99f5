/**
 * The API's answers the pages read, by the names the pages use: every one is the contract's
 * (or the domain's, where the answer is a domain record), never declared again here. Type-only:
 * nothing of zod reaches the browser.
 */
export type {
  ClusterTrends as Trends,
  PlanningSettings as Settings,
  PlanView,
  UploadCheck as Check,
} from '@peermap/contract';
export type {
  ActionPlan as Plan,
  ActionRule as Rule,
  ActionRuleTrigger as Trigger,
  AnalysisSnapshot as Run,
  ClusterSnapshot as ClusterReport,
  Concern,
  InvitationList,
  Location as Place,
  PlanAction as Action,
  Relationship,
  UploadRecord,
  UploadRecord as Upload,
} from '@peermap/domain';
