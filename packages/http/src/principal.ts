import { PartnershipId, Role, UnauthenticatedError } from '@peermap/domain';
import * as z from 'zod';

/** Who is asking: built from the verified token's claims only, never from the request body. */
export const Principal = z.object({
  userId: z.string().min(1).max(128),
  partnershipId: PartnershipId,
  role: Role,
});
export type Principal = z.infer<typeof Principal>;

/**
 * The principal of a request from its JWT claims (`sub`, `custom:partnership`,
 * `cognito:groups`). API Gateway hands array claims over as one string, `[a b]`; both forms
 * are read. A user holds exactly one peermap role: missing, unknown or several roles, or a
 * missing partnership, is unauthenticated.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>> | undefined): Principal {
  if (!claims) throw new UnauthenticatedError('Sign in to use peermap.');
  const roles = groupsOf(claims['cognito:groups']).filter((group) => Role.safeParse(group).success);
  const parsed = Principal.safeParse({
    userId: claims['sub'],
    partnershipId: claims['custom:partnership'],
    role: roles.length === 1 ? roles[0] : undefined,
  });
  if (!parsed.success) {
    throw new UnauthenticatedError('Your sign-in does not name one partnership and one peermap role.');
  }
  return parsed.data;
}

function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === 'string');
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}
