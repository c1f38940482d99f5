import { endpoint } from '@peermap/contract';
import { type Carer, ConsentDecision, carerFor, NotFoundError, Ref, recordConsent } from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, route } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';

/**
 * What the audit says of a decision: its kind and day, never the scope or note a worker typed
 * (which may hold what the carer said).
 */
const auditDetailOf = (decision: Carer['consent']) =>
  `consent ${decision.status}, recorded on ${decision.recordedOn ?? 'no date'}`;

/**
 * A carer's consent to be contacted, recorded as its own action: given for a scope, declined or
 * withdrawn, on a day, by a named worker. Each decision keeps the one it replaces, so who
 * recorded what, when, can still be shown after a withdrawal; invitation lists sort the carer by
 * the decision that stands.
 */
export function consentRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    route({
      ...endpoint('POST', '/v1/carers/{ref}/consent'),
      summary:
        "Record a carer's consent decision: given (with its scope), declined or withdrawn, dated no later than today (UK), with who recorded it; the earlier decision is kept in the carer's consent history (send the ETag you read in If-Match)",
      permission: 'consent:write',
      resource: 'carers',
      action: 'update',
      params: z.strictObject({ ref: Ref }),
      body: ConsentDecision,
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const current = await deps.store.carers.get(principal.partnershipId, params.ref);
        if (!current) throw new NotFoundError('carer', params.ref);
        const saved = await decide(deps, current, body, principal.userId, version);
        return {
          status: 200,
          body: carerFor(principal.role, saved),
          headers: { etag: etagOf(saved.version) },
          subjects: { youngPeople: [...saved.youngPersonRefs], carers: [saved.ref] },
          auditDetail: auditDetailOf(saved.consent),
        };
      },
    }),
  ];
}

async function decide(deps: ApiDeps, carer: Carer, decision: ConsentDecision, userId: string, version: number) {
  const now = deps.now();
  const consent = recordConsent(carer, decision, now);
  return deps.store.carers.change(
    carer,
    { ...consent, provenance: { recordedBy: userId, recordedAt: now.toISOString() } },
    version,
  );
}
