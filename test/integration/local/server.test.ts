import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { createLocalIdentity, type RunningServer, startLocalServer } from '@peermap/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../support/store';

/**
 * Sends a request whose body never ends, and resolves with the answer: a server that waits
 * for the whole body before answering never answers it (or gives up with 413).
 */
function sendEndlessBody(url: string, method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const outgoing = request(url, { method, headers });
    let answered = false;
    const pump = () => {
      let room = true;
      while (!answered && room) room = outgoing.write(chunk);
    };
    outgoing.on('drain', pump);
    outgoing.on('response', (incoming) => {
      answered = true;
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (text: string) => {
        body += text;
      });
      incoming.on('end', () => {
        outgoing.destroy();
        resolve({ status: incoming.statusCode ?? 0, body });
      });
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    pump();
  });
}

describe('the local server, before it reads a body', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  let server: RunningServer;
  let identity: Awaited<ReturnType<typeof createLocalIdentity>>;
  let now = new Date('2026-11-27T10:00:00.000Z');

  beforeAll(async () => {
    table = await createTestTable();
    identity = await createLocalIdentity();
    server = await startLocalServer({
      deps: { store: table.store, now: () => now },
      identity,
      logger: new Logger({ serviceName: 'peermap-test', logLevel: 'SILENT' }),
      port: 0,
      largeUploadsFolder: mkdtempSync(join(tmpdir(), 'peermap-large-')),
    });
  });
  afterAll(async () => {
    await server.close();
    await table.drop();
  });

  it.each([
    ['no token', {}],
    ['a forged token', { authorization: 'Bearer not.a.token' }],
  ])('answers a request with %s with 401 without waiting for its body to end', async (_, headers) => {
    const answer = await sendEndlessBody(`${server.url}/v1/young-people`, 'POST', {
      'content-type': 'application/json',
      ...headers,
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  /** Opens a large upload as a chair: its slot, and the signed URL to send the file to. */
  async function openLargeUpload() {
    const token = await identity.issue({ role: 'madp-chair', partnership: 'endless' });
    const opened = await fetch(`${server.url}/v1/uploads/large?week=2026-W48`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(opened.status).toBe(201);
    const { slot, send } = (await opened.json()) as { slot: { id: string }; send: { url: string } };
    return { slot, url: new URL(send.url) };
  }

  it('refuses a large-upload file sent with a forged signature before reading it', async () => {
    const { slot, url } = await openLargeUpload();
    url.searchParams.set('signature', 'forged');
    const answer = await sendEndlessBody(url.href, 'PUT');
    expect(answer.status).toBe(404);
    expect((await table.store.uploadSlots.get('endless', slot.id))?.status).toBe('waiting');
  });

  it('refuses a large-upload file once its address has expired, or with its expiry moved, before reading it', async () => {
    const { slot, url } = await openLargeUpload();
    const expires = Number(url.searchParams.get('expires'));
    expect(expires * 1000).toBe(now.getTime() + 15 * 60 * 1000);
    const moved = new URL(url);
    moved.searchParams.set('expires', String(expires + 3600));
    expect((await sendEndlessBody(moved.href, 'PUT')).status).toBe(404);
    now = new Date(expires * 1000 + 1000);
    expect((await sendEndlessBody(url.href, 'PUT')).status).toBe(404);
    expect((await table.store.uploadSlots.get('endless', slot.id))?.status).toBe('waiting');
  });
});
