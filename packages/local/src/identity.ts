import { randomUUID } from 'node:crypto';
import { PartnershipId, Role } from '@peermap/domain';
import { exportJWK, generateKeyPair, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';

const ISSUER = 'peermap-local';
const AUDIENCE = 'peermap';
/** Local tokens last a working session, not longer. */
const LIFETIME = '2h';

/** What a demo user asks a token for. */
export const TokenRequest = z.strictObject({ role: Role, partnership: PartnershipId });
export type TokenRequest = z.infer<typeof TokenRequest>;

/** The claims of a verified token, as API Gateway's JWT authorizer passes them to a handler. */
export type GatewayClaims = Record<string, string | number | boolean | string[]>;

export interface LocalIdentity {
  /** Signs a short-lived token for a demo user of a role in a partnership. */
  issue(request: TokenRequest): Promise<string>;
  /** Verifies a bearer token, or returns `undefined` for a missing, forged, expired or foreign one. */
  verify(token: string | undefined): Promise<GatewayClaims | undefined>;
}

/**
 * The local stand-in for Cognito: an ES256 key made at start, tokens shaped like Cognito's
 * (`sub`, `custom:partnership`, `cognito:groups`), checked with a real JWT library, and the
 * claims handed on the way API Gateway hands them (a group list becomes `[a b]`).
 */
export async function createLocalIdentity(): Promise<LocalIdentity & { publicJwk: object }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return {
    publicJwk: await exportJWK(publicKey),
    issue: ({ role, partnership }) =>
      new SignJWT({ 'custom:partnership': partnership, 'cognito:groups': [role], token_use: 'access' })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(`demo-${role}@${partnership}`)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(LIFETIME)
        .sign(privateKey),
    verify: async (token) => {
      if (!token) return undefined;
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['ES256'],
        });
        return asGatewayClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
}

function asGatewayClaims(payload: JWTPayload): GatewayClaims {
  const claims: GatewayClaims = {};
  for (const [name, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') claims[name] = value;
  }
  return claims;
}
