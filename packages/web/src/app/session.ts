import type { Me } from '@peermap/contract';
/** How this installation signs people in: demo users locally, Cognito's hosted sign-in in AWS. */
export type AuthConfig =
  | { kind: 'local'; partnerships: string[] }
  | {
      kind: 'cognito';
      /** The hosted sign-in's address (`https://<prefix>.auth.<region>.amazoncognito.com`). */
      signInUrl: string;
      clientId: string;
      redirectUri: string;
    };

export interface AppConfig {
  /** Where the API is; empty when it is served from the same origin as the app. */
  apiBase: string;
  auth: AuthConfig;
  /** Workbooks larger than this go through a large upload (4 MB, what the API takes, unless set). */
  largeUploadBytes?: number;
}

/** Who is signed in, as the API says (`GET /v1/me`): the app decides nothing from the token itself. */
export type { Me } from '@peermap/contract';

/** Whether the signed-in person's role holds a permission (named as the API names it). */
export const holds = (me: Me, permission: string) => me.permissions.some((held) => held === permission);

export const ROLE_NAMES: Readonly<Record<Me['role'], string>> = {
  'madp-chair': 'MADP chair',
  'early-help-lead': 'Early help lead',
  'police-analyst': 'Police analyst',
  'partnership-admin': 'Partnership admin',
};

/** A demo user's token from the local server (demo data only; never in AWS). */
export async function signInLocally(role: Me['role'], partnership: string): Promise<string> {
  const query = new URLSearchParams({ role, partnership });
  const response = await fetch(`/local/token?${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error('The local server did not sign you in.');
  const { token } = (await response.json()) as { token: string };
  return token;
}

const VERIFIER_KEY = 'peermap.pkce';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/**
 * Sends the browser to Cognito's hosted sign-in (authorization code with PKCE). Only the
 * one-time verifier waits in session storage for the way back; no token is ever stored.
 */
export async function startCognitoSignIn(auth: Extract<AuthConfig, { kind: 'cognito' }>): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER_KEY, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: 'openid email profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  location.assign(`${auth.signInUrl}/oauth2/authorize?${query}`);
}

/** On the way back from Cognito: swaps the code for the ID token and clears it from the address. */
export async function finishCognitoSignIn(auth: Extract<AuthConfig, { kind: 'cognito' }>): Promise<string | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem(VERIFIER_KEY);
  sessionStorage.removeItem(VERIFIER_KEY);
  history.replaceState(null, '', location.pathname + location.hash);
  if (!code || !saved) return undefined;
  const { verifier, state } = JSON.parse(saved) as { verifier: string; state: string };
  if (params.get('state') !== state) return undefined;
  const response = await fetch(`${auth.signInUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: auth.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) return undefined;
  const { id_token: idToken } = (await response.json()) as { id_token?: string };
  return idToken;
}

/** Ends the hosted sign-in's own session too, and comes back to the app's first page. */
export function signOutOfCognito(auth: Extract<AuthConfig, { kind: 'cognito' }>): void {
  const query = new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.redirectUri });
  location.assign(`${auth.signInUrl}/logout?${query}`);
}
