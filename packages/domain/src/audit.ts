import * as z from 'zod';
import { PartnershipId, RecordId, Ref, ShortText, Timestamp } from './primitives';
import { Role } from './roles';

export const AuditAction = z.enum([
  'read',
  'list',
  'create',
  'update',
  'delete',
  'erase',
  'export',
  'upload',
  'analyse',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditOutcome = z.enum(['allowed', 'denied', 'not_found', 'invalid', 'failed']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/**
 * Who acted: a user's role, `system` for peermap's own scheduled work (the retention sweep), or
 * `anonymous` for someone not signed in on a public route (a parent using a one-time feedback link).
 */
export const ActorRole = z.union([Role, z.literal('system'), z.literal('anonymous')]);
export type ActorRole = z.infer<typeof ActorRole>;

/**
 * One read or change of personal data (or a refusal of one). Written before the response
 * leaves; never changed or deleted by any route.
 */
export const AuditEvent = z.strictObject({
  id: RecordId,
  partnershipId: PartnershipId,
  at: Timestamp,
  actor: z.strictObject({ userId: ShortText(128), role: ActorRole }),
  action: AuditAction,
  /** The kind of resource, e.g. `young-people`, `carers`, `analyses`. */
  resource: z.string().regex(/^[a-z-]{1,40}$/),
  /** The young people and carers whose data was returned or changed. */
  subjects: z.strictObject({
    youngPeople: z.array(Ref),
    carers: z.array(Ref),
  }),
  requestId: ShortText(128),
  outcome: AuditOutcome,
  /** The request touched police intelligence marked restricted: the event is for police eyes too. */
  restricted: z.boolean().optional(),
  detail: z.string().max(500).optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
