import { endpoint, RiskAssessmentChange } from '@peermap/contract';
import { type InvitationList, PARTNERSHIP_DEFAULTS, type Permission, RecordId, Ref } from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, route } from '@peermap/http';
import { sessionPack } from '@peermap/reports';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { mayExport } from './export-routes';
import { paperFileWithoutPictures } from './paper-file';
import { currentList } from './planning';
import { listSubjects } from './planning-routes';
import {
  approveRiskAssessment,
  changeRiskAssessment,
  completeRiskAssessment,
  markInvitationsSent,
  offerAnotherSession,
  refuseUnfitPack,
  riskAssessmentView,
  type SessionStep,
  storedSession,
} from './session-safety';

const IdParams = z.strictObject({ id: RecordId });

/**
 * A session made safe before anyone is invited: the lead writes and completes its risk
 * assessment, a second person approves it, and only then do invitations, contact details,
 * exports and the facilitators' pack follow. Police never read the assessment.
 */
export function sessionSafetyRoutes(deps: ApiDeps): AnyRoute[] {
  /** The assessment's view after a step; the audit names everyone on the list and says who acted. */
  const answer = async (list: InvitationList, auditDetail?: string) => ({
    status: 200,
    body: await riskAssessmentView(deps.store, list, deps.now()),
    headers: { etag: etagOf(list.version) },
    subjects: listSubjects(list),
    ...(auditDetail ? { auditDetail } : {}),
  });
  /**
   * A step on the session at the version its caller read (If-Match), as a route: the lead's or
   * the approver's, audited as a change with who took it.
   */
  const stepRoute = <Body>(step: {
    method: 'POST' | 'PATCH';
    path: `/v1/sessions/{id}/${string}`;
    summary: string;
    permission: Permission;
    body: z.ZodType<Body>;
    act: (on: SessionStep, body: Body) => Promise<InvitationList>;
    detail?: (saved: InvitationList, by: string, body: Body) => string;
  }) =>
    route({
      ...endpoint(step.method, step.path),
      summary: step.summary,
      permission: step.permission,
      resource: 'sessions',
      action: 'update',
      params: IdParams,
      body: step.body,
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const stored = await storedSession(deps.store, principal.partnershipId, params.id, version);
        const on = { store: deps.store, stored, by: principal.userId, now: deps.now(), expectedVersion: version };
        const saved = await step.act(on, body);
        return answer(saved, step.detail?.(saved, principal.userId, body));
      },
    });
  return [
    route({
      ...endpoint('GET', '/v1/sessions/{id}/risk-assessment'),
      summary:
        "A session's risk assessment, with what the map suggests (carers of young people in conflict, carers with a safety note as a flag) and the parts still to write",
      permission: 'sessions:read-safety',
      resource: 'sessions',
      action: 'read',
      params: IdParams,
      handle: async ({ principal, params }) =>
        answer(await storedSession(deps.store, principal.partnershipId, params.id)),
    }),
    stepRoute({
      method: 'PATCH',
      path: '/v1/sessions/{id}/risk-assessment',
      summary:
        "Write a session's risk assessment: group dynamics, confidentiality, the group agreement, and the carers kept apart with the reason (the whole assessment; If-Match). A change clears its completion and approval: the session goes back to planned",
      permission: 'sessions:plan',
      body: RiskAssessmentChange,
      act: changeRiskAssessment,
    }),
    stepRoute({
      method: 'POST',
      path: '/v1/sessions/{id}/risk-assessment/complete',
      summary:
        'The lead completes the written risk assessment (If-Match): the session is assessed, waiting for a second person to approve it',
      permission: 'sessions:plan',
      body: z.strictObject({}),
      act: completeRiskAssessment,
      detail: (_saved, by) => `risk assessment completed by ${by}`,
    }),
    stepRoute({
      method: 'POST',
      path: '/v1/sessions/{id}/approval',
      summary:
        'A second person approves the completed risk assessment (If-Match): never the one who completed it (409), and not while two carers kept apart could both be invited (409)',
      permission: 'sessions:approve',
      body: z.strictObject({}),
      act: approveRiskAssessment,
      detail: (saved, by) =>
        `risk assessment approved by ${by}; completed by ${saved.riskAssessment?.completedBy ?? 'unknown'}`,
    }),
    stepRoute({
      method: 'POST',
      path: '/v1/sessions/{id}/offer-another-session',
      summary:
        'Offer a carer the risk assessment keeps apart another session (If-Match): they are taken off this one, counted as not invited for a safety reason that is never named to other parents',
      permission: 'sessions:plan',
      body: z.strictObject({ carerRef: Ref }),
      act: (on, body) => offerAnotherSession(on, body.carerRef),
      detail: (_saved, by, body) => `another session offered to ${body.carerRef} by ${by}`,
    }),
    stepRoute({
      method: 'POST',
      path: '/v1/sessions/{id}/invitations-sent',
      summary: 'Mark the invitations sent (If-Match): only once the risk assessment is approved (409 before)',
      permission: 'sessions:plan',
      body: z.strictObject({}),
      act: markInvitationsSent,
      detail: (_saved, by) => `invitations marked sent by ${by}`,
    }),
    route({
      ...endpoint('GET', '/v1/sessions/{id}/pack'),
      summary:
        "The facilitators' session pack, marked: agenda, topics, facilitators, venue and access, the group agreement, and each invited family's needs; nothing about any child. DOCX (?format=docx) or HTML; only once the risk assessment is approved",
      permission: 'sessions:plan',
      resource: 'sessions',
      action: 'export',
      params: IdParams,
      query: z.strictObject({ format: z.enum(['docx', 'html']).default('html') }),
      handle: async ({ principal, params, query }) => {
        mayExport(principal.role);
        const p = principal.partnershipId;
        const list = await currentList(deps.store, await storedSession(deps.store, p, params.id), deps.now());
        await refuseUnfitPack(deps.store, list);
        const partnership = await deps.store.partnerships.get(p);
        const marking = partnership?.handlingMarking ?? PARTNERSHIP_DEFAULTS.handlingMarking;
        const document = sessionPack(list, marking, partnership?.name);
        return {
          status: 200,
          file: await paperFileWithoutPictures(document, query.format, `session-pack-${list.id}`),
          subjects: { youngPeople: [], carers: list.invite.map((carer) => carer.carerRef) },
        };
      },
    }),
  ];
}
