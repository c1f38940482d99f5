import { type Role, Role as Roles } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

describe('each role receives only what it may', () => {
  let api: Api;
  const views = new Map<Role, Record<string, unknown>>();

  beforeAll(async () => {
    api = await startTestApi();
    // A carer with every field filled, so each absence below is a redaction, not a blank.
    const held = await api.table.store.carers.get('demo', 'CR00002');
    if (!held) throw new Error('demo carer CR00002 is missing');
    const { version, ...carer } = held;
    await api.table.store.carers.save(
      {
        ...carer,
        contact: { phone: '07700 912568', email: 'carer2@example.org' },
        consent: { ...carer.consent, scope: 'parent sessions', note: 'Prefers a call after 6pm' },
        safetyNote: 'Do not share the address with the other parent',
      },
      version,
    );
    for (const role of Roles.options) {
      const response = await api.as(role).request('GET', '/v1/carers/CR00002');
      if (response.status === 200) views.set(role, response.body as Record<string, unknown>);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['madp-chair', true],
    ['early-help-lead', true],
    ['police-analyst', false],
  ] as const)('gives %s the contact details, consent and safety note: %s', (role, sees) => {
    const view = views.get(role);
    expect(view).toMatchObject({
      ref: 'CR00002',
      name: 'Hassan Hussain',
      relationship: 'father',
      parentalResponsibility: true,
    });
    for (const field of ['contact', 'consent', 'safetyNote']) expect(view && field in view).toBe(sees);
    if (sees) {
      expect(view).toMatchObject({
        contact: { phone: '07700 912568', email: 'carer2@example.org' },
        consent: { status: 'given', note: 'Prefers a call after 6pm', scope: 'parent sessions' },
        safetyNote: 'Do not share the address with the other parent',
      });
    }
  });

  it('gives partnership admins no carer at all', () => {
    expect(views.has('partnership-admin')).toBe(false);
  });

  it("keeps carers' details from police analysts in lists too", async () => {
    const response = await api.as('police-analyst').request('GET', '/v1/young-people/YP00001/carers');
    const items = (response.body as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(2);
    for (const carer of items) {
      expect(carer).not.toHaveProperty('contact');
      expect(carer).not.toHaveProperty('consent');
    }
  });

  it('shows restricted police intelligence to police analysts only, in its own layer', async () => {
    const restricted = '/v1/restricted-relationships/YP00005/YP00006';
    expect((await api.as('police-analyst').request('GET', restricted)).status).toBe(200);
    expect((await api.as('madp-chair').request('GET', restricted)).status).toBe(403);
    expect((await api.as('early-help-lead').request('GET', restricted)).status).toBe(403);
    // The demo's partners recorded nothing of this pair: the shared layer holds nothing for anyone.
    for (const role of ['police-analyst', 'madp-chair', 'early-help-lead'] as const) {
      expect((await api.as(role).request('GET', '/v1/relationships/YP00005/YP00006')).status).toBe(404);
    }
    const listOf = async (role: Role, path: string) =>
      ((await api.as(role).request('GET', path)).body as { items?: { restricted: boolean }[] }).items ?? [];
    expect(await listOf('police-analyst', '/v1/young-people/YP00005/restricted-relationships')).not.toHaveLength(0);
    for (const role of ['police-analyst', 'madp-chair', 'early-help-lead'] as const) {
      expect((await listOf(role, '/v1/young-people/YP00005/relationships')).some((r) => r.restricted)).toBe(false);
    }
  });

  it('keeps what police do in the restricted layer out of the audit other roles read', async () => {
    const before = await api.as('madp-chair').request('GET', '/v1/audit?user=demo-police-analyst@demo');
    await api.as('police-analyst').request('GET', '/v1/restricted-relationships/YP00005/YP00006');
    const events = async (role: Role, query: string) =>
      ((await api.as(role).request('GET', `/v1/audit?${query}`)).body as { items: { restricted?: boolean }[] }).items;
    for (const role of ['madp-chair', 'partnership-admin'] as const) {
      expect((await events(role, 'person=YP00006')).some((event) => event.restricted)).toBe(false);
      expect((await events(role, 'user=demo-police-analyst@demo')).length).toBe(
        (before.body as { items: unknown[] }).items.length,
      );
    }
    const stored = (await api.table.scanAll()).filter(
      (item) =>
        item['entity'] === 'AuditEvent' &&
        item['resource'] === 'restricted-relationships' &&
        (item['actor'] as { role?: string }).role === 'police-analyst',
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((item) => item['restricted'] === true && String(item['GSI2SK']).startsWith('RAUDIT#'))).toBe(
      true,
    );
  });

  it("keeps restricted intelligence to its own routes: the shared ones take partners' records only", async () => {
    const body = {
      personA: 'YP00030',
      personB: 'YP00031',
      kind: 'associate',
      strength: 1,
      sourceAgency: 'police',
      restricted: true,
    };
    for (const role of ['madp-chair', 'police-analyst'] as const) {
      const response = await api.as(role).request('POST', '/v1/relationships', { body });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('/v1/restricted-relationships');
    }
    const chair = await api.as('madp-chair').request('POST', '/v1/restricted-relationships', { body });
    expect(chair.status).toBe(403);
    const police = await api.as('police-analyst').request('POST', '/v1/restricted-relationships', { body });
    expect(police.status).toBe(201);
  });
});
