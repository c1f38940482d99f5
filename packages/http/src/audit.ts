import { type AuditOutcome, can } from '@peermap/domain';
import type { Authenticated } from './exchange';
import type { RouteResponse, Subjects } from './route';

/** What the audit of an answer needs to know of it. */
export type AuditedAnswer = Pick<RouteResponse, 'subjects' | 'auditDetail' | 'restricted'>;

/**
 * The audit event of an answer could not be written. Nothing more is recorded of the request
 * (a refusal's event would fail as well), and the answer it would have carried does not leave.
 */
export class AuditNotWritten extends Error {
  override readonly name = 'AuditNotWritten';
  constructor(override readonly cause: unknown) {
    super('The audit event could not be written.');
  }
}

const HELD_RESTRICTED = 'The answer also held restricted police intelligence.';

/**
 * The audit stage: the event of an answer, and when a route of the shared map also returned
 * restricted police intelligence, a restricted event for that part, so the ordinary event is
 * the one it would be had police held nothing. Fails with `AuditNotWritten`.
 */
export async function audit(request: Authenticated, answer: AuditedAnswer): Promise<void> {
  try {
    await recordAudit(request, 'allowed', answer.subjects, answer.auditDetail);
    if (answer.restricted && request.route.layer !== 'restricted') {
      await recordAudit(request, 'allowed', answer.subjects, HELD_RESTRICTED, true);
    }
  } catch (error) {
    throw new AuditNotWritten(error);
  }
}

/** Writes one audit event of a request. */
export async function recordAudit(
  { route, principal, requestId, deps }: Authenticated,
  outcome: AuditOutcome,
  subjects: Subjects,
  detail?: string,
  restricted?: boolean,
): Promise<void> {
  // What police do in the restricted layer is audited there; anyone else's attempt stays in view.
  const ofRestrictedLayer =
    restricted ||
    (route.layer === 'restricted' &&
      principal.role !== 'anonymous' &&
      can(principal.role, 'intelligence:read-restricted'));
  await deps.audit.record({
    id: deps.newId(),
    partnershipId: principal.partnershipId,
    at: deps.now().toISOString(),
    actor: { userId: principal.userId, role: principal.role },
    action: route.action,
    resource: route.resource,
    subjects,
    requestId,
    outcome,
    ...(detail ? { detail } : {}),
    ...(ofRestrictedLayer ? { restricted: true } : {}),
  });
}

/** The outcome an audit event gives a refusal with this status. */
export function outcomeOf(status: number): AuditOutcome {
  if (status === 403) return 'denied';
  if (status === 404) return 'not_found';
  if (status < 500) return 'invalid';
  return 'failed';
}
