import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';
import { launchBrowser } from '../../support/browser';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const CLIENT_ID = 'web-app-client';

/**
 * A stand-in for Cognito's hosted sign-in: its two OAuth endpoints, as the web app uses them
 * in AWS (authorization code with PKCE). It signs the user in as a chair of the demo
 * partnership with a token the local server trusts, and only when the verifier matches.
 */
function fakeHostedSignIn(issue: () => Promise<string>, appOrigin: () => string) {
  const challenges = new Map<string, { challenge: string; redirectUri: string }>();
  const seen: string[] = [];

  const authorize = (url: URL, response: ServerResponse) => {
    const asked = url.searchParams;
    const ok =
      asked.get('client_id') === CLIENT_ID &&
      asked.get('code_challenge_method') === 'S256' &&
      asked.get('response_type') === 'code';
    if (!ok) return response.writeHead(400).end();
    const code = `code-${challenges.size + 1}`;
    const redirectUri = asked.get('redirect_uri') ?? '';
    challenges.set(code, { challenge: asked.get('code_challenge') ?? '', redirectUri });
    const back = new URL(redirectUri);
    back.search = new URLSearchParams({ code, state: asked.get('state') ?? '' }).toString();
    return response.writeHead(302, { location: back.toString() }).end();
  };

  const token = async (request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const form = new URLSearchParams(body);
    const code = form.get('code') ?? '';
    const asked = challenges.get(code);
    challenges.delete(code);
    const proof = createHash('sha256')
      .update(form.get('code_verifier') ?? '')
      .digest('base64url');
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': appOrigin() };
    if (!asked || asked.challenge !== proof || form.get('redirect_uri') !== asked.redirectUri) {
      return response.writeHead(400, headers).end('{}');
    }
    return response.writeHead(200, headers).end(JSON.stringify({ id_token: await issue() }));
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    seen.push(`${request.method} ${url.pathname}`);
    if (request.method === 'GET' && url.pathname === '/oauth2/authorize') return authorize(url, response);
    if (request.method === 'POST' && url.pathname === '/oauth2/token') return token(request, response);
    return response.writeHead(404).end();
  });
  return { server, seen };
}

describe('signing in through the hosted sign-in (as in AWS)', () => {
  let api: Api;
  let browser: Browser;
  let fake: ReturnType<typeof fakeHostedSignIn>;
  let fakeUrl = '';

  beforeAll(async () => {
    let appUrl = '';
    fake = fakeHostedSignIn(
      () => api.identity.issue({ role: 'madp-chair', partnership: DEMO }),
      () => appUrl,
    );
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fakeUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    [api, browser] = await Promise.all([
      startTestApi({
        web: true,
        signIn: (serverUrl) => ({
          auth: { kind: 'cognito', signInUrl: fakeUrl, clientId: CLIENT_ID, redirectUri: `${serverUrl}/` },
          connectTo: [fakeUrl],
        }),
      }),
      launchBrowser(),
    ]);
    appUrl = api.server.url;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await new Promise((resolve) => fake?.server.close(resolve));
  });

  it('signs in with the code and PKCE, keeps no token in the browser, and clears the code from the address', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.server.url}/`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Your week as MADP chair' }).waitFor();
    expect(fake.seen).toEqual(['GET /oauth2/authorize', 'POST /oauth2/token']);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    await page.close();
  }, 60_000);
});
