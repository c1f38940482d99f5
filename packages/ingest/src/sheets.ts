import {
  ageOn,
  type Carer,
  CarerDraft,
  type Concern,
  ConcernDraft,
  type Draft,
  IsoDate,
  type Location,
  LocationDraft,
  MAP_AGE_RANGE,
  orderPair,
  type Provenance,
  type Relationship,
  RelationshipDraft,
  type SheetName,
  type Sighting,
  SightingDraft,
  type YoungPerson,
  YoungPersonDraft,
} from '@peermap/domain';
import type * as z from 'zod';
import { gridToPosition, isInGreatBritain } from './grid';
import type { RowReader } from './row-reader';

/** What every row of an upload is stamped with. */
export interface RowContext {
  readonly partnershipId: string;
  readonly provenance: Provenance;
}

/**
 * One sheet of the weekly mapping workbook: its columns, how a row becomes a record, and
 * which column each field of the record came from (so a schema problem points at a cell).
 */
export interface SheetSpec<T extends { version: number }> {
  readonly name: SheetName;
  /** Every column the sheet may have; `required` ones must be in the header. */
  readonly columns: readonly { readonly name: string; readonly required: boolean }[];
  /** The record before the store gives it a version: a row is validated against it once, here. */
  readonly draft: z.ZodType<Draft<T>>;
  /** The record a row describes, not yet validated: the draft schema decides whether it is one. */
  build(row: RowReader, context: RowContext): Record<string, unknown>;
  /** Field path (or its first part) → column. */
  readonly fieldColumns: Readonly<Record<string, string>>;
}

/** A sheet's columns in the format's order; a name ending in `!` must be in the header. */
const columns = (...names: string[]) =>
  names.map((name) => ({ name: name.replace(/!$/, ''), required: name.endsWith('!') }));

const gradingColumns = ['source_evaluation', 'intelligence_assessment', 'handling_code'];

/** The 3x5x2 grading when any of its cells is filled; the schema then checks all three. */
function grading(row: RowReader) {
  if (gradingColumns.every((column) => row.text(column) === undefined)) return undefined;
  return {
    sourceEvaluation: row.number('source_evaluation'),
    intelligenceAssessment: row.text('intelligence_assessment')?.toUpperCase(),
    handlingCode: row.text('handling_code')?.toUpperCase(),
  };
}

const gradingFields = {
  'grading.sourceEvaluation': 'source_evaluation',
  'grading.intelligenceAssessment': 'intelligence_assessment',
  'grading.handlingCode': 'handling_code',
  grading: 'source_evaluation',
};

const lower = (value: string | undefined) => value?.toLowerCase();

export const youngPeopleSheet: SheetSpec<YoungPerson> = {
  name: 'young_people',
  columns: columns(
    'ref!',
    'display_name!',
    'date_of_birth!',
    'gender',
    'ethnicity',
    'education_status',
    'agencies',
    'key_worker',
    'strengths',
    'status',
  ),
  draft: YoungPersonDraft,
  build: (row, context) => ({
    ...context,
    ref: row.required('ref'),
    displayName: row.required('display_name'),
    dateOfBirth: checkedDateOfBirth(row, context),
    gender: row.text('gender'),
    ethnicity: row.text('ethnicity'),
    educationStatus: lower(row.text('education_status')) ?? 'unknown',
    agencies: row.list('agencies').map((agency) => agency.toLowerCase()),
    keyWorker: row.text('key_worker'),
    strengths: row.list('strengths'),
    status: lower(row.text('status')) ?? 'open',
  }),
  fieldColumns: {
    ref: 'ref',
    displayName: 'display_name',
    dateOfBirth: 'date_of_birth',
    gender: 'gender',
    ethnicity: 'ethnicity',
    educationStatus: 'education_status',
    agencies: 'agencies',
    keyWorker: 'key_worker',
    strengths: 'strengths',
    status: 'status',
  },
};

/** A date of birth that gives an age a peer map can hold on the day of the upload. */
function checkedDateOfBirth(row: RowReader, context: RowContext): string {
  const dateOfBirth = row.required('date_of_birth');
  if (!IsoDate.safeParse(dateOfBirth).success) return dateOfBirth;
  const age = ageOn(dateOfBirth, context.provenance.recordedAt.slice(0, 10));
  if (age < MAP_AGE_RANGE.youngest || age > MAP_AGE_RANGE.oldest) {
    row.problem(
      'date_of_birth',
      age < 0
        ? 'This date of birth is in the future.'
        : `This gives an age of ${age}; a peer map holds young people aged ${MAP_AGE_RANGE.youngest} to ${MAP_AGE_RANGE.oldest}. Check the date of birth.`,
    );
  }
  return dateOfBirth;
}

export const relationshipsSheet: SheetSpec<Relationship> = {
  name: 'relationships',
  columns: columns(
    'person_a_ref!',
    'person_b_ref!',
    'kind!',
    'strength!',
    'first_seen',
    'last_seen',
    'source_agency!',
    ...gradingColumns,
    'restricted',
  ),
  draft: RelationshipDraft,
  build: (row, context) => {
    return {
      ...context,
      ...orderPair(row.required('person_a_ref'), row.required('person_b_ref')),
      kind: lower(row.required('kind')),
      strength: row.number('strength'),
      firstSeen: row.text('first_seen'),
      lastSeen: row.text('last_seen'),
      sourceAgency: lower(row.required('source_agency')),
      grading: grading(row),
      restricted: row.yesNo('restricted', false),
    };
  },
  fieldColumns: {
    personA: 'person_a_ref',
    personB: 'person_b_ref',
    kind: 'kind',
    strength: 'strength',
    firstSeen: 'first_seen',
    lastSeen: 'last_seen',
    sourceAgency: 'source_agency',
    restricted: 'restricted',
    ...gradingFields,
  },
};

export const locationsSheet: SheetSpec<Location> = {
  name: 'locations',
  columns: columns(
    'ref!',
    'name!',
    'kind!',
    'latitude',
    'longitude',
    'easting',
    'northing',
    'postcode',
    'source_agency!',
    'notes',
  ),
  draft: LocationDraft,
  build: (row, context) => ({
    ...context,
    ref: row.required('ref'),
    name: row.required('name'),
    kind: lower(row.required('kind')),
    ...placeOf(row),
    postcode: row.text('postcode')?.toUpperCase(),
    sourceAgency: lower(row.required('source_agency')),
    notes: row.freeText('notes'),
  }),
  fieldColumns: {
    ref: 'ref',
    name: 'name',
    kind: 'kind',
    'position.latitude': 'latitude',
    'position.longitude': 'longitude',
    position: 'latitude',
    'gridReference.easting': 'easting',
    'gridReference.northing': 'northing',
    gridReference: 'easting',
    postcode: 'postcode',
    sourceAgency: 'source_agency',
    notes: 'notes',
  },
};

/**
 * A place's WGS84 position, from latitude and longitude or converted from a British National
 * Grid reference (which is kept). Each pair must be complete, and the place in Great Britain.
 */
function placeOf(row: RowReader) {
  const given = pair(row, 'latitude', 'longitude');
  const grid = pair(row, 'easting', 'northing');
  const gridReference = grid ? { easting: grid[0], northing: grid[1] } : undefined;
  const position = given
    ? { latitude: given[0], longitude: given[1] }
    : gridReference
      ? gridToPosition(gridReference)
      : undefined;
  if (position && !isInGreatBritain(position)) {
    row.problem(
      given ? 'latitude' : 'easting',
      given
        ? 'This place is outside Great Britain: check the latitude and longitude (are they swapped?).'
        : 'This grid reference is outside Great Britain: check the easting and northing.',
    );
  }
  return { position, gridReference };
}

/** Two numbers that only make sense together, such as latitude and longitude. */
function pair(row: RowReader, first: string, second: string): [number, number] | undefined {
  const [a, b] = [row.number(first), row.number(second)];
  if (a !== undefined && b !== undefined) return [a, b];
  if (a !== undefined || b !== undefined) {
    row.problem(a === undefined ? first : second, `Give both ${first} and ${second}, or neither.`);
  }
  return undefined;
}

export const carersSheet: SheetSpec<Carer> = {
  name: 'carers',
  columns: columns(
    'ref!',
    'young_person_refs!',
    'name!',
    'relationship!',
    'parental_responsibility!',
    'phone',
    'email',
    'preferred_language',
    'interpreter_needed',
    'transport_needed',
    'access_needs',
    'consent',
    'consent_date',
    'consent_recorded_by',
    'do_not_contact',
    'safety_note',
  ),
  draft: CarerDraft,
  build: (row, context) => ({
    ...context,
    ref: row.required('ref'),
    youngPersonRefs: row.list('young_person_refs'),
    name: row.required('name'),
    relationship: lower(row.required('relationship')),
    parentalResponsibility: row.yesNo('parental_responsibility'),
    contact: { phone: row.text('phone'), email: row.text('email') },
    preferredLanguage: row.text('preferred_language'),
    interpreterNeeded: row.yesNo('interpreter_needed', false),
    transportNeeded: row.yesNo('transport_needed', false),
    accessNeeds: row.joinedLines('access_needs'),
    consent: {
      status: lower(row.text('consent')) ?? 'not_asked',
      recordedOn: row.text('consent_date'),
      recordedBy: row.text('consent_recorded_by'),
    },
    doNotContact: row.yesNo('do_not_contact', false),
    safetyNote: row.freeText('safety_note'),
  }),
  fieldColumns: {
    ref: 'ref',
    youngPersonRefs: 'young_person_refs',
    name: 'name',
    relationship: 'relationship',
    parentalResponsibility: 'parental_responsibility',
    'contact.phone': 'phone',
    'contact.email': 'email',
    preferredLanguage: 'preferred_language',
    interpreterNeeded: 'interpreter_needed',
    transportNeeded: 'transport_needed',
    accessNeeds: 'access_needs',
    'consent.status': 'consent',
    'consent.recordedOn': 'consent_date',
    'consent.recordedBy': 'consent_recorded_by',
    doNotContact: 'do_not_contact',
    safetyNote: 'safety_note',
  },
};

export const sightingsSheet: SheetSpec<Sighting> = {
  name: 'sightings',
  columns: columns('person_ref!', 'location_ref!', 'seen_on!', 'source_agency!', ...gradingColumns),
  draft: SightingDraft,
  build: (row, context) => ({
    ...context,
    personRef: row.required('person_ref'),
    locationRef: row.required('location_ref'),
    seenOn: row.required('seen_on'),
    sourceAgency: lower(row.required('source_agency')),
    grading: grading(row),
    restricted: false,
  }),
  fieldColumns: {
    personRef: 'person_ref',
    locationRef: 'location_ref',
    seenOn: 'seen_on',
    sourceAgency: 'source_agency',
    ...gradingFields,
  },
};

export const concernsSheet: SheetSpec<Concern> = {
  name: 'concerns',
  columns: columns('person_ref!', 'category!', 'occurred_on!', 'severity!', 'source_agency!', 'status', 'note'),
  draft: ConcernDraft,
  build: (row, context) => ({
    ...context,
    personRef: row.required('person_ref'),
    category: lower(row.required('category')),
    occurredOn: row.required('occurred_on'),
    severity: lower(row.required('severity')),
    sourceAgency: lower(row.required('source_agency')),
    status: lower(row.text('status')) ?? 'open',
    note: row.freeText('note'),
  }),
  fieldColumns: {
    personRef: 'person_ref',
    category: 'category',
    occurredOn: 'occurred_on',
    severity: 'severity',
    sourceAgency: 'source_agency',
    status: 'status',
    note: 'note',
  },
};
