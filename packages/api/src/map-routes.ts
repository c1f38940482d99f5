import {
  Agency,
  Carer,
  CarerFields,
  CarerView,
  Concern,
  ConcernCategory,
  ConcernFields,
  carerFor,
  IsoDate,
  Location,
  LocationFields,
  type MapStore,
  mayReceive,
  NotFoundError,
  orderPair,
  type Permission,
  Ref,
  Relationship,
  RelationshipFields,
  type Role,
  Sighting,
  SightingFields,
  ValidationError,
  YoungPerson,
  YoungPersonFields,
} from '@peermap/domain';
import { type AnyRoute, route, type Subjects } from '@peermap/http';
import { gridToPosition, isInGreatBritain } from '@peermap/ingest';
import { toDocx, toHtml } from '@peermap/reports';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { PageQuery, pageOf, pageRequest } from './paging';
import { isRestricted, merge, resourceRoutes, stillLinked } from './resource';
import { reviewRoutes } from './review-routes';
import { subjectAccess, subjectAccessPaper } from './subject-access';

const RefParams = z.strictObject({ ref: Ref });
const none = { youngPeople: [], carers: [] };

/** `YP00001~LOC0003~2026-11-05~police`: a sighting's natural key as one path segment. */
const SightingId = z
  .string()
  .transform((id) => id.split('~'))
  .pipe(z.tuple([Ref, Ref, IsoDate, Agency]))
  .transform(([personRef, locationRef, seenOn, sourceAgency]) => ({ personRef, locationRef, seenOn, sourceAgency }));

/** `YP00001~missing_episode~2026-11-05~police`: a concern's natural key as one path segment. */
const ConcernId = z
  .string()
  .transform((id) => id.split('~'))
  .pipe(z.tuple([Ref, ConcernCategory, IsoDate, Agency]))
  .transform(([personRef, category, occurredOn, sourceAgency]) => ({ personRef, category, occurredOn, sourceAgency }));

const sightingId = (s: Pick<Sighting, 'personRef' | 'locationRef' | 'seenOn' | 'sourceAgency'>) =>
  [s.personRef, s.locationRef, s.seenOn, s.sourceAgency].join('~');
const concernId = (c: Pick<Concern, 'personRef' | 'category' | 'occurredOn' | 'sourceAgency'>) =>
  [c.personRef, c.category, c.occurredOn, c.sourceAgency].join('~');

/**
 * Young people: every role that reads the map sees them; only the chair changes them outside
 * an upload. A young person leaves the map by erasure only (chair or admin, with a reason),
 * never by a plain delete that would leave them named in groups, plans and the audit.
 */
export function youngPeopleRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    ...youngPeopleRecordRoutes(deps).filter((r) => r.method !== 'DELETE'),
    ...reviewRoutes(deps),
    subjectAccessRoute(deps),
  ];
}

/** `GET /v1/young-people/{ref}/subject-access`: everything held about a young person, as JSON or a paper. */
function subjectAccessRoute(deps: ApiDeps): AnyRoute {
  return route({
    method: 'GET',
    path: '/v1/young-people/{ref}/subject-access',
    summary:
      'Everything held about a young person for a subject access request, with who read it (the audit); restricted police intelligence and other people’s data marked for review. JSON, or ?format=html|docx',
    permission: 'young-people:subject-access',
    resource: 'young-people',
    action: 'export',
    params: RefParams,
    query: z.strictObject({ format: z.enum(['json', 'html', 'docx']).default('json') }),
    produces: 'application/json, text/html, application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    successStatus: 200,
    handle: async ({ principal, params, query }) => {
      const p = principal.partnershipId;
      const access = await subjectAccess(deps.store, p, params.ref, deps.now());
      const subjects = {
        youngPeople: [...new Set([params.ref, ...access.relationships.flatMap((r) => [r.personA, r.personB])])].sort(),
        carers: access.carers.map((c) => c.ref),
      };
      const restricted = access.relationships.some((r) => r.restricted) || access.sightings.some((s) => s.restricted);
      if (query.format === 'json') return { status: 200, body: access, subjects, restricted };
      const marking = (await deps.store.partnerships.get(p))?.handlingMarking ?? 'OFFICIAL-SENSITIVE';
      const paper = subjectAccessPaper(access, marking);
      const name = `subject-access-${params.ref}`;
      const file =
        query.format === 'docx'
          ? {
              contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              filename: `${name}.docx`,
              bytes: await toDocx(paper),
            }
          : {
              contentType: 'text/html; charset=utf-8',
              filename: `${name}.html`,
              bytes: new TextEncoder().encode(toHtml(paper)),
            };
      return { status: 200, file, subjects, restricted };
    },
  });
}

function youngPeopleRecordRoutes(deps: ApiDeps): AnyRoute[] {
  return resourceRoutes(
    {
      name: 'young-people',
      label: 'young person',
      itemPath: '/v1/young-people/{ref}',
      keyParams: RefParams,
      keyOf: ({ ref }) => ref,
      pathOf: (r) => `/v1/young-people/${r.ref}`,
      describe: ({ ref }) => ref,
      repository: ({ store }) => store.youngPeople,
      createBody: YoungPersonFields,
      patchBody: YoungPersonFields.omit({ ref: true }).partial(),
      record: YoungPerson,
      permissions: { read: 'young-people:read', write: 'young-people:write' },
      subjects: (r) => ({ youngPeople: [r.ref], carers: [] }),
      view: (_, r) => r,
    },
    deps,
  );
}

/** Relationships between two young people; restricted police intelligence reaches police analysts only. */
export function relationshipsRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    ...resourceRoutes(
      {
        name: 'relationships',
        label: 'relationship',
        itemPath: '/v1/relationships/{personA}/{personB}',
        keyParams: z.strictObject({ personA: Ref, personB: Ref }),
        keyOf: ({ personA, personB }) => orderPair(personA, personB),
        pathOf: (r) => `/v1/relationships/${r.personA}/${r.personB}`,
        describe: ({ personA, personB }) => `${personA}–${personB}`,
        repository: ({ store }) => store.relationships,
        createBody: RelationshipFields,
        patchBody: RelationshipFields.omit({ personA: true, personB: true }).partial(),
        record: Relationship,
        normalise: (fields) => ({ ...fields, ...orderPair(fields.personA, fields.personB) }),
        permissions: { read: 'relationships:read', write: 'relationships:write' },
        subjects: (r) => ({ youngPeople: [r.personA, r.personB], carers: [] }),
        view: (role, r) => (mayReceive(role, r) ? r : undefined),
        references: (r) => ({ youngPeople: [r.personA, r.personB], locations: [] }),
      },
      deps,
    ),
    personCollection(deps, {
      what: 'relationships',
      summary: "A young person's relationships, from either side of each pair",
      permission: 'relationships:read',
      item: Relationship,
      load: (store, partnershipId, ref) => store.relationships.ofPerson(partnershipId, ref),
      view: (role, r) => (mayReceive(role, r) ? r : undefined),
      subjects: (r) => ({ youngPeople: [r.personA, r.personB], carers: [] }),
    }),
  ];
}

/** Places where young people gather: places are not personal data, but their sightings are. */
/**
 * A place stated by grid reference gets its position from it (as an upload does); a place
 * given a new position alone drops the grid reference that no longer describes it. Either way
 * the place must be in Great Britain: anything else is a slip of the keyboard.
 */
function locatePlace(
  record: Readonly<Record<string, unknown>>,
  stated: Partial<z.infer<typeof LocationFields>>,
): Record<string, unknown> {
  const { gridReference: _, ...withoutGrid } = record;
  const converted = stated.gridReference ? gridToPosition(stated.gridReference) : undefined;
  const position = converted ?? stated.position;
  if (position && !isInGreatBritain(position)) {
    throw new ValidationError('The place is not in Great Britain: check the numbers and their order.', [
      { path: converted ? 'gridReference' : 'position', message: 'falls outside Great Britain' },
    ]);
  }
  if (converted) return { ...record, position: converted };
  return stated.position ? withoutGrid : { ...record };
}

export function locationsRoutes(deps: ApiDeps): AnyRoute[] {
  return resourceRoutes(
    {
      name: 'locations',
      label: 'location',
      itemPath: '/v1/locations/{ref}',
      keyParams: RefParams,
      keyOf: ({ ref }) => ref,
      pathOf: (r) => `/v1/locations/${r.ref}`,
      describe: ({ ref }) => ref,
      repository: ({ store }) => store.locations,
      createBody: LocationFields,
      patchBody: LocationFields.omit({ ref: true }).partial(),
      record: Location,
      complete: locatePlace,
      permissions: { read: 'locations:read', write: 'locations:write' },
      subjects: () => none,
      view: (_, r) => r,
      // Sightings and plans of a place name it: removing it would leave them pointing nowhere.
      beforeDelete: async ({ store }, place) => {
        const [sightings, plans] = await Promise.all([
          store.sightings.atLocation(place.partnershipId, place.ref, { limit: 1 }),
          store.actionPlans.ofLocation(place.partnershipId, place.ref),
        ]);
        if (sightings.items.length + plans.length > 0) throw stillLinked('location');
      },
    },
    deps,
  );
}

/** Sightings of a young person at a place; restricted ones reach police analysts only. */
export function sightingsRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    ...resourceRoutes(
      {
        name: 'sightings',
        label: 'sighting',
        itemPath: '/v1/sightings/{id}',
        keyParams: z.strictObject({ id: SightingId }),
        keyOf: ({ id }) => id,
        pathOf: (r) => `/v1/sightings/${sightingId(r)}`,
        describe: ({ id }) => sightingId(id),
        repository: ({ store }) => store.sightings,
        createBody: SightingFields,
        patchBody: SightingFields.omit({
          personRef: true,
          locationRef: true,
          seenOn: true,
          sourceAgency: true,
        }).partial(),
        record: Sighting,
        permissions: { read: 'sightings:read', write: 'sightings:write' },
        subjects: (r) => ({ youngPeople: [r.personRef], carers: [] }),
        view: (role, r) => (mayReceive(role, r) ? r : undefined),
        references: (r) => ({ youngPeople: [r.personRef], locations: [r.locationRef] }),
      },
      deps,
    ),
    personCollection(deps, {
      what: 'sightings',
      summary: 'Where a young person has been seen',
      permission: 'sightings:read',
      item: Sighting,
      load: (store, partnershipId, ref) => store.sightings.ofPerson(partnershipId, ref),
      view: (role, s) => (mayReceive(role, s) ? s : undefined),
      subjects: () => none,
    }),
    route({
      method: 'GET',
      path: '/v1/locations/{ref}/sightings',
      summary: 'Who has been seen at a place, newest first',
      permission: 'sightings:read',
      resource: 'sightings',
      action: 'list',
      params: RefParams,
      query: PageQuery,
      response: pageOf(Sighting),
      successStatus: 200,
      handle: async ({ principal, params, query }) => {
        if (!(await deps.store.locations.get(principal.partnershipId, params.ref))) {
          throw new NotFoundError('location', params.ref);
        }
        const page = await deps.store.sightings.atLocation(principal.partnershipId, params.ref, pageRequest(query));
        const sightings = page.items.filter((s) => mayReceive(principal.role, s));
        return {
          status: 200,
          body: { items: sightings, ...(page.cursor ? { cursor: page.cursor } : {}) },
          subjects: { youngPeople: [...new Set(sightings.map((s) => s.personRef))], carers: [] },
          restricted: sightings.some(isRestricted),
        };
      },
    }),
  ];
}

/** Safeguarding concerns about a young person. */
export function concernsRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    ...resourceRoutes(
      {
        name: 'concerns',
        label: 'concern',
        itemPath: '/v1/concerns/{id}',
        keyParams: z.strictObject({ id: ConcernId }),
        keyOf: ({ id }) => id,
        pathOf: (r) => `/v1/concerns/${concernId(r)}`,
        describe: ({ id }) => concernId(id),
        repository: ({ store }) => store.concerns,
        createBody: ConcernFields,
        patchBody: ConcernFields.omit({
          personRef: true,
          category: true,
          occurredOn: true,
          sourceAgency: true,
        }).partial(),
        record: Concern,
        permissions: { read: 'concerns:read', write: 'concerns:write' },
        subjects: (r) => ({ youngPeople: [r.personRef], carers: [] }),
        view: (_, r) => r,
        references: (r) => ({ youngPeople: [r.personRef], locations: [] }),
      },
      deps,
    ),
    personCollection(deps, {
      what: 'concerns',
      summary: 'The concerns about a young person',
      permission: 'concerns:read',
      item: Concern,
      load: (store, partnershipId, ref) => store.concerns.ofPerson(partnershipId, ref),
      view: (_, c) => c,
      subjects: () => none,
    }),
  ];
}

/** Parents and carers; their contact details, consent and safety notes are not for police analysts. */
export function carersRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    ...resourceRoutes(
      {
        name: 'carers',
        label: 'carer',
        itemPath: '/v1/carers/{ref}',
        keyParams: RefParams,
        keyOf: ({ ref }) => ref,
        pathOf: (r) => `/v1/carers/${r.ref}`,
        describe: ({ ref }) => ref,
        repository: ({ store }) => store.carers,
        createBody: CarerFields,
        patchBody: CarerFields.omit({ ref: true }).partial(),
        record: Carer,
        permissions: { read: 'carers:read', write: 'carers:write' },
        subjects: (r) => ({ youngPeople: r.youngPersonRefs, carers: [r.ref] }),
        view: carerFor,
        references: (r) => ({ youngPeople: r.youngPersonRefs, locations: [] }),
      },
      deps,
    ),
    personCollection(deps, {
      what: 'carers',
      summary: "A young person's parents and carers",
      permission: 'carers:read',
      item: CarerView,
      load: (store, partnershipId, ref) => store.carers.ofYoungPerson(partnershipId, ref),
      view: carerFor,
      subjects: (carer) => ({ youngPeople: carer.youngPersonRefs, carers: [carer.ref] }),
    }),
  ];
}

/**
 * `GET /v1/young-people/{ref}/<what>`: the records of one kind that name a young person of
 * this partnership (404 otherwise), as the role may see them, naming everyone they show.
 */
function personCollection<T>(
  deps: ApiDeps,
  spec: {
    what: 'relationships' | 'sightings' | 'concerns' | 'carers';
    summary: string;
    permission: Permission;
    item: z.ZodType;
    load(store: MapStore, partnershipId: string, ref: string): Promise<T[]>;
    view(role: Role, record: T): unknown;
    subjects(record: T): Subjects;
  },
): AnyRoute {
  return route({
    method: 'GET',
    path: `/v1/young-people/{ref}/${spec.what}`,
    summary: spec.summary,
    permission: spec.permission,
    resource: spec.what,
    action: 'list',
    params: RefParams,
    response: pageOf(spec.item),
    successStatus: 200,
    handle: async ({ principal, params }) => {
      await existing(deps, principal.partnershipId, params.ref);
      const records = await spec.load(deps.store, principal.partnershipId, params.ref);
      const visible = records.filter((record) => spec.view(principal.role, record) !== undefined);
      return {
        status: 200,
        body: { items: visible.map((record) => spec.view(principal.role, record)) },
        subjects: merge([{ youngPeople: [params.ref], carers: [] }, ...visible.map(spec.subjects)]),
        restricted: visible.some(isRestricted),
      };
    },
  });
}

/** A young person of this partnership, or 404: another partnership's refs do not exist here. */
async function existing(deps: ApiDeps, partnershipId: string, ref: string): Promise<YoungPerson> {
  const person = await deps.store.youngPeople.get(partnershipId, ref);
  if (!person) throw new NotFoundError('young person', ref);
  return person;
}
