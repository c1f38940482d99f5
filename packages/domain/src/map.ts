import * as z from 'zod';
import { isErasureMarker } from './erasure';
import { IsoDate, LongText, Ref, ShortText } from './primitives';
import { draftMeta, IntelligenceGrading, recordMeta } from './record';
import {
  Agency,
  CarerRelationship,
  CaseStatus,
  ConcernCategory,
  ConsentStatus,
  EducationStatus,
  LocationKind,
  RelationshipKind,
  Severity,
} from './vocabulary';

const uniqueItems = <T>(items: readonly T[]) => new Set(items).size === items.length;

/**
 * Each record comes in three schemas: `…Fields`, what a practitioner states (the body of a
 * create); `…Draft`, the record before the store gives it a version (an upload's rows are
 * validated as drafts, once, where they come in); and the stored record, which adds partnership,
 * version, provenance and retention. Rules between fields are refinements applied to all.
 */

/** What is said about a young person on the map: a child who may be at risk of harm, never a suspect. */
export const YoungPersonFields = z.strictObject({
  ref: Ref.refine((ref) => !isErasureMarker(ref), 'refs like erased-1a2b3c4d stand for erased young people'),
  displayName: ShortText(80),
  dateOfBirth: IsoDate,
  gender: ShortText(40).optional(),
  ethnicity: ShortText(80).optional(),
  educationStatus: EducationStatus,
  agencies: z.array(Agency).refine(uniqueItems, 'names an agency twice'),
  keyWorker: ShortText(120).optional(),
  strengths: z.array(ShortText(200)).max(20),
  status: CaseStatus,
});

export const YoungPersonDraft = YoungPersonFields.extend(draftMeta);
export const YoungPerson = YoungPersonFields.extend(recordMeta);
export type YoungPerson = z.infer<typeof YoungPerson>;

/**
 * A link between two young people. A pair is one relationship whichever order its refs
 * come in: `personA` sorts before `personB` (see `orderPair`).
 */
export const RelationshipFields = z.strictObject({
  personA: Ref,
  personB: Ref,
  kind: RelationshipKind,
  strength: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  firstSeen: IsoDate.optional(),
  lastSeen: IsoDate.optional(),
  sourceAgency: Agency,
  grading: IntelligenceGrading.optional(),
  restricted: z.boolean(),
});

type Pair = { personA: string; personB: string; firstSeen?: string | undefined; lastSeen?: string | undefined };

/** The rules of a pair: two different young people, in order, seen first before seen last. */
export function relationshipRules<S extends z.ZodType<Pair>>(schema: S): S {
  return schema
    .refine((r) => r.personA !== r.personB, {
      message: 'a young person cannot be related to themselves',
      path: ['personB'],
    })
    .refine((r) => r.personA === r.personB || r.personA < r.personB, {
      message: 'list the pair in order (personA before personB)',
      path: ['personA'],
    })
    .refine((r) => !r.firstSeen || !r.lastSeen || r.firstSeen <= r.lastSeen, {
      message: 'last seen is before first seen',
      path: ['lastSeen'],
    });
}

type Sourced = { sourceAgency: string; grading?: unknown; restricted: boolean };

/** The 3x5x2 grading and the police-only restriction belong to police intelligence alone. */
export function intelligenceRules<S extends z.ZodType<Sourced>>(schema: S): S {
  return schema
    .refine((r) => !r.grading || r.sourceAgency === 'police', {
      message: 'only police intelligence carries the 3x5x2 grading',
      path: ['grading'],
    })
    .refine((r) => !r.restricted || r.sourceAgency === 'police', {
      message: 'only police intelligence can be restricted to police',
      path: ['restricted'],
    });
}

export const RelationshipDraft = intelligenceRules(relationshipRules(RelationshipFields.extend(draftMeta)));
export const Relationship = intelligenceRules(relationshipRules(RelationshipFields.extend(recordMeta)));
export type Relationship = z.infer<typeof Relationship>;

/** Orders two refs the way a relationship stores them. */
export function orderPair(a: string, b: string): { personA: string; personB: string } {
  return a < b ? { personA: a, personB: b } : { personA: b, personB: a };
}

/** WGS84 latitude and longitude in decimal degrees. */
export const Position = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type Position = z.infer<typeof Position>;

/** A British National Grid (EPSG:27700) reference as police analysts record it, in metres. */
export const GridReference = z.strictObject({
  easting: z.number().min(0).max(700_000),
  northing: z.number().min(0).max(1_300_000),
});
export type GridReference = z.infer<typeof GridReference>;

/**
 * A place where young people gather. The position is always WGS84; when the place was
 * given on the British National Grid, the original reference is kept beside it.
 * Online places have no position.
 */
export const LocationFields = z.strictObject({
  ref: Ref,
  name: ShortText(120),
  kind: LocationKind,
  position: Position.optional(),
  gridReference: GridReference.optional(),
  postcode: ShortText(10).optional(),
  sourceAgency: Agency,
  notes: LongText(2000).optional(),
});

type Placed = { position?: unknown; gridReference?: unknown };

/** A place given on the British National Grid is converted to a position where it comes in. */
function locationRules<S extends z.ZodType<Placed>>(schema: S): S {
  return schema.refine((l) => !l.gridReference || l.position, {
    message: 'a grid reference must be converted to a position',
    path: ['position'],
  });
}

export const LocationDraft = locationRules(LocationFields.extend(draftMeta));
export const Location = locationRules(LocationFields.extend(recordMeta));
export type Location = z.infer<typeof Location>;

/** A young person seen at a location on a day. The same four facts are the same sighting. */
export const SightingFields = z.strictObject({
  personRef: Ref,
  locationRef: Ref,
  seenOn: IsoDate,
  sourceAgency: Agency,
  grading: IntelligenceGrading.optional(),
  restricted: z.boolean(),
});

export const SightingDraft = intelligenceRules(SightingFields.extend(draftMeta));
export const Sighting = intelligenceRules(SightingFields.extend(recordMeta));
export type Sighting = z.infer<typeof Sighting>;

/** A safeguarding concern about a young person: what is happening to them, not a label. */
export const ConcernFields = z.strictObject({
  personRef: Ref,
  category: ConcernCategory,
  occurredOn: IsoDate,
  severity: Severity,
  sourceAgency: Agency,
  status: CaseStatus,
  note: LongText(2000).optional(),
});

export const ConcernDraft = ConcernFields.extend(draftMeta);
export const Concern = ConcernFields.extend(recordMeta);
export type Concern = z.infer<typeof Concern>;

/**
 * Whether a parent or carer agrees to be contacted about a group. Anything but `not_asked`
 * says when and by whom it was recorded.
 */
export const Consent = z
  .strictObject({
    status: ConsentStatus,
    recordedOn: IsoDate.optional(),
    recordedBy: ShortText(120).optional(),
    scope: ShortText(200).optional(),
    note: LongText(1000).optional(),
  })
  .refine((c) => c.status === 'not_asked' || (c.recordedOn && c.recordedBy), {
    message: 'consent that was asked for needs the date and who recorded it',
    path: ['recordedOn'],
  });
export type Consent = z.infer<typeof Consent>;

/** A parent or carer of one or more young people on the map (siblings share carers). */
export const CarerFields = z.strictObject({
  ref: Ref,
  youngPersonRefs: z.array(Ref).min(1).max(20).refine(uniqueItems, 'names a young person twice'),
  name: ShortText(120),
  relationship: CarerRelationship,
  parentalResponsibility: z.boolean(),
  contact: z.strictObject({
    phone: ShortText(40).optional(),
    email: z.email().max(254).optional(),
  }),
  preferredLanguage: ShortText(60).optional(),
  interpreterNeeded: z.boolean(),
  transportNeeded: z.boolean(),
  accessNeeds: ShortText(200).optional(),
  consent: Consent,
  doNotContact: z.boolean(),
  safetyNote: LongText(1000).optional(),
});

/** How many earlier consent decisions a carer keeps: enough for years of asking again, bounded for one item. */
export const CONSENT_HISTORY_LIMIT = 20;

/**
 * The carer's earlier consent decisions, latest first, kept so "who recorded what, when" can be
 * shown after a change or a withdrawal. Only the consent route adds to it (never a create or a
 * change of the carer), and it goes with the carer when the carer is erased.
 */
const consentKept = { consentHistory: z.array(Consent).max(CONSENT_HISTORY_LIMIT).optional() };

export const CarerDraft = CarerFields.extend(draftMeta).extend(consentKept);
export const Carer = CarerFields.extend(recordMeta).extend(consentKept);
export type Carer = z.infer<typeof Carer>;
