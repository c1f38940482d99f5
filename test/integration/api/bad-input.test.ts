import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../support/api';

type Api = Awaited<ReturnType<typeof startTestApi>>;

const person = {
  ref: 'YPBAD',
  displayName: 'Sam T.',
  dateOfBirth: '2012-03-04',
  educationStatus: 'attending',
  agencies: ['early_help'],
  strengths: [],
  status: 'open',
};

describe('what a user can send never breaks the service', () => {
  let api: Api;
  const chair = () => api.as('madp-chair');

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['invalid JSON', { raw: '{"ref": "YP1",', headers: { 'content-type': 'application/json' } }, 400],
    ['a wrong type', { body: { ...person, strengths: 'kind' } }, 400],
    ['an unknown field', { body: { ...person, riskScore: 97 } }, 400],
    ['a missing field', { body: { ...person, displayName: undefined } }, 400],
    [
      'a __proto__ key',
      { raw: `{"__proto__": {"admin": true}, "ref": "YPBAD"}`, headers: { 'content-type': 'application/json' } },
      400,
    ],
    [
      'a constructor key',
      { raw: `{"constructor": {"prototype": {}}}`, headers: { 'content-type': 'application/json' } },
      400,
    ],
    [
      'the wrong content type',
      { raw: 'ref=YPBAD', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
    ],
    ['no content type', { raw: JSON.stringify(person) }, 415],
    ['a body over 64 KiB', { body: { ...person, displayName: 'x'.repeat(70_000) } }, 413],
    ['a body over 1 MiB', { raw: 'x'.repeat(1_100_000), headers: { 'content-type': 'application/json' } }, 413],
  ])('answers %s with %i and a problem document', async (_, options, status) => {
    const response = await chair().request('POST', '/v1/young-people', options);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    expect(await api.table.store.youngPeople.get('demo', 'YPBAD')).toBeUndefined();
  });

  it('names the fields that are wrong', async () => {
    const response = await chair().request('POST', '/v1/young-people', {
      body: { ...person, dateOfBirth: '2012-02-30', educationStatus: 'home', riskScore: 97 },
    });
    const paths = (response.body as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['dateOfBirth', 'educationStatus']));
    expect(paths.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['a right-to-left override in a name', { displayName: 'Sam\u202E T.' }, 'displayName', 'U+202E'],
    ['a zero-width space in a ref', { ref: 'YPBAD\u200B' }, 'ref', 'U+200B'],
    ['an isolate in a strength', { strengths: ['kind', 'good \u2066at art'] }, 'strengths.1', 'U+2066'],
    ['a line break in a name', { displayName: 'Sam\nT.' }, 'displayName', 'line break'],
  ])('refuses %s with 400 and the field path, and writes nothing', async (_, change, path, named) => {
    const response = await chair().request('POST', '/v1/young-people', { body: { ...person, ...change } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((response.body as { errors: unknown[] }).errors).toEqual([
      { path, message: expect.stringContaining(named) },
    ]);
    expect(await api.table.store.youngPeople.get('demo', 'YPBAD')).toBeUndefined();
  });

  it('refuses direction overrides in free text and in settings phrases, but keeps its line breaks', async () => {
    const police = api.as('police-analyst');
    const place = {
      ref: 'LOCBIDI',
      name: 'Canal path',
      kind: 'park',
      sourceAgency: 'police',
      position: { latitude: 51.5, longitude: -0.1 },
    };
    const overridden = await police.request('POST', '/v1/locations', {
      body: { ...place, notes: 'Gate open.\n\u202Eclosed\u202C after dark.' },
    });
    expect(overridden.status).toBe(400);
    expect((overridden.body as { errors: unknown[] }).errors).toEqual([
      { path: 'notes', message: expect.stringContaining('U+202E RIGHT-TO-LEFT OVERRIDE') },
    ]);
    expect(await api.table.store.locations.get('demo', 'LOCBIDI')).toBeUndefined();
    const kept = await police.request('POST', '/v1/locations', {
      body: { ...place, notes: 'Gate open.\nClosed after dark.' },
    });
    expect(kept.status).toBe(201);
    expect((await api.table.store.locations.get('demo', 'LOCBIDI'))?.notes).toBe('Gate open.\nClosed after dark.');

    const admin = api.as('partnership-admin');
    const settings = await admin.request('GET', '/v1/settings');
    const phrase = await admin.request('PATCH', '/v1/settings', {
      body: { languagePhrases: [{ phrase: 'trouble\u200Bmaker', suggestion: 'young person who needs support' }] },
      headers: { 'if-match': settings.headers.get('etag') ?? '' },
    });
    expect(phrase.status).toBe(400);
    expect((phrase.body as { errors: unknown[] }).errors).toEqual([
      { path: 'languagePhrases.0.phrase', message: expect.stringContaining('U+200B') },
    ]);
  });

  it('asks for If-Match on a change, and refuses a stale one', async () => {
    const path = '/v1/young-people/YP00010';
    expect((await chair().request('PATCH', path, { body: { status: 'open' } })).status).toBe(428);
    expect(
      (await chair().request('PATCH', path, { body: { status: 'open' }, headers: { 'if-match': 'banana' } })).status,
    ).toBe(428);
    const read = await chair().request('GET', path);
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+"$/);
    const first = await chair().request('PATCH', path, {
      body: { keyWorker: 'New Worker' },
      headers: { 'if-match': etag },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).not.toBe(etag);
    const stale = await chair().request('PATCH', path, {
      body: { keyWorker: 'Other Worker' },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    expect(((await chair().request('GET', path)).body as { keyWorker: string }).keyWorker).toBe('New Worker');
  });

  it('places a location stated by grid reference, and refuses one outside Great Britain', async () => {
    const police = api.as('police-analyst');
    const place = { name: 'Railway Arches', kind: 'abandoned_building', sourceAgency: 'police' };
    const created = await police.request('POST', '/v1/locations', {
      body: { ref: 'LOCGRID1', ...place, gridReference: { easting: 533000, northing: 181000 } },
    });
    expect(created.status).toBe(201);
    const { position } = created.body as { position: { latitude: number; longitude: number } };
    expect(position.latitude).toBeCloseTo(51.512, 2);
    expect(position.longitude).toBeCloseTo(-0.085, 2);
    const moved = await police.request('PATCH', '/v1/locations/LOCGRID1', {
      body: { position: { latitude: 51.5, longitude: -0.1 } },
      headers: { 'if-match': '"1"' },
    });
    expect(moved.body).not.toHaveProperty('gridReference');
    const outside = await police.request('POST', '/v1/locations', {
      body: { ref: 'LOCGRID2', ...place, position: { latitude: 48.85, longitude: 2.35 } },
    });
    expect(outside.status).toBe(400);
    expect(outside.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses to change a key field with a change', async () => {
    const read = await chair().request('GET', '/v1/young-people/YP00011');
    const response = await chair().request('PATCH', '/v1/young-people/YP00011', {
      body: { ref: 'YP99999' },
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expect(response.status).toBe(400);
  });

  it('removes a young person only by erasure, and keeps a place that sightings and plans still name', async () => {
    const read = await chair().request('GET', '/v1/young-people/YP00001');
    const response = await chair().request('DELETE', '/v1/young-people/YP00001', {
      headers: { 'if-match': read.headers.get('etag') ?? '' },
      body: { reason: 'trying a plain delete' },
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('erase=true');
    expect(await api.table.store.youngPeople.get('demo', 'YP00001')).toBeDefined();
    const place = await chair().request('GET', '/v1/locations/LOC0001');
    const linked = await chair().request('DELETE', '/v1/locations/LOC0001', {
      headers: { 'if-match': place.headers.get('etag') ?? '' },
    });
    expect(linked.status).toBe(409);
    expect(await api.table.store.locations.get('demo', 'LOC0001')).toBeDefined();
  });

  it.each([
    ['GET', '/v1/young-people?cursor=not-a-cursor', 400],
    ['GET', '/v1/young-people?limit=0', 400],
    ['GET', '/v1/young-people?limit=many', 400],
    ['GET', '/v1/young-people?colour=blue', 400],
    ['GET', '/v1/young-people/YP%23001', 400],
    ['GET', '/v1/young-people/%E0%A4%A', 400],
    ['GET', '/v1/sightings/not-a-sighting', 400],
    ['GET', '/v1/sightings/YP00001~LOC0007~2026-13-04~education', 400],
    ['GET', '/v1/concerns/YP00001~gang~2026-11-05~education', 400],
    ['GET', '/v1/nothing-here', 404],
    ['PUT', '/v1/young-people/YP00001', 405],
    ['GET', '/v1/young-people/YP99999', 404],
  ])('answers %s %s with %i', async (method, path, status) => {
    const response = await chair().request(method, path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers a missing, forged or foreign token with 401', async () => {
    const url = `${api.server.url}/v1/young-people`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer not.a.token' } })).status).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const claims = Buffer.from(
      JSON.stringify({ sub: 'x', 'custom:partnership': 'demo', 'cognito:groups': ['madp-chair'] }),
    ).toString('base64url');
    expect((await fetch(url, { headers: { authorization: `Bearer ${header}.${claims}.` } })).status).toBe(401);
  });

  it('refuses a token request for an unknown role or partnership', async () => {
    expect((await fetch(`${api.server.url}/local/token?role=superuser&partnership=demo`)).status).toBe(400);
    expect((await fetch(`${api.server.url}/local/token?role=madp-chair&partnership=Demo%231`)).status).toBe(400);
  });
});
