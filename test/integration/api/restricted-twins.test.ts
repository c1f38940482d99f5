import { apiDocument } from '@peermap/api';
import type { Draft, Relationship, Role, Sighting } from '@peermap/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, DEMO, startTestApi } from '../../support/api';
import * as make from '../../support/records';
import { type Api, type Case, makeRouteCases, TAG } from '../../support/route-cases';

/** The roles that may not see restricted police intelligence. */
const OTHERS: Role[] = ['madp-chair', 'early-help-lead', 'partnership-admin'];
const TAGS = Object.values(TAG);
const grading = { sourceEvaluation: 2, intelligenceAssessment: 'B', handlingCode: 'C' } as const;
const provenance = { recordedBy: 'demo-police-analyst@demo', recordedAt: '2026-11-20T10:00:00.000Z' };

const policeLink = (a: string, b: string): Draft<Relationship> => ({
  ...make.relationship(DEMO, a < b ? a : b, a < b ? b : a),
  kind: 'co_offending',
  strength: 3,
  sourceAgency: 'police',
  grading,
  restricted: true,
  provenance,
});
const policeSighting = (personRef: string, locationRef: string, seenOn: string): Draft<Sighting> => ({
  ...make.sighting(DEMO, personRef, locationRef),
  seenOn,
  sourceAgency: 'police',
  grading,
  restricted: true,
  provenance,
});

/**
 * Restricted intelligence about exactly the pairs, sightings, people and places the route
 * cases act on: the same relationship or sighting (key for key) a chair reads, creates,
 * changes or deletes, a place only police intelligence names, a young person being erased.
 */
async function holdRestrictedIntelligence(api: Api) {
  const { restrictedRelationships: links, restrictedSightings: sightings } = api.table.store;
  await links.save(policeLink('YP00001', 'YP00002'));
  await links.save(policeLink('YP00001', 'YP00003'));
  await sightings.save(policeSighting('YP00001', 'LOC0007', '2026-11-04'));
  await sightings.save(policeSighting('YP00001', 'LOC0014', '2026-11-05'));
  await sightings.save(policeSighting('YP00002', 'LOC0001', '2026-11-21'));
  for (const t of TAGS) {
    for (const prefix of ['R', 'Q', 'W']) await links.save(policeLink(`${prefix}${t}1`, `${prefix}${t}2`));
    await links.save(policeLink(`X${t}`, 'YP00001'));
    await sightings.save(policeSighting(`S${t}`, 'LOC0001', '2026-11-20'));
    await sightings.save(policeSighting(`SU${t}`, 'LOC0001', '2026-11-12'));
    await sightings.save(policeSighting(`SD${t}`, 'LOC0001', '2026-11-12'));
    // A place only police intelligence names: to anyone else it is a place nobody was seen at.
    await sightings.save(policeSighting('YP00004', `LD${t}`, '2026-11-12'));
  }
}

/** Police's records as stored, item for item (but those of young people the cases erase). */
const policeRecords = async (api: Api) =>
  (await api.table.scanAll())
    .filter((item) => String(item['entity']).startsWith('Restricted'))
    .filter((item) => !String(item['PK']).includes('#YP#X'))
    .sort((a, b) => `${a['PK']} ${a['SK']}`.localeCompare(`${b['PK']} ${b['SK']}`));

/**
 * What a police analyst does in both worlds, over HTTP, before the others ask: work in the
 * restricted layer (found in one world, not found in the other) and a whole-map export (which
 * holds the layer). None of it may show in what the others read, the audit included.
 */
async function policeWork(api: Api) {
  const police = api.as('police-analyst');
  await police.request('GET', '/v1/restricted-relationships/YP00001/YP00002');
  await police.request('GET', '/v1/young-people/YP00001/restricted-relationships');
  await police.request('PATCH', '/v1/restricted-relationships/YP00001/YP00003', {
    body: { strength: 2 },
    headers: { 'if-match': '"1"' },
  });
  await police.request('POST', '/v1/restricted-sightings', {
    body: { personRef: 'YP00003', locationRef: 'LOC0002', seenOn: '2026-11-22', sourceAgency: 'police' },
  });
  await police.request('GET', '/v1/exports/map?format=i2');
}

/**
 * Requests where a side door would open if anything did: a partner's record with the very key
 * of a police one, and an upload naming the pair police hold intelligence about.
 */
const COLLISIONS: Case[] = [
  {
    route: 'POST /v1/sightings (police-sourced, same key as a restricted one)',
    request: () => ({
      method: 'POST',
      path: '/v1/sightings',
      body: { personRef: 'YP00002', locationRef: 'LOC0001', seenOn: '2026-11-21', sourceAgency: 'police' },
    }),
    expected: { 'madp-chair': 201, 'early-help-lead': 403, 'police-analyst': 201, 'partnership-admin': 403 },
  },
  {
    route: 'POST /v1/relationships (the pair police hold)',
    request: () => ({
      method: 'POST',
      path: '/v1/relationships',
      body: { personA: 'YP00003', personB: 'YP00001', kind: 'friend', strength: 1, sourceAgency: 'education' },
    }),
    expected: { 'madp-chair': 201, 'early-help-lead': 403, 'police-analyst': 201, 'partnership-admin': 403 },
  },
  {
    route: "GET /v1/audit?user= (the police analyst's own trail)",
    request: () => ({ method: 'GET', path: '/v1/audit?user=demo-police-analyst@demo' }),
    expected: { 'madp-chair': 200, 'early-help-lead': 403, 'police-analyst': 403, 'partnership-admin': 200 },
  },
  {
    route: 'POST /v1/uploads (a sheet naming the pair police hold, restricted and not)',
    request: () => {
      const form = new FormData();
      const sheet = [
        'person_a_ref,person_b_ref,kind,strength,source_agency,source_evaluation,intelligence_assessment,handling_code,restricted',
        'YP00001,YP00002,friend,1,education,,,,no',
        'YP00001,YP00003,associate,2,police,3,C,P,yes',
      ].join('\n');
      form.append('relationships.csv', new Blob([sheet], { type: 'text/csv' }), 'relationships.csv');
      return { method: 'POST', path: '/v1/uploads?week=2026-W48', form };
    },
    expected: { 'madp-chair': 201, 'early-help-lead': 403, 'police-analyst': 403, 'partnership-admin': 201 },
  },
];

/** What a caller learns from an answer, with what differs between any two runs (ids, clocks) made alike. */
async function learned(response: ApiResponse) {
  const type = response.headers.get('content-type') ?? '';
  // A Word file is a zip whose bytes change with its clock; its words are the HTML paper's, compared elsewhere.
  const comparable = /json|text|gexf|svg|csv/.test(type) && !type.includes('wordprocessingml');
  const text = !comparable
    ? `(${type}, not compared)`
    : type.includes('json')
      ? JSON.stringify(canonical(JSON.parse(response.text)))
      : normalise(response.text);
  return { status: response.status, type, etag: response.headers.get('etag'), text };
}

/**
 * A JSON answer with runs' ids and clocks made alike, and lists of records that are ordered by
 * their random ids (a group's plans) put in one order: what is compared is what the list holds.
 */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return normalise(value);
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const byId = items.every((item) => typeof item === 'object' && item !== null && 'id' in item);
    return byId ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

const normalise = (text: string) =>
  text
    .replaceAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    // A group's id is its first run's id and a number: the run differs, the number must not.
    .replaceAll(/\b[0-9a-f]{8}(?=-\d{1,4}\b)/g, '<run>')
    .replaceAll(/http:\/\/127\.0\.0\.1:\d+/g, '<server>')
    .replaceAll(/signature=[\w-]+/g, 'signature=<signature>')
    // A one-time feedback link's key: its token is random.
    .replaceAll(/\b([a-z0-9-]{1,40})\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, '$1.<token>')
    .replaceAll(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replaceAll(/erased-[0-9a-f]{8}/g, '<marker>')
    .replaceAll(/"contentSha256":"[0-9a-f]{64}"/g, '"contentSha256":"<sha>"');

/** Where two answers part, with a little of each around it: a readable failure, not two whole bodies. */
function firstDifference(a: string, b: string): { at: number; holding: string; notHolding: string } | undefined {
  if (a === b) return undefined;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 80), at + 80);
  return { at, holding: around(a), notHolding: around(b) };
}

/**
 * Two servers over two tables, each loaded with the same demo weeks and sent the same requests
 * in the same order; police hold restricted intelligence in one of them only. Every role that
 * may not see it must get the same answers from both: status, media type, version and body.
 */
describe('restricted intelligence, seen from every role that may not see it', () => {
  const withIntelligence = makeRouteCases();
  const without = makeRouteCases();
  let holding: Api;
  let notHolding: Api;
  let policeHeld: Record<string, unknown>[] = [];

  beforeAll(async () => {
    [holding, notHolding] = await Promise.all([startTestApi(), startTestApi()]);
    await holdRestrictedIntelligence(holding);
    await withIntelligence.prepare(holding);
    await without.prepare(notHolding);
    await policeWork(holding);
    await policeWork(notHolding);
    policeHeld = await policeRecords(holding);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([holding.close(), notHolding.close()]);
  });

  it('asks every route of the API', () => {
    const documented = Object.entries(apiDocument().paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(withIntelligence.cases.map((c) => c.route).sort()).toEqual(documented.sort());
  });

  const pairs = [
    ...withIntelligence.cases.map((c, index) => [c.route, c, without.cases[index] ?? c] as const),
    ...COLLISIONS.map((c) => [c.route, c, c] as const),
  ];

  it.each(pairs)('%s answers as if police held nothing', async (_, holdingCase, notHoldingCase) => {
    for (const role of OTHERS) {
      const ask = async (api: Api, c: Case) => {
        // Analyses run in the background: each server answers once its runs have finished.
        await api.server.idle();
        const { method, path, body, form, headers } = c.request(TAG[role]);
        return learned(
          await api.as(role).request(method, path, {
            ...(body === undefined ? {} : { body }),
            ...(form ? { form } : {}),
            ...(headers ? { headers } : {}),
          }),
        );
      };
      // The two servers are apart: each gets the same requests in the same order, side by side.
      const [{ text: seenText, ...seen }, { text: unseenText, ...unseen }] = await Promise.all([
        ask(holding, holdingCase),
        ask(notHolding, notHoldingCase),
      ]);
      expect({ role, ...seen }).toEqual({ role, ...unseen });
      expect({ role, difference: firstDifference(seenText, unseenText) }).toEqual({ role, difference: undefined });
    }
  });

  it("leaves police's records as they were, whatever the other roles sent", async () => {
    expect(policeHeld.length).toBeGreaterThan(20);
    expect(await policeRecords(holding)).toEqual(policeHeld);
  });
});
