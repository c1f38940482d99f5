import { randomUUID } from 'node:crypto';
import { feedbackKeyOf, hashFiles, tokenHashOf, uploadIdFor } from '@peermap/api';
import { examples, type FollowUp, type Role, Role as Roles, todayOf } from '@peermap/domain';
import { demoFiles } from '@peermap/local';
import type { startTestApi } from './api';
import * as make from './records';

export type Api = Awaited<ReturnType<typeof startTestApi>>;

/** A short tag per role, so each role acts on records of its own and the cases never collide. */
export const TAG: Record<Role, string> = {
  'madp-chair': 'c',
  'early-help-lead': 'e',
  'police-analyst': 'p',
  'partnership-admin': 'a',
};

export interface Case {
  route: string;
  /** Records the request needs, made straight in the store (not through the API). */
  setup?: (api: Api, tag: string) => Promise<unknown>;
  request: (tag: string) => {
    method: string;
    path: string;
    body?: unknown;
    form?: FormData;
    headers?: Record<string, string>;
  };
  expected: Record<Role, number>;
}

/**
 * Every route of the API with a request for it, the records it needs and the status each role
 * must get, over the demo partnership of a test API. Each call makes its own set, so two
 * servers (two tables) can each run the same requests. `prepare` finds the demo's records the
 * requests name and makes the ones each role's request acts on.
 */
export function makeRouteCases() {
  const D = 'demo';
  /** The demo's analysis of week 47, one of its clusters and records made for it, found once the demo is loaded. */
  const DEMO_ANALYSIS = {
    id: '',
    clusterId: '',
    listId: '',
    /** A session held a few days ago, for its feedback. */
    heldId: '',
    planId: '',
    lists: {} as Record<string, string>,
    plans: {} as Record<string, string>,
    agreeable: {} as Record<string, string>,
    sessions: {} as Record<string, string>,
    cancelled: {} as Record<string, string>,
  };
  const SESSION = {
    date: '2099-12-10',
    time: '18:30',
    venue: 'Community Centre',
    facilitators: [{ name: 'Early Help', from: 'early_help' as const }],
  };

  /** Records made straight in the store for the routes that change them. */
  const invitationList = (api: Api) =>
    api.table.store.invitationLists.save(make.invitationList(D, { id: randomUUID() }));
  /** A session still to come, planned: its plan can change and it can be called off. */
  const plannedSession = (api: Api) =>
    api.table.store.invitationLists.save(
      make.invitationList(D, { id: randomUUID(), session: SESSION, status: 'planned', attendance: {} }),
    );
  const heldSession = (api: Api) =>
    api.table.store.invitationLists.save(
      make.invitationList(D, {
        status: 'held',
        session: { ...SESSION, date: todayOf(new Date(Date.now() - 3 * 86_400_000)) },
      }),
    );
  /** A one-time link's token of 43 characters, named by a short tag, and the link kept under its hash. */
  const feedbackToken = (name: string) => name.padEnd(43, '0');
  const feedbackLink = (api: Api, name: string) =>
    api.table.store.feedbackLinks.save({
      partnershipId: D,
      tokenHash: tokenHashOf(feedbackToken(name)),
      sessionId: DEMO_ANALYSIS.heldId,
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      createdBy: 'lead-1',
      createdAt: new Date().toISOString(),
    });
  /** A session held in 2020 whose one invited carer (on the map, consent given) sent apologies. */
  const heldSessionOwing = async (api: Api, carerRef: string, followUps: FollowUp[] = []) => {
    await api.table.store.carers.save(make.carer(D, carerRef, ['YP00001']));
    const [invited] = make.invitationList(D).invite;
    return api.table.store.invitationLists.save(
      make.invitationList(D, {
        id: randomUUID(),
        session: { ...SESSION, date: '2020-01-10' },
        youngPersonRefs: ['YP00001'],
        invite: invited ? [{ ...invited, carerRef, youngPersonRefs: ['YP00001'] }] : [],
        attendance: { [carerRef]: 'apologies' },
        status: 'held',
        followUps,
      }),
    );
  };
  const actionPlan = (api: Api) =>
    api.table.store.actionPlans.save(
      make.actionPlan(D, { id: randomUUID(), clusterId: DEMO_ANALYSIS.clusterId, youngPersonRefs: ['YP1', 'YP2'] }),
    );
  /** Parent groups made for each role's request, by route, then by the role's tag. */
  const PARENT_GROUPS = {
    read: {} as Record<string, string>,
    changed: {} as Record<string, string>,
    joined: {} as Record<string, string>,
    left: {} as Record<string, string>,
    sessions: {} as Record<string, string>,
    plans: {} as Record<string, string>,
  };
  const parentGroup = (api: Api, carerRefs: string[]) => {
    const { version: _, ...group } = examples.parentGroup;
    return api.table.store.parentGroups.save({
      ...group,
      id: randomUUID(),
      partnershipId: D,
      members: carerRefs.map((carerRef) => ({ carerRef, joinedOn: '2026-11-20' })),
    });
  };
  const SLOT = '3f2a1b7c-5d6e-4f80-9a1b-2c3d4e5f6a7b';
  const person = (api: Api, ref: string) => api.table.store.youngPeople.save(make.youngPerson(D, ref));
  const ifMatch = { 'if-match': '"1"' };
  /** A record of the restricted layer: police intelligence, graded. */
  const restricted = <T extends object>(record: T) => ({
    ...record,
    sourceAgency: 'police' as const,
    restricted: true,
    grading: { sourceEvaluation: 2 as const, intelligenceAssessment: 'C' as const, handlingCode: 'P' as const },
  });
  const readers = (ok: number) => ({
    'madp-chair': ok,
    'early-help-lead': ok,
    'police-analyst': ok,
    'partnership-admin': 403,
  });
  const everyone = (ok: number) => only(ok, ...Roles.options);
  const only = (ok: number, ...roles: Role[]) =>
    Object.fromEntries(Roles.options.map((role) => [role, roles.includes(role) ? ok : 403])) as Record<Role, number>;

  /** Every route × every role, with the status each role must get. Written out, not derived. */
  const cases: Case[] = [
    {
      route: 'GET /v1/young-people',
      request: () => ({ method: 'GET', path: '/v1/young-people' }),
      expected: readers(200),
    },
    {
      route: 'POST /v1/young-people',
      request: (t) => ({
        method: 'POST',
        path: '/v1/young-people',
        body: { ...fieldsOf(make.youngPerson(D, `N${t}`)) },
      }),
      expected: only(201, 'madp-chair'),
    },
    {
      route: 'GET /v1/young-people/{ref}',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00001' }),
      expected: readers(200),
    },
    {
      route: 'PATCH /v1/young-people/{ref}',
      setup: (api, t) => person(api, `U${t}`),
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/young-people/U${t}`,
        body: { educationStatus: 'attending' },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair'),
    },
    {
      route: 'DELETE /v1/young-people/{ref}',
      setup: (api, t) => person(api, `X${t}`),
      request: (t) => ({
        method: 'DELETE',
        path: `/v1/young-people/X${t}?erase=true`,
        body: { reason: 'added by mistake, not known to any agency' },
      }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/reviews',
      request: () => ({ method: 'GET', path: '/v1/reviews?state=all' }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'POST /v1/young-people/{ref}/reviews',
      setup: (api, t) => person(api, `R${t}`),
      request: (t) => ({
        method: 'POST',
        path: `/v1/young-people/R${t}/reviews`,
        body: { decision: 'keep', reason: 'the group work with the youth service is still going on' },
      }),
      expected: only(200, 'madp-chair'),
    },
    {
      route: 'POST /v1/retention/sweep',
      request: () => ({ method: 'POST', path: '/v1/retention/sweep', body: {} }),
      expected: only(200, 'partnership-admin'),
    },
    {
      route: 'GET /v1/erasures',
      request: () => ({ method: 'GET', path: '/v1/erasures' }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/relationships',
      request: () => ({ method: 'GET', path: '/v1/relationships' }),
      expected: readers(200),
    },
    {
      route: 'POST /v1/relationships',
      setup: async (api, t) => {
        await person(api, `R${t}1`);
        await person(api, `R${t}2`);
      },
      request: (t) => ({
        method: 'POST',
        path: '/v1/relationships',
        body: {
          personA: `R${t}2`,
          personB: `R${t}1`,
          kind: 'friend',
          strength: 2,
          sourceAgency: 'education',
          restricted: false,
        },
      }),
      expected: only(201, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'GET /v1/relationships/{personA}/{personB}',
      request: () => ({ method: 'GET', path: '/v1/relationships/YP00001/YP00002' }),
      expected: readers(200),
    },
    {
      route: 'PATCH /v1/relationships/{personA}/{personB}',
      setup: async (api, t) => {
        await person(api, `Q${t}1`);
        await person(api, `Q${t}2`);
        await api.table.store.relationships.save(make.relationship(D, `Q${t}1`, `Q${t}2`));
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/relationships/Q${t}1/Q${t}2`,
        body: { strength: 3 },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'DELETE /v1/relationships/{personA}/{personB}',
      setup: async (api, t) => {
        await person(api, `W${t}1`);
        await person(api, `W${t}2`);
        await api.table.store.relationships.save(make.relationship(D, `W${t}1`, `W${t}2`));
      },
      request: (t) => ({ method: 'DELETE', path: `/v1/relationships/W${t}2/W${t}1`, headers: ifMatch }),
      expected: only(204, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'GET /v1/young-people/{ref}/relationships',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00001/relationships' }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/restricted-relationships',
      request: () => ({ method: 'GET', path: '/v1/restricted-relationships' }),
      expected: only(200, 'police-analyst'),
    },
    {
      route: 'POST /v1/restricted-relationships',
      setup: async (api, t) => {
        await person(api, `RR${t}1`);
        await person(api, `RR${t}2`);
      },
      request: (t) => ({
        method: 'POST',
        path: '/v1/restricted-relationships',
        body: { personA: `RR${t}2`, personB: `RR${t}1`, kind: 'associate', strength: 2, sourceAgency: 'police' },
      }),
      expected: only(201, 'police-analyst'),
    },
    {
      route: 'GET /v1/restricted-relationships/{personA}/{personB}',
      request: () => ({ method: 'GET', path: '/v1/restricted-relationships/YP00005/YP00006' }),
      expected: only(200, 'police-analyst'),
    },
    {
      route: 'PATCH /v1/restricted-relationships/{personA}/{personB}',
      setup: async (api, t) => {
        await person(api, `RQ${t}1`);
        await person(api, `RQ${t}2`);
        await api.table.store.restrictedRelationships.save(restricted(make.relationship(D, `RQ${t}1`, `RQ${t}2`)));
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/restricted-relationships/RQ${t}1/RQ${t}2`,
        body: { strength: 3 },
        headers: ifMatch,
      }),
      expected: only(200, 'police-analyst'),
    },
    {
      route: 'DELETE /v1/restricted-relationships/{personA}/{personB}',
      setup: async (api, t) => {
        await person(api, `RW${t}1`);
        await person(api, `RW${t}2`);
        await api.table.store.restrictedRelationships.save(restricted(make.relationship(D, `RW${t}1`, `RW${t}2`)));
      },
      request: (t) => ({ method: 'DELETE', path: `/v1/restricted-relationships/RW${t}2/RW${t}1`, headers: ifMatch }),
      expected: only(204, 'police-analyst'),
    },
    {
      route: 'GET /v1/young-people/{ref}/restricted-relationships',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00005/restricted-relationships' }),
      expected: only(200, 'police-analyst'),
    },
    { route: 'GET /v1/locations', request: () => ({ method: 'GET', path: '/v1/locations' }), expected: readers(200) },
    {
      route: 'POST /v1/locations',
      request: (t) => ({
        method: 'POST',
        path: '/v1/locations',
        body: {
          ref: `L${t}`,
          name: 'Skate Park',
          kind: 'park',
          position: { latitude: 51.12, longitude: 0.91 },
          sourceAgency: 'police',
        },
      }),
      expected: only(201, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'GET /v1/locations/{ref}',
      request: () => ({ method: 'GET', path: '/v1/locations/LOC0001' }),
      expected: readers(200),
    },
    {
      route: 'PATCH /v1/locations/{ref}',
      setup: async (api, t) => {
        await api.table.store.locations.save(make.location(D, `LU${t}`));
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/locations/LU${t}`,
        body: { notes: 'Secured by the council' },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'DELETE /v1/locations/{ref}',
      setup: async (api, t) => {
        await api.table.store.locations.save(make.location(D, `LD${t}`));
      },
      request: (t) => ({ method: 'DELETE', path: `/v1/locations/LD${t}`, headers: ifMatch }),
      expected: only(204, 'madp-chair', 'police-analyst'),
    },
    { route: 'GET /v1/sightings', request: () => ({ method: 'GET', path: '/v1/sightings' }), expected: readers(200) },
    {
      route: 'POST /v1/sightings',
      setup: (api, t) => person(api, `S${t}`),
      request: (t) => ({
        method: 'POST',
        path: '/v1/sightings',
        body: {
          personRef: `S${t}`,
          locationRef: 'LOC0001',
          seenOn: '2026-11-20',
          sourceAgency: 'education',
          restricted: false,
        },
      }),
      expected: only(201, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'GET /v1/sightings/{id}',
      request: () => ({ method: 'GET', path: '/v1/sightings/YP00001~LOC0007~2026-11-04~education' }),
      expected: readers(200),
    },
    {
      route: 'PATCH /v1/sightings/{id}',
      setup: async (api, t) => {
        await person(api, `SU${t}`);
        await api.table.store.sightings.save(make.sighting(D, `SU${t}`, 'LOC0001'));
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/sightings/SU${t}~LOC0001~2026-11-12~police`,
        body: { grading: { sourceEvaluation: 1, intelligenceAssessment: 'B', handlingCode: 'P' } },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'DELETE /v1/sightings/{id}',
      setup: async (api, t) => {
        await person(api, `SD${t}`);
        await api.table.store.sightings.save(make.sighting(D, `SD${t}`, 'LOC0001'));
      },
      request: (t) => ({ method: 'DELETE', path: `/v1/sightings/SD${t}~LOC0001~2026-11-12~police`, headers: ifMatch }),
      expected: only(204, 'madp-chair', 'police-analyst'),
    },
    {
      route: 'GET /v1/young-people/{ref}/sightings',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00001/sightings' }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/locations/{ref}/sightings',
      request: () => ({ method: 'GET', path: '/v1/locations/LOC0014/sightings' }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/restricted-sightings',
      request: () => ({ method: 'GET', path: '/v1/restricted-sightings' }),
      expected: only(200, 'police-analyst'),
    },
    {
      route: 'POST /v1/restricted-sightings',
      setup: (api, t) => person(api, `RS${t}`),
      request: (t) => ({
        method: 'POST',
        path: '/v1/restricted-sightings',
        body: { personRef: `RS${t}`, locationRef: 'LOC0001', seenOn: '2026-11-20', sourceAgency: 'police' },
      }),
      expected: only(201, 'police-analyst'),
    },
    {
      route: 'GET /v1/restricted-sightings/{id}',
      setup: async (api, t) => {
        await person(api, `RG${t}`);
        await api.table.store.restrictedSightings.save(restricted(make.sighting(D, `RG${t}`, 'LOC0001')));
      },
      request: (t) => ({ method: 'GET', path: `/v1/restricted-sightings/RG${t}~LOC0001~2026-11-12~police` }),
      expected: only(200, 'police-analyst'),
    },
    {
      route: 'PATCH /v1/restricted-sightings/{id}',
      setup: async (api, t) => {
        await person(api, `RU${t}`);
        await api.table.store.restrictedSightings.save(restricted(make.sighting(D, `RU${t}`, 'LOC0001')));
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/restricted-sightings/RU${t}~LOC0001~2026-11-12~police`,
        body: { grading: { sourceEvaluation: 1, intelligenceAssessment: 'B', handlingCode: 'C' } },
        headers: ifMatch,
      }),
      expected: only(200, 'police-analyst'),
    },
    {
      route: 'DELETE /v1/restricted-sightings/{id}',
      setup: async (api, t) => {
        await person(api, `RD${t}`);
        await api.table.store.restrictedSightings.save(restricted(make.sighting(D, `RD${t}`, 'LOC0001')));
      },
      request: (t) => ({
        method: 'DELETE',
        path: `/v1/restricted-sightings/RD${t}~LOC0001~2026-11-12~police`,
        headers: ifMatch,
      }),
      expected: only(204, 'police-analyst'),
    },
    {
      route: 'GET /v1/young-people/{ref}/restricted-sightings',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00001/restricted-sightings' }),
      expected: only(200, 'police-analyst'),
    },
    {
      route: 'GET /v1/locations/{ref}/restricted-sightings',
      request: () => ({ method: 'GET', path: '/v1/locations/LOC0014/restricted-sightings' }),
      expected: only(200, 'police-analyst'),
    },
    { route: 'GET /v1/concerns', request: () => ({ method: 'GET', path: '/v1/concerns' }), expected: readers(200) },
    {
      route: 'POST /v1/concerns',
      setup: (api, t) => person(api, `C${t}`),
      request: (t) => ({
        method: 'POST',
        path: '/v1/concerns',
        body: {
          personRef: `C${t}`,
          category: 'missing_episode',
          occurredOn: '2026-11-20',
          severity: 'high',
          sourceAgency: 'police',
          status: 'open',
        },
      }),
      expected: only(201, 'madp-chair'),
    },
    {
      route: 'GET /v1/concerns/{id}',
      request: () => ({ method: 'GET', path: '/v1/concerns/YP00001~missing_episode~2026-11-05~education' }),
      expected: readers(200),
    },
    {
      route: 'PATCH /v1/concerns/{id}',
      setup: async (api, t) => {
        await person(api, `CU${t}`);
        await api.table.store.concerns.save(make.concern(D, `CU${t}`));
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/concerns/CU${t}~missing_episode~2026-11-08~early_help`,
        body: { status: 'closed' },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair'),
    },
    {
      route: 'DELETE /v1/concerns/{id}',
      setup: async (api, t) => {
        await person(api, `CD${t}`);
        await api.table.store.concerns.save(make.concern(D, `CD${t}`));
      },
      request: (t) => ({
        method: 'DELETE',
        path: `/v1/concerns/CD${t}~missing_episode~2026-11-08~early_help`,
        headers: ifMatch,
      }),
      expected: only(204, 'madp-chair'),
    },
    {
      route: 'GET /v1/young-people/{ref}/concerns',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00001/concerns' }),
      expected: readers(200),
    },
    { route: 'GET /v1/carers', request: () => ({ method: 'GET', path: '/v1/carers' }), expected: readers(200) },
    {
      route: 'POST /v1/carers',
      request: (t) => ({ method: 'POST', path: '/v1/carers', body: fieldsOf(make.carer(D, `K${t}`, ['YP00001'])) }),
      expected: only(201, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/carers/{ref}',
      request: () => ({ method: 'GET', path: '/v1/carers/CR00001' }),
      expected: readers(200),
    },
    {
      route: 'PATCH /v1/carers/{ref}',
      setup: async (api, t) => {
        await api.table.store.carers.save(make.carer(D, `KU${t}`, ['YP00003']));
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/carers/KU${t}`,
        body: { transportNeeded: false },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'DELETE /v1/carers/{ref}',
      setup: async (api, t) => {
        await api.table.store.carers.save(make.carer(D, `KD${t}`, ['YP00003']));
      },
      request: (t) => ({ method: 'DELETE', path: `/v1/carers/KD${t}`, headers: ifMatch }),
      expected: only(204, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'POST /v1/carers/{ref}/consent',
      setup: async (api, t) => {
        await api.table.store.carers.save(make.carer(D, `KK${t}`, ['YP00003']));
      },
      request: (t) => ({
        method: 'POST',
        path: `/v1/carers/KK${t}/consent`,
        body: { status: 'given', recordedOn: '2026-11-30', recordedBy: 'Kim Keyworker', scope: 'parent sessions' },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/young-people/{ref}/carers',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00001/carers' }),
      expected: readers(200),
    },
    {
      route: 'POST /v1/uploads',
      request: () => ({ method: 'POST', path: '/v1/uploads?week=2026-W49&dryRun=true', form: youngPeopleForm() }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/uploads',
      request: () => ({ method: 'GET', path: '/v1/uploads' }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/uploads/{id}',
      request: () => ({
        method: 'GET',
        path: `/v1/uploads/${uploadIdFor('demo', '2026-W45', hashFiles(demoFiles('week-1')))}`,
      }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'POST /v1/uploads/large',
      request: () => ({ method: 'POST', path: '/v1/uploads/large?week=2026-W49' }),
      expected: only(201, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/uploads/large/{id}',
      setup: (api) =>
        api.table.store.uploadSlots
          .save({
            id: SLOT,
            partnershipId: D,
            week: '2026-W49',
            status: 'waiting',
            uploadedBy: 'chair-1',
            createdAt: '2026-11-28T09:00:00.000Z',
            sendBy: '2026-11-28T09:15:00.000Z',
          })
          .catch(() => undefined),
      request: () => ({ method: 'GET', path: `/v1/uploads/large/${SLOT}` }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/uploads/template',
      request: () => ({ method: 'GET', path: '/v1/uploads/template?format=xlsx' }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'POST /v1/analyses',
      request: () => ({ method: 'POST', path: '/v1/analyses', body: { week: '2026-W48', purpose: 'safety_planning' } }),
      expected: only(202, 'madp-chair'),
    },
    {
      route: 'GET /v1/analyses',
      request: () => ({ method: 'GET', path: '/v1/analyses' }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/analyses/{id}',
      request: () => ({ method: 'GET', path: `/v1/analyses/${DEMO_ANALYSIS.id}` }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/clusters',
      request: () => ({ method: 'GET', path: '/v1/clusters?week=2026-W47' }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/clusters/{id}',
      request: () => ({ method: 'GET', path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}` }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/clusters/{id}/trends',
      request: () => ({ method: 'GET', path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}/trends` }),
      expected: readers(200),
    },
    {
      route: 'POST /v1/clusters/{id}/invitation-lists',
      request: () => ({
        method: 'POST',
        path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}/invitation-lists`,
        body: { session: SESSION },
      }),
      expected: only(201, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'POST /v1/invitation-lists',
      request: () => ({
        method: 'POST',
        path: '/v1/invitation-lists',
        body: { session: SESSION, youngPersonRefs: ['YP00001'] },
      }),
      expected: only(201, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/clusters/{id}/invitation-lists',
      request: () => ({ method: 'GET', path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}/invitation-lists` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/invitation-lists',
      request: () => ({ method: 'GET', path: '/v1/invitation-lists?when=upcoming' }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/invitation-lists/{id}',
      request: () => ({ method: 'GET', path: `/v1/invitation-lists/${DEMO_ANALYSIS.listId}` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'PATCH /v1/invitation-lists/{id}',
      setup: async (api, t) => {
        DEMO_ANALYSIS.lists[t] = (await invitationList(api)).id;
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/invitation-lists/${DEMO_ANALYSIS.lists[t]}`,
        body: { attendance: {} },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    ...sessionSafetyCases(),
    {
      route: 'POST /v1/locations/{ref}/sessions',
      setup: async (api, t) => {
        // A place of its own, where a young person of its own was seen today, with a carer.
        await api.table.store.locations.save(make.location(D, `SL${t}`));
        await person(api, `SY${t}`);
        await api.table.store.carers.save(make.carer(D, `SC${t}`, [`SY${t}`]));
        await api.table.store.sightings.save(
          make.sighting(D, `SY${t}`, `SL${t}`, { seenOn: new Date().toISOString().slice(0, 10) }),
        );
      },
      request: (t) => ({ method: 'POST', path: `/v1/locations/SL${t}/sessions`, body: { session: SESSION } }),
      expected: only(201, 'early-help-lead'),
    },
    {
      route: 'GET /v1/sessions/{id}',
      request: () => ({ method: 'GET', path: `/v1/sessions/${DEMO_ANALYSIS.listId}` }),
      expected: only(200, 'madp-chair', 'early-help-lead', 'police-analyst'),
    },
    {
      route: 'PATCH /v1/sessions/{id}',
      setup: async (api, t) => {
        DEMO_ANALYSIS.sessions[t] = (await plannedSession(api)).id;
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/sessions/${DEMO_ANALYSIS.sessions[t]}`,
        body: { notes: 'Ask the school about the hall for the next one.' },
        headers: ifMatch,
      }),
      expected: only(200, 'early-help-lead'),
    },
    {
      route: 'POST /v1/sessions/{id}/cancel',
      setup: async (api, t) => {
        DEMO_ANALYSIS.cancelled[t] = (await plannedSession(api)).id;
      },
      request: (t) => ({
        method: 'POST',
        path: `/v1/sessions/${DEMO_ANALYSIS.cancelled[t]}/cancel`,
        body: { reason: 'The hall is closed for repairs that week.' },
        headers: ifMatch,
      }),
      expected: only(200, 'early-help-lead'),
    },
    {
      route: 'GET /v1/sessions/{id}/follow-ups',
      request: () => ({ method: 'GET', path: `/v1/sessions/${DEMO_ANALYSIS.listId}/follow-ups` }),
      expected: readers(200),
    },
    {
      route: 'POST /v1/sessions/{id}/follow-ups',
      setup: async (api, t) => {
        DEMO_ANALYSIS.lists[`fu-${t}`] = (await heldSessionOwing(api, `KF${t}`)).id;
      },
      request: (t) => ({
        method: 'POST',
        path: `/v1/sessions/${DEMO_ANALYSIS.lists[`fu-${t}`]}/follow-ups`,
        body: { carerRef: `KF${t}`, kind: 'share_messages' },
        headers: ifMatch,
      }),
      expected: only(201, 'early-help-lead'),
    },
    {
      route: 'PATCH /v1/sessions/{id}/follow-ups/{followUpId}',
      setup: async (api, t) => {
        const followUps = [
          {
            id: 'fu-1',
            carerRef: `KG${t}`,
            kind: 'invite_next' as const,
            ownerAgency: 'early_help' as const,
            dueOn: '2020-01-24',
          },
        ];
        DEMO_ANALYSIS.lists[`fu-done-${t}`] = (await heldSessionOwing(api, `KG${t}`, followUps)).id;
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/sessions/${DEMO_ANALYSIS.lists[`fu-done-${t}`]}/follow-ups/fu-1`,
        body: { doneOn: '2020-01-20' },
        headers: ifMatch,
      }),
      expected: only(200, 'early-help-lead'),
    },
    {
      route: 'POST /v1/clusters/{id}/action-plans',
      request: () => ({ method: 'POST', path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}/action-plans`, body: {} }),
      expected: only(201, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'POST /v1/locations/{ref}/action-plans',
      request: () => ({ method: 'POST', path: '/v1/locations/LOC0001/action-plans', body: {} }),
      expected: only(201, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/clusters/{id}/action-plans',
      request: () => ({ method: 'GET', path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}/action-plans` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/action-plans/{id}',
      request: () => ({ method: 'GET', path: `/v1/action-plans/${DEMO_ANALYSIS.planId}` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/action-plans/{id}/versions',
      request: () => ({ method: 'GET', path: `/v1/action-plans/${DEMO_ANALYSIS.planId}/versions` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'PATCH /v1/action-plans/{id}',
      setup: async (api, t) => {
        DEMO_ANALYSIS.plans[t] = (await actionPlan(api)).id;
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/action-plans/${DEMO_ANALYSIS.plans[t]}`,
        body: { summary: 'A group that enjoys football.' },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'POST /v1/action-plans/{id}/status',
      setup: async (api, t) => {
        DEMO_ANALYSIS.agreeable[t] = (await actionPlan(api)).id;
      },
      request: (t) => ({
        method: 'POST',
        path: `/v1/action-plans/${DEMO_ANALYSIS.agreeable[t]}/status`,
        body: { status: 'agreed' },
        headers: ifMatch,
      }),
      expected: only(200, 'madp-chair'),
    },
    {
      route: 'GET /v1/action-plans/{id}/export',
      request: () => ({ method: 'GET', path: `/v1/action-plans/${DEMO_ANALYSIS.planId}/export?format=docx` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/invitation-lists/{id}/export',
      request: () => ({ method: 'GET', path: `/v1/invitation-lists/${DEMO_ANALYSIS.listId}/export?format=csv` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'GET /v1/clusters/{id}/report',
      request: () => ({ method: 'GET', path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}/report` }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/clusters/{id}/picture',
      request: () => ({ method: 'GET', path: `/v1/clusters/${DEMO_ANALYSIS.clusterId}/picture` }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/exports/locations',
      request: () => ({ method: 'GET', path: '/v1/exports/locations' }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/exports/map',
      request: () => ({ method: 'GET', path: '/v1/exports/map?format=i2' }),
      expected: readers(200),
    },
    {
      route: 'GET /v1/me',
      request: () => ({ method: 'GET', path: '/v1/me' }),
      expected: only(200, 'madp-chair', 'early-help-lead', 'police-analyst', 'partnership-admin'),
    },
    {
      route: 'POST /v1/language-check',
      request: () => ({ method: 'POST', path: '/v1/language-check', body: { fields: { summary: 'doing well' } } }),
      expected: only(200, 'madp-chair', 'early-help-lead', 'police-analyst', 'partnership-admin'),
    },
    {
      route: 'GET /v1/vocabulary',
      request: () => ({ method: 'GET', path: '/v1/vocabulary' }),
      expected: only(200, 'madp-chair', 'early-help-lead', 'police-analyst', 'partnership-admin'),
    },
    {
      route: 'GET /v1/young-people/{ref}/subject-access',
      request: () => ({ method: 'GET', path: '/v1/young-people/YP00001/subject-access' }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/reports/disproportionality',
      request: () => ({ method: 'GET', path: '/v1/reports/disproportionality?weeks=2' }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'GET /v1/reports/parent-sessions',
      request: () => ({ method: 'GET', path: '/v1/reports/parent-sessions?from=2026-01-01&to=2026-12-31' }),
      expected: only(200, 'madp-chair', 'early-help-lead', 'partnership-admin'),
    },
    {
      route: 'GET /v1/settings',
      request: () => ({ method: 'GET', path: '/v1/settings' }),
      expected: only(200, 'partnership-admin'),
    },
    {
      route: 'PATCH /v1/settings',
      request: () => ({
        method: 'PATCH',
        path: '/v1/settings',
        body: { inviteSizeLimit: 12 },
        headers: { 'if-match': '"*"' },
      }),
      expected: only(428, 'partnership-admin'),
    },
    {
      route: 'GET /v1/audit',
      request: () => ({ method: 'GET', path: '/v1/audit?person=YP00001' }),
      expected: only(200, 'madp-chair', 'partnership-admin'),
    },
    {
      route: 'POST /v1/sessions/{id}/feedback',
      request: () => ({
        method: 'POST',
        path: `/v1/sessions/${DEMO_ANALYSIS.heldId}/feedback`,
        body: { measures: { knowsSigns: { before: 2, after: 4 }, feelsAlone: {}, knowsWhoToContact: {} } },
      }),
      expected: only(201, 'early-help-lead'),
    },
    {
      route: 'GET /v1/sessions/{id}/feedback',
      request: () => ({ method: 'GET', path: `/v1/sessions/${DEMO_ANALYSIS.heldId}/feedback` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'POST /v1/sessions/{id}/feedback-links',
      request: () => ({ method: 'POST', path: `/v1/sessions/${DEMO_ANALYSIS.heldId}/feedback-links`, body: {} }),
      expected: only(201, 'early-help-lead'),
    },
    {
      // Open without signing in: whoever asks, with whatever token, gets the form of a link that can be used.
      route: 'GET /v1/feedback-form/{key}',
      setup: (api, t) => feedbackLink(api, `r${t}`),
      request: (t) => ({ method: 'GET', path: `/v1/feedback-form/${feedbackKeyOf(D, feedbackToken(`r${t}`))}` }),
      expected: everyone(200),
    },
    {
      route: 'POST /v1/feedback-form/{key}',
      setup: (api, t) => feedbackLink(api, `w${t}`),
      request: (t) => ({
        method: 'POST',
        path: `/v1/feedback-form/${feedbackKeyOf(D, feedbackToken(`w${t}`))}`,
        body: { measures: { knowsSigns: {}, feelsAlone: { after: 2 }, knowsWhoToContact: {} } },
      }),
      expected: everyone(204),
    },
    {
      route: 'GET /v1/parent-groups',
      request: () => ({ method: 'GET', path: '/v1/parent-groups' }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'POST /v1/parent-groups',
      request: () => ({ method: 'POST', path: '/v1/parent-groups', body: { name: 'Kitchen table talks' } }),
      expected: only(201, 'early-help-lead'),
    },
    {
      route: 'GET /v1/parent-groups/{id}',
      setup: async (api, t) => {
        PARENT_GROUPS.read[t] = (await parentGroup(api, [])).id;
      },
      request: (t) => ({ method: 'GET', path: `/v1/parent-groups/${PARENT_GROUPS.read[t]}` }),
      expected: only(200, 'madp-chair', 'early-help-lead'),
    },
    {
      route: 'PATCH /v1/parent-groups/{id}',
      setup: async (api, t) => {
        PARENT_GROUPS.changed[t] = (await parentGroup(api, [])).id;
      },
      request: (t) => ({
        method: 'PATCH',
        path: `/v1/parent-groups/${PARENT_GROUPS.changed[t]}`,
        body: { meets: 'monthly, first Tuesday' },
        headers: ifMatch,
      }),
      expected: only(200, 'early-help-lead'),
    },
    {
      route: 'POST /v1/parent-groups/{id}/members',
      setup: async (api, t) => {
        await api.table.store.carers.save(make.carer(D, `GJ${t}`, ['YP00001']));
        PARENT_GROUPS.joined[t] = (await parentGroup(api, [])).id;
      },
      request: (t) => ({
        method: 'POST',
        path: `/v1/parent-groups/${PARENT_GROUPS.joined[t]}/members`,
        body: { carerRef: `GJ${t}`, joinedOn: '2026-12-01' },
      }),
      expected: only(200, 'early-help-lead'),
    },
    {
      route: 'DELETE /v1/parent-groups/{id}/members/{carerRef}',
      setup: async (api, t) => {
        PARENT_GROUPS.left[t] = (await parentGroup(api, [`GL${t}`])).id;
      },
      request: (t) => ({ method: 'DELETE', path: `/v1/parent-groups/${PARENT_GROUPS.left[t]}/members/GL${t}` }),
      expected: only(200, 'early-help-lead'),
    },
    {
      route: 'POST /v1/parent-groups/{id}/sessions',
      setup: async (api, t) => {
        await api.table.store.carers.save(make.carer(D, `GS${t}`, ['YP00001']));
        PARENT_GROUPS.sessions[t] = (await parentGroup(api, [`GS${t}`])).id;
      },
      request: (t) => ({
        method: 'POST',
        path: `/v1/parent-groups/${PARENT_GROUPS.sessions[t]}/sessions`,
        body: { session: SESSION },
      }),
      expected: only(201, 'early-help-lead'),
    },
    {
      route: 'POST /v1/parent-groups/{id}/plans',
      setup: async (api, t) => {
        PARENT_GROUPS.plans[t] = (await parentGroup(api, [])).id;
      },
      request: (t) => ({
        method: 'POST',
        path: `/v1/parent-groups/${PARENT_GROUPS.plans[t]}/plans`,
        body: { summary: 'What we want for our children, and who helps.', actions: [] },
      }),
      expected: only(201, 'madp-chair', 'early-help-lead'),
    },
  ];

  /** The session-safety routes, each on a session of its own per role, at the status its step needs. */
  function sessionSafetyCases(): Case[] {
    const sessions: Record<string, string> = {};
    const written = {
      groupDynamics: 'The families know each other from school.',
      confidentiality: 'What is said stays in the room, unless a child needs keeping safe.',
      groupAgreement: 'We listen, we take turns, we keep what is shared here.',
      keepApart: [{ carerRefs: ['CR1', 'CR2'] as [string, string], reason: 'the families are in conflict' }],
    };
    const at =
      (name: string, over: Partial<Parameters<typeof make.invitationList>[1]>) => async (api: Api, t: string) => {
        sessions[`${name}-${t}`] = (await api.table.store.invitationLists.save(make.invitationList(D, over))).id;
      };
    const step = (
      route: string,
      name: string,
      over: Partial<Parameters<typeof make.invitationList>[1]>,
      body: object,
      ...roles: Role[]
    ): Case => ({
      route: `POST /v1/sessions/{id}/${route}`,
      setup: at(name, over),
      request: (t) => ({
        method: 'POST',
        path: `/v1/sessions/${sessions[`${name}-${t}`]}/${route}`,
        body,
        headers: ifMatch,
      }),
      expected: only(200, ...roles),
    });
    return [
      {
        route: 'GET /v1/sessions/{id}/risk-assessment',
        request: () => ({ method: 'GET', path: `/v1/sessions/${DEMO_ANALYSIS.listId}/risk-assessment` }),
        expected: only(200, 'madp-chair', 'early-help-lead'),
      },
      {
        route: 'PATCH /v1/sessions/{id}/risk-assessment',
        setup: at('assess', { status: 'planned' }),
        request: (t) => ({
          method: 'PATCH',
          path: `/v1/sessions/${sessions[`assess-${t}`]}/risk-assessment`,
          body: written,
          headers: ifMatch,
        }),
        expected: only(200, 'early-help-lead'),
      },
      step(
        'risk-assessment/complete',
        'complete',
        { status: 'planned', riskAssessment: written },
        {},
        'early-help-lead',
      ),
      step(
        'approval',
        'approve',
        {
          status: 'assessed',
          riskAssessment: { ...written, keepApart: [], completedBy: 'lead-1', completedAt: '2026-12-01T10:00:00.000Z' },
        },
        {},
        'madp-chair',
        'early-help-lead',
      ),
      step(
        'offer-another-session',
        'offer',
        { status: 'planned', riskAssessment: written },
        { carerRef: 'CR2' },
        'early-help-lead',
      ),
      step('invitations-sent', 'sent', { status: 'approved' }, {}, 'early-help-lead'),
      {
        route: 'GET /v1/sessions/{id}/pack',
        request: () => ({ method: 'GET', path: `/v1/sessions/${DEMO_ANALYSIS.listId}/pack?format=html` }),
        expected: only(200, 'early-help-lead'),
      },
    ];
  }

  const prepare = async (api: Api) => {
    const analysis = await api.table.store.analyses.latestCompleted(D, '2026-W47');
    const [cluster] = await api.table.store.analyses.clusters(D, analysis?.id ?? '');
    Object.assign(DEMO_ANALYSIS, { id: analysis?.id, clusterId: cluster?.clusterId });
    DEMO_ANALYSIS.listId = (await invitationList(api)).id;
    DEMO_ANALYSIS.heldId = (await heldSession(api)).id;
    DEMO_ANALYSIS.planId = (await actionPlan(api)).id;
    for (const c of cases) for (const role of Roles.options) await c.setup?.(api, TAG[role]);
  };
  return { cases, prepare };
}

/** A one-sheet upload of one new young person. */
function youngPeopleForm(): FormData {
  const form = new FormData();
  form.append(
    'young_people.csv',
    new Blob(['ref,display_name,date_of_birth\nYPNEW,Sam T.,2012-03-04\n'], { type: 'text/csv' }),
    'young_people.csv',
  );
  return form;
}

/** The fields a practitioner states, without what the service adds. */
function fieldsOf<T extends { partnershipId: string; provenance: unknown }>(draft: T) {
  const { partnershipId: _, provenance: __, ...fields } = draft;
  return fields;
}
