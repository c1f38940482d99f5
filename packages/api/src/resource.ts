import { endpoint } from '@peermap/contract';
import {
  ConflictError,
  type Draft,
  mapWithConcurrency,
  NotFoundError,
  type Permission,
  type Provenance,
  parseWith,
  READ_CONCURRENCY,
  type Role,
  ValidationError,
  type VersionedRepository,
} from '@peermap/domain';
import { type AnyRoute, etagOf, expectedVersion, route, type Subjects } from '@peermap/http';
import type * as z from 'zod';
import type { ApiDeps } from './deps';
import { PageQuery, pageRequest } from './paging';

interface MapRecord {
  partnershipId: string;
  version: number;
  provenance: Provenance;
}

/**
 * A resource of the map served as list, create, get, change (PATCH with If-Match) and delete.
 * The parts that differ between resources are data here; every route is the same code.
 */
export interface ResourceSpec<T extends MapRecord, Key, Params, Fields extends object> {
  /** The path segment and audit name: `young-people`. */
  name: string;
  /** How a person reads one: `young person`. */
  label: string;
  /** `/v1/young-people/{ref}` for one record. */
  itemPath: `/v1/${string}`;
  keyParams: z.ZodType<Params>;
  keyOf(params: Params): Key;
  /** The path of a stored record, for the Location header. */
  pathOf(record: T): string;
  describe(params: Params): string;
  repository(deps: ApiDeps): VersionedRepository<T, Key>;
  /** What a create states; rules between fields are checked when the record is saved. */
  createBody: z.ZodType<Fields>;
  /** What a change may state: the fields of a create, less the ones that make the key. */
  patchBody: z.ZodType<{ [K in keyof Fields]?: Fields[K] | undefined }>;
  /** A new record before the store gives it a version: validates what a create is about to save. */
  draft: z.ZodType<Draft<T>>;
  /** The record as stored: validates a record as read with a change (the contract describes what is answered). */
  record: z.ZodType<T>;
  /** Puts a created or changed record's key fields in their stored form (a pair in order, say). */
  normalise?(fields: Fields): Fields;
  /**
   * Derives what follows from what a request stated, before the record is checked (a place's
   * position from its grid reference, say). `stated` is the request's body.
   */
  complete?(record: Readonly<Record<string, unknown>>, stated: Partial<Fields>): Record<string, unknown>;
  permissions: { read: Permission; write: Permission };
  subjects(record: T): Subjects;
  /** What a role may receive of a record; `undefined` when it may not receive it at all. */
  view(role: Role, record: T): unknown;
  /** Refuses a delete that would leave the map inconsistent (as far as the role can see it). */
  beforeDelete?(deps: ApiDeps, record: T, role: Role): Promise<void>;
  /** The young people and places a record names, which must be on the partnership's map. */
  references?(record: Draft<T>): { youngPeople: string[]; locations: string[] };
  /** A resource of the restricted layer: police intelligence, audited in that layer's own events. */
  layer?: 'restricted';
}

/** The five routes of a resource. */
export function resourceRoutes<T extends MapRecord, Key, Params, Fields extends object>(
  spec: ResourceSpec<T, Key, Params, Fields>,
  deps: ApiDeps,
): AnyRoute[] {
  // Resolved per request, so describing the routes (the API document) never needs a store.
  const repository = () => spec.repository(deps);
  const collection = `/v1/${spec.name}` as const;
  const provenance = (userId: string): Provenance => ({ recordedBy: userId, recordedAt: deps.now().toISOString() });
  const notFound = (params: Params) => new NotFoundError(spec.label, spec.describe(params));

  /** The record a role may act on: one they could not see is, to them, not there. */
  const visible = async (partnershipId: string, role: Role, params: Params) => {
    const record = await repository().get(partnershipId, spec.keyOf(params));
    if (!record || spec.view(role, record) === undefined) throw notFound(params);
    return record;
  };
  const layer = spec.layer ? { layer: spec.layer } : {};
  const withEtag = (record: T) => ({ etag: etagOf(record.version) });

  return [
    route({
      ...endpoint('GET', collection),
      summary: `List the ${spec.name.replaceAll('-', ' ')} of your partnership`,
      permission: spec.permissions.read,
      resource: spec.name,
      action: 'list',
      ...layer,
      query: PageQuery,
      handle: async ({ principal, query }) => {
        const page = await repository().list(principal.partnershipId, pageRequest(query));
        const records = page.items.filter((record) => spec.view(principal.role, record) !== undefined);
        return {
          status: 200,
          body: {
            items: records.map((record) => spec.view(principal.role, record)),
            ...(page.cursor ? { cursor: page.cursor } : {}),
          },
          subjects: merge(records.map(spec.subjects)),
        };
      },
    }),
    route({
      ...endpoint('POST', collection),
      summary: `Add a ${spec.label}`,
      permission: spec.permissions.write,
      resource: spec.name,
      action: 'create',
      ...layer,
      body: spec.createBody,
      handle: async ({ principal, body }) => {
        const fields = spec.normalise ? spec.normalise(body) : body;
        const draft = { ...fields, partnershipId: principal.partnershipId, provenance: provenance(principal.userId) };
        const checked = parseWith(spec.draft, spec.complete ? spec.complete(draft, body) : draft, spec.label);
        await mustExist(deps, principal.partnershipId, spec.references?.(checked));
        const saved = await repository().save(checked);
        return {
          status: 201,
          body: spec.view(principal.role, saved),
          headers: { ...withEtag(saved), location: spec.pathOf(saved) },
          subjects: spec.subjects(saved),
        };
      },
    }),
    route({
      ...endpoint('GET', spec.itemPath),
      summary: `Read a ${spec.label}`,
      permission: spec.permissions.read,
      resource: spec.name,
      action: 'read',
      ...layer,
      params: spec.keyParams,
      handle: async ({ principal, params }) => {
        const record = await visible(principal.partnershipId, principal.role, params);
        return {
          status: 200,
          body: spec.view(principal.role, record),
          headers: withEtag(record),
          subjects: spec.subjects(record),
        };
      },
    }),
    route({
      ...endpoint('PATCH', spec.itemPath),
      summary: `Change a ${spec.label} (send the ETag you read in If-Match)`,
      permission: spec.permissions.write,
      resource: spec.name,
      action: 'update',
      ...layer,
      params: spec.keyParams,
      body: spec.patchBody,
      handle: async ({ principal, params, body, headers }) => {
        const version = expectedVersion(headers);
        const current = await visible(principal.partnershipId, principal.role, params);
        const merged = { ...current, ...body, provenance: provenance(principal.userId) };
        const changed = parseWith(spec.record, spec.complete ? spec.complete(merged, body) : merged, spec.label);
        await mustExist(deps, principal.partnershipId, spec.references?.(changed));
        const saved = await repository().change(current, changed, version);
        return {
          status: 200,
          body: spec.view(principal.role, saved),
          headers: withEtag(saved),
          subjects: merge([spec.subjects(current), spec.subjects(saved)]),
        };
      },
    }),
    route({
      ...endpoint('DELETE', spec.itemPath),
      summary: `Delete a ${spec.label} (send the ETag you read in If-Match)`,
      permission: spec.permissions.write,
      resource: spec.name,
      action: 'delete',
      ...layer,
      params: spec.keyParams,
      handle: async ({ principal, params, headers }) => {
        const version = expectedVersion(headers);
        const current = await visible(principal.partnershipId, principal.role, params);
        await spec.beforeDelete?.(deps, current, principal.role);
        await repository().remove(principal.partnershipId, spec.keyOf(params), version);
        return { status: 204, subjects: spec.subjects(current) };
      },
    }),
  ];
}

/** Refuses a record that names a young person or place this partnership does not hold. */
async function mustExist(
  deps: ApiDeps,
  partnershipId: string,
  references: { youngPeople: string[]; locations: string[] } | undefined,
): Promise<void> {
  if (!references) return;
  const [people, places] = await Promise.all([
    mapWithConcurrency(references.youngPeople, READ_CONCURRENCY, (ref) =>
      deps.store.youngPeople.get(partnershipId, ref),
    ),
    mapWithConcurrency(references.locations, READ_CONCURRENCY, (ref) => deps.store.locations.get(partnershipId, ref)),
  ]);
  const problems = [
    ...references.youngPeople
      .filter((_, index) => !people[index])
      .map((ref) => ({ path: 'youngPerson', message: `no young person ${ref} is on this partnership's map` })),
    ...references.locations
      .filter((_, index) => !places[index])
      .map((ref) => ({ path: 'locationRef', message: `no location ${ref} is on this partnership's map` })),
  ];
  if (problems.length > 0) throw new ValidationError('The record names someone or somewhere not on the map.', problems);
}

/** The people named by several records, each once. */
export function merge(all: readonly Subjects[]): Subjects {
  return {
    youngPeople: [...new Set(all.flatMap((subjects) => subjects.youngPeople))],
    carers: [...new Set(all.flatMap((subjects) => subjects.carers))],
  };
}

/** A delete refused while other records still name the record. */
export const stillLinked = (label: string) =>
  new ConflictError(`This ${label} is still linked to other records of the map. Remove those first.`);
