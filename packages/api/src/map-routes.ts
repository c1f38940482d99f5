import { endpoint } from '@peermap/contract';
import {
  Agency,
  Carer,
  CarerDraft,
  CarerFields,
  CarerView,
  Concern,
  ConcernCategory,
  ConcernDraft,
  ConcernFields,
  can,
  carerFor,
  IsoDate,
  Location,
  LocationDraft,
  LocationFields,
  type MapStore,
  NotFoundError,
  orderPair,
  type Permission,
  Ref,
  Relationship,
  RelationshipDraft,
  RelationshipFields,
  type Role,
  Sighting,
  SightingDraft,
  SightingFields,
  ValidationError,
  type VersionedRepository,
  YoungPerson,
  YoungPersonDraft,
  YoungPersonFields,
} from '@peermap/domain';
import { type AnyRoute, route, type Subjects } from '@peermap/http';
import { gridToPosition, isInGreatBritain } from '@peermap/ingest';
import { toDocx, toHtml } from '@peermap/reports';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { PageQuery, pageRequest } from './paging';
import { merge, resourceRoutes, stillLinked } from './resource';
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

/** What every resource keyed by a ref (`/v1/carers/{ref}`) says of its key and its store. */
function keyedByRef<T extends { ref: string; version: number }>(
  name: string,
  label: string,
  repository: (store: MapStore) => VersionedRepository<T, string>,
) {
  return {
    name,
    label,
    itemPath: `/v1/${name}/{ref}` as const,
    keyParams: RefParams,
    keyOf: ({ ref }: { ref: string }) => ref,
    pathOf: (record: T) => `/v1/${name}/${record.ref}`,
    describe: ({ ref }: { ref: string }) => ref,
    repository: ({ store }: ApiDeps) => repository(store),
  };
}

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
    ...endpoint('GET', '/v1/young-people/{ref}/subject-access'),
    summary:
      'Everything held about a young person for a subject access request, with who read it (the audit); other people’s data marked for review (restricted police intelligence is disclosed by the police themselves). JSON, or ?format=html|docx',
    permission: 'young-people:subject-access',
    resource: 'young-people',
    action: 'export',
    params: RefParams,
    query: z.strictObject({ format: z.enum(['json', 'html', 'docx']).default('json') }),
    handle: async ({ principal, params, query }) => {
      const p = principal.partnershipId;
      const access = await subjectAccess(deps.store, p, params.ref, deps.now());
      const subjects = {
        youngPeople: [...new Set([params.ref, ...access.relationships.flatMap((r) => [r.personA, r.personB])])].sort(),
        carers: access.carers.map((c) => c.ref),
      };
      if (query.format === 'json') return { status: 200, body: access, subjects };
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
      return { status: 200, file, subjects };
    },
  });
}

function youngPeopleRecordRoutes(deps: ApiDeps): AnyRoute[] {
  return resourceRoutes(
    {
      ...keyedByRef('young-people', 'young person', (store) => store.youngPeople),
      createBody: YoungPersonFields,
      patchBody: YoungPersonFields.omit({ ref: true }).partial(),
      draft: YoungPersonDraft,
      record: YoungPerson,
      permissions: { read: 'young-people:read', write: 'young-people:write' },
      subjects: (r) => ({ youngPeople: [r.ref], carers: [] }),
      view: (_, r) => r,
    },
    deps,
  );
}

/**
 * What the routes of one layer of relationships or sightings are called, who may use them and
 * what their records say of the layer: the shared map (partners' records, police's unrestricted
 * ones among them), or restricted police intelligence, for police analysts alone.
 */
function layerOf(kind: 'relationships' | 'sightings', layer: 'shared' | 'restricted') {
  const singular = kind === 'relationships' ? 'relationship' : 'sighting';
  if (layer === 'shared') {
    return {
      name: kind,
      label: singular,
      read: `${kind}:read`,
      write: `${kind}:write`,
      // A partner's record says nothing of the restricted layer; police mean that layer's own routes.
      flag: z
        .literal(false, {
          error: `restricted police intelligence is recorded at /v1/restricted-${kind} (police analysts), in its own layer`,
        })
        .default(false),
      ofLayer: {},
    } as const;
  }
  return {
    name: `restricted-${kind}`,
    label: `restricted ${singular}`,
    read: 'intelligence:read-restricted',
    write: 'intelligence:write-restricted',
    flag: z.literal(true, { error: 'every record of the restricted layer is restricted' }).default(true),
    ofLayer: { layer },
  } as const;
}

const RelationshipPair = z.strictObject({ personA: Ref, personB: Ref });

/** The routes of relationships of one layer: the shared map, or restricted police intelligence. */
function relationshipLayerRoutes(deps: ApiDeps, layer: 'shared' | 'restricted'): AnyRoute[] {
  const { name, label, read, write, flag, ofLayer } = layerOf('relationships', layer);
  const repository = (store: MapStore) =>
    layer === 'restricted' ? store.restrictedRelationships : store.relationships;
  const view = (_: Role, r: Relationship) => r;
  const subjects = (r: Relationship) => ({ youngPeople: [r.personA, r.personB], carers: [] });
  return [
    ...resourceRoutes(
      {
        name,
        label,
        itemPath: `/v1/${name}/{personA}/{personB}`,
        keyParams: RelationshipPair,
        keyOf: ({ personA, personB }) => orderPair(personA, personB),
        pathOf: (r) => `/v1/${name}/${r.personA}/${r.personB}`,
        describe: ({ personA, personB }) => `${personA}–${personB}`,
        repository: ({ store }) => repository(store),
        createBody: RelationshipFields.extend({ restricted: flag }),
        patchBody: RelationshipFields.omit({ personA: true, personB: true, restricted: true }).partial(),
        draft: RelationshipDraft,
        record: Relationship,
        normalise: (fields) => ({ ...fields, ...orderPair(fields.personA, fields.personB) }),
        permissions: { read, write },
        subjects,
        view,
        references: (r) => ({ youngPeople: [r.personA, r.personB], locations: [] }),
        ...ofLayer,
      },
      deps,
    ),
    personCollection(deps, {
      what: name,
      summary:
        layer === 'restricted'
          ? "A young person's relationships in restricted police intelligence (police analysts only)"
          : "A young person's relationships, from either side of each pair",
      permission: read,
      item: Relationship,
      load: (store, partnershipId, ref) => repository(store).ofPerson(partnershipId, ref),
      view,
      subjects,
      ...ofLayer,
    }),
  ];
}

/**
 * Relationships between two young people. Partners' records and restricted police intelligence
 * are two layers, never merged: police see both, each with its source and grading; every other
 * role sees the shared layer alone, answered exactly as if the restricted one did not exist.
 */
export function relationshipsRoutes(deps: ApiDeps): AnyRoute[] {
  return [...relationshipLayerRoutes(deps, 'shared'), ...relationshipLayerRoutes(deps, 'restricted')];
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
  const converted = stated.gridReference ? gridToPosition(stated.gridReference) : undefined;
  const position = converted ?? stated.position;
  if (position && !isInGreatBritain(position)) {
    throw new ValidationError('The place is not in Great Britain: check the numbers and their order.', [
      { path: converted ? 'gridReference' : 'position', message: 'falls outside Great Britain' },
    ]);
  }
  if (converted) return { ...record, position: converted };
  // Cleared rather than left out: a change applies over the place as read, which may hold one.
  return stated.position ? { ...record, gridReference: undefined } : { ...record };
}

export function locationsRoutes(deps: ApiDeps): AnyRoute[] {
  return resourceRoutes(
    {
      ...keyedByRef('locations', 'location', (store) => store.locations),
      createBody: LocationFields,
      patchBody: LocationFields.omit({ ref: true }).partial(),
      draft: LocationDraft,
      record: Location,
      complete: locatePlace,
      permissions: { read: 'locations:read', write: 'locations:write' },
      subjects: () => none,
      view: (_, r) => r,
      // Sightings and plans of a place name it: removing it would leave them pointing nowhere.
      // Restricted sightings hold it back only for police: to anyone else they do not exist, and
      // police's own then keep naming the place's ref (their intelligence is theirs to move).
      beforeDelete: async ({ store }, place, role) => {
        const p = place.partnershipId;
        const [sightings, restricted, plans] = await Promise.all([
          store.sightings.atLocation(p, place.ref, { limit: 1 }),
          can(role, 'intelligence:read-restricted')
            ? store.restrictedSightings.atLocation(p, place.ref, { limit: 1 })
            : { items: [] },
          store.actionPlans.ofLocation(p, place.ref),
        ]);
        if (sightings.items.length + restricted.items.length + plans.length > 0) throw stillLinked('location');
      },
    },
    deps,
  );
}

/** The routes of sightings of one layer: the shared map, or restricted police intelligence. */
function sightingLayerRoutes(deps: ApiDeps, layer: 'shared' | 'restricted'): AnyRoute[] {
  const { name, label, read, write, flag, ofLayer } = layerOf('sightings', layer);
  const repository = (store: MapStore) => (layer === 'restricted' ? store.restrictedSightings : store.sightings);
  const view = (_: Role, s: Sighting) => s;
  return [
    ...resourceRoutes(
      {
        name,
        label,
        itemPath: `/v1/${name}/{id}`,
        keyParams: z.strictObject({ id: SightingId }),
        keyOf: ({ id }) => id,
        pathOf: (r) => `/v1/${name}/${sightingId(r)}`,
        describe: ({ id }) => sightingId(id),
        repository: ({ store }) => repository(store),
        createBody: SightingFields.extend({ restricted: flag }),
        patchBody: SightingFields.omit({
          personRef: true,
          locationRef: true,
          seenOn: true,
          sourceAgency: true,
          restricted: true,
        }).partial(),
        draft: SightingDraft,
        record: Sighting,
        permissions: { read, write },
        subjects: (r) => ({ youngPeople: [r.personRef], carers: [] }),
        view,
        references: (r) => ({ youngPeople: [r.personRef], locations: [r.locationRef] }),
        ...ofLayer,
      },
      deps,
    ),
    personCollection(deps, {
      what: name,
      summary:
        layer === 'restricted'
          ? 'Where a young person has been seen, in restricted police intelligence (police analysts only)'
          : 'Where a young person has been seen',
      permission: read,
      item: Sighting,
      load: (store, partnershipId, ref) => repository(store).ofPerson(partnershipId, ref),
      view,
      subjects: () => none,
      ...ofLayer,
    }),
    route({
      ...endpoint('GET', `/v1/locations/{ref}/${name}`),
      summary:
        layer === 'restricted'
          ? 'Who has been seen at a place in restricted police intelligence, newest first (police analysts only)'
          : 'Who has been seen at a place, newest first',
      permission: read,
      resource: name,
      action: 'list',
      ...ofLayer,
      params: RefParams,
      query: PageQuery,
      handle: async ({ principal, params, query }) => {
        if (!(await deps.store.locations.get(principal.partnershipId, params.ref))) {
          throw new NotFoundError('location', params.ref);
        }
        const page = await repository(deps.store).atLocation(principal.partnershipId, params.ref, pageRequest(query));
        return {
          status: 200,
          body: { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) },
          subjects: { youngPeople: [...new Set(page.items.map((s) => s.personRef))], carers: [] },
        };
      },
    }),
  ];
}

/**
 * Sightings of a young person at a place, in two layers like relationships: a partner's
 * sighting and police's restricted one of the same day and place are two records.
 */
export function sightingsRoutes(deps: ApiDeps): AnyRoute[] {
  return [...sightingLayerRoutes(deps, 'shared'), ...sightingLayerRoutes(deps, 'restricted')];
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
        draft: ConcernDraft,
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
        ...keyedByRef('carers', 'carer', (store) => store.carers),
        createBody: CarerFields,
        // Consent is recorded as its own decision (`POST /v1/carers/{ref}/consent`), so its history is kept.
        patchBody: CarerFields.omit({ ref: true, consent: true }).partial(),
        draft: CarerDraft,
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
    what: 'relationships' | 'restricted-relationships' | 'sightings' | 'restricted-sightings' | 'concerns' | 'carers';
    summary: string;
    permission: Permission;
    item: z.ZodType;
    load(store: MapStore, partnershipId: string, ref: string): Promise<T[]>;
    view(role: Role, record: T): unknown;
    subjects(record: T): Subjects;
    layer?: 'restricted';
  },
): AnyRoute {
  return route({
    ...endpoint('GET', `/v1/young-people/{ref}/${spec.what}`),
    summary: spec.summary,
    permission: spec.permission,
    resource: spec.what,
    action: 'list',
    ...(spec.layer ? { layer: spec.layer } : {}),
    params: RefParams,
    handle: async ({ principal, params }) => {
      await existing(deps, principal.partnershipId, params.ref);
      const records = await spec.load(deps.store, principal.partnershipId, params.ref);
      const visible = records.filter((record) => spec.view(principal.role, record) !== undefined);
      return {
        status: 200,
        body: { items: visible.map((record) => spec.view(principal.role, record)) },
        subjects: merge([{ youngPeople: [params.ref], carers: [] }, ...visible.map(spec.subjects)]),
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
