import type { AuditEvent } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

describe('the audit trail', () => {
  let api: Api;
  const lead = `demo-early-help-lead@${DEMO}`;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  /** The events a user's requests left, newest first, and what one call added to them. */
  const trail = async (userId: string) => (await api.table.store.audit.byUser(DEMO, userId, { limit: 500 })).items;
  const added = async (userId: string, act: () => Promise<unknown>): Promise<AuditEvent[]> => {
    const before = new Set((await trail(userId)).map((event) => event.id));
    await act();
    return (await trail(userId)).filter((event) => !before.has(event.id));
  };

  it('records one event, naming the young person, for reading one', async () => {
    const events = await added(lead, () => api.as('early-help-lead').request('GET', '/v1/young-people/YP00003'));
    expect(events).toEqual([
      expect.objectContaining({
        action: 'read',
        resource: 'young-people',
        outcome: 'allowed',
        actor: { userId: lead, role: 'early-help-lead' },
        subjects: { youngPeople: ['YP00003'], carers: [] },
      }),
    ]);
  });

  it('records one event naming every young person a list returned', async () => {
    let returned: string[] = [];
    const events = await added(lead, async () => {
      const response = await api.as('early-help-lead').request('GET', '/v1/young-people?limit=7');
      returned = (response.body as { items: { ref: string }[] }).items.map((person) => person.ref);
    });
    expect(returned).toHaveLength(7);
    expect(events).toHaveLength(1);
    expect(events[0]?.subjects.youngPeople.sort()).toEqual(returned.sort());
  });

  it("records the carers and their young people for reading a young person's carers", async () => {
    const events = await added(lead, () => api.as('early-help-lead').request('GET', '/v1/young-people/YP00001/carers'));
    // The carers also care for YP00002, whose ref the response therefore shows too.
    expect(events.map((event) => event.subjects)).toEqual([
      { youngPeople: ['YP00001', 'YP00002'], carers: ['CR00001', 'CR00002'] },
    ]);
  });

  it('records one event for a change, with the person changed', async () => {
    const read = await api.as('early-help-lead').request('GET', '/v1/carers/CR00010');
    const etag = read.headers.get('etag') ?? '';
    const events = await added(lead, () =>
      api.as('early-help-lead').request('PATCH', '/v1/carers/CR00010', {
        body: { transportNeeded: true },
        headers: { 'if-match': etag },
      }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        action: 'update',
        resource: 'carers',
        outcome: 'allowed',
        subjects: expect.objectContaining({ carers: ['CR00010'] }),
      }),
    ]);
  });

  it('records a refusal, naming no one', async () => {
    const events = await added(lead, () => api.as('early-help-lead').request('POST', '/v1/young-people', { body: {} }));
    expect(events).toEqual([
      expect.objectContaining({ action: 'create', outcome: 'denied', subjects: { youngPeople: [], carers: [] } }),
    ]);
  });

  it('lets a chair find who looked at a young person', async () => {
    await api.as('early-help-lead').request('GET', '/v1/young-people/YP00042');
    const response = await api.as('madp-chair').request('GET', '/v1/audit?person=YP00042');
    const events = (response.body as { items: AuditEvent[] }).items;
    expect(events.map((event) => [event.actor.userId, event.action, event.outcome])).toContainEqual([
      lead,
      'read',
      'allowed',
    ]);
  });

  it('refuses an audit query that names no one or several', async () => {
    expect((await api.as('madp-chair').request('GET', '/v1/audit')).status).toBe(400);
    expect((await api.as('madp-chair').request('GET', '/v1/audit?person=YP1&user=x')).status).toBe(400);
  });

  it('fails a read whose audit event cannot be written, returning nothing', async () => {
    const failing = await startTestApi();
    try {
      // DynamoDB refuses every write of an audit item from now on.
      failing.table.ctx.client.middlewareStack.add(
        (next) => async (args) => {
          if (JSON.stringify(args.input).includes('#AUDIT#')) throw new Error('the table refused the audit write');
          return next(args);
        },
        { step: 'initialize', name: 'refuseAuditWrites' },
      );
      const response = await failing.as('madp-chair').request('GET', '/v1/young-people/YP00001');
      expect(response.status).toBe(503);
      expect(response.text).not.toContain('Leon');
    } finally {
      await failing.close();
    }
  });
});
