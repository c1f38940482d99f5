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

  it('shows restricted police intelligence to police analysts only', async () => {
    const restricted = '/v1/relationships/YP00005/YP00006';
    expect((await api.as('police-analyst').request('GET', restricted)).status).toBe(200);
    expect((await api.as('madp-chair').request('GET', restricted)).status).toBe(404);
    expect((await api.as('early-help-lead').request('GET', restricted)).status).toBe(404);
    const listOf = async (role: Role) =>
      (
        (await api.as(role).request('GET', '/v1/young-people/YP00005/relationships')).body as {
          items: { personB: string; restricted: boolean }[];
        }
      ).items;
    expect((await listOf('police-analyst')).some((r) => r.restricted)).toBe(true);
    expect((await listOf('madp-chair')).some((r) => r.restricted)).toBe(false);
    expect((await listOf('early-help-lead')).some((r) => r.restricted)).toBe(false);
  });

  it('keeps the audit trail of restricted intelligence from roles that may not see it', async () => {
    await api.as('police-analyst').request('GET', '/v1/relationships/YP00005/YP00006');
    const events = async (role: Role) =>
      ((await api.as(role).request('GET', '/v1/audit?person=YP00006')).body as { items: { restricted?: boolean }[] })
        .items;
    expect((await events('madp-chair')).some((event) => event.restricted)).toBe(false);
    expect((await events('partnership-admin')).some((event) => event.restricted)).toBe(false);
    const stored = await api.table.store.audit.byYoungPerson('demo', 'YP00006', { limit: 500 });
    expect(stored.items.some((event) => event.restricted)).toBe(true);
  });

  it('does not let a role that cannot see restricted intelligence create it', async () => {
    const response = await api.as('madp-chair').request('POST', '/v1/relationships', {
      body: {
        personA: 'YP00030',
        personB: 'YP00031',
        kind: 'associate',
        strength: 1,
        sourceAgency: 'police',
        restricted: true,
      },
    });
    expect(response.status).toBe(403);
  });
});
