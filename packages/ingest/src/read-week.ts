import { isDeepStrictEqual } from 'node:util';
import {
  type Draft,
  type MapRecords,
  type SheetName,
  type UnstatedFields,
  UPLOAD_PROBLEMS,
  type UploadProblem,
} from '@peermap/domain';
import { readCsv, type SheetTable } from './csv';
import { letOthersRun, ROWS_PER_TURN } from './limits';
import { describeIssue } from './messages';
import { problemAt, RowReader } from './row-reader';
import {
  carersSheet,
  concernsSheet,
  locationsSheet,
  type RowContext,
  relationshipsSheet,
  type SheetSpec,
  sightingsSheet,
  youngPeopleSheet,
} from './sheets';

/**
 * Each sheet uploaded this week, by sheet name: the CSV text, or the table read from a
 * workbook. A sheet that did not change may be absent.
 */
export type WeekSheets = Partial<Record<SheetName, string | SheetTable>>;

/** The records one week's sheets describe, ready to store. */
export type WeekRecords = MapRecords;

/** Refs the partnership already holds, so a sheet may point at a record uploaded in an earlier week. */
export interface KnownRefs {
  youngPeople: ReadonlySet<string>;
  locations: ReadonlySet<string>;
}

export interface WeekReading {
  records: WeekRecords;
  /** Fields of each kind whose columns no uploaded sheet had: held records keep theirs. */
  unstated: UnstatedFields;
  /** The first `MAX_PROBLEMS` problems, in sheet and row order. */
  problems: UploadProblem[];
  /** How many problems there were in all. */
  problemCount: number;
}

/** The report shows this many problems at most, and says how many there were. */
export const MAX_PROBLEMS = UPLOAD_PROBLEMS.listed;

const NOTHING_KNOWN: KnownRefs = { youngPeople: new Set(), locations: new Set() };

/**
 * Reads and validates one week's mapping sheets, whole: every row of every sheet is checked,
 * refs between sheets are resolved, and every problem is reported at once, pointing at sheet,
 * row and column. Nothing is stored here; a reading with problems must not be stored at all.
 */
export function readWeek(sheets: WeekSheets, context: RowContext, known: KnownRefs = NOTHING_KNOWN): WeekReading {
  const steps = readingSteps(sheets, context, known);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `readWeek` for an upload, which may hold 100,000 rows: the same reading, letting other work
 * (a concurrent request) run every `ROWS_PER_TURN` rows instead of holding the event loop
 * until the last row is checked.
 */
export async function readWeekInTurns(
  sheets: WeekSheets,
  context: RowContext,
  known: KnownRefs = NOTHING_KNOWN,
): Promise<WeekReading> {
  const steps = readingSteps(sheets, context, known);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await letOthersRun();
  }
}

/** The reading, as steps of about `ROWS_PER_TURN` rows each. */
function* readingSteps(sheets: WeekSheets, context: RowContext, known: KnownRefs): Generator<void, WeekReading> {
  const problems: UploadProblem[] = [];
  const rows = new Map<object, number>();
  // Refs stated on a row count for references even when the row has problems of its own,
  // so one mistake is reported once, not again on every row that names the person.
  const stated = { youngPeople: new Set<string>(), locations: new Set<string>() };
  const read = <T extends { version: number }>(
    spec: SheetSpec<T>,
    keyOf: (record: Draft<T>) => string,
    refs?: Set<string>,
  ) => readSheet(spec, sheets[spec.name], { context, problems, rows, keyOf, ...(refs ? { refs } : {}) });

  const records: WeekRecords = {
    youngPeople: yield* read(youngPeopleSheet, (r) => r.ref, stated.youngPeople),
    // Restricted police intelligence is its own layer: a partner's row for the same pair is another record.
    relationships: yield* read(
      relationshipsSheet,
      (r) => `${r.personA}|${r.personB}${r.restricted ? '|restricted' : ''}`,
    ),
    locations: yield* read(locationsSheet, (r) => r.ref, stated.locations),
    carers: yield* read(carersSheet, (r) => r.ref),
    sightings: yield* read(sightingsSheet, (r) => [r.personRef, r.locationRef, r.seenOn, r.sourceAgency].join('|')),
    concerns: yield* read(concernsSheet, (r) => [r.personRef, r.category, r.occurredOn, r.sourceAgency].join('|')),
  };
  yield* checkReferences(
    records,
    (record) => rows.get(record) ?? 1,
    {
      youngPeople: new Set([...known.youngPeople, ...stated.youngPeople]),
      locations: new Set([...known.locations, ...stated.locations]),
    },
    problems,
  );

  problems.sort((a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row);
  return {
    records,
    unstated: {
      youngPeople: unstatedFields(youngPeopleSheet, sheets.young_people),
      relationships: unstatedFields(relationshipsSheet, sheets.relationships),
      locations: unstatedFields(locationsSheet, sheets.locations),
      carers: unstatedFields(carersSheet, sheets.carers),
      sightings: unstatedFields(sightingsSheet, sheets.sightings),
      concerns: unstatedFields(concernsSheet, sheets.concerns),
    },
    problems: problems.slice(0, MAX_PROBLEMS),
    problemCount: problems.length,
  };
}

/** The top-level fields of a record none of whose columns are in the sheet's header. */
function unstatedFields<T extends { version: number }>(spec: SheetSpec<T>, given: string | SheetTable | undefined) {
  if (given === undefined) return [];
  const header = new Set(typeof given === 'string' ? firstLine(given) : given.header);
  const columnsByField = new Map<string, string[]>();
  for (const [path, column] of Object.entries(spec.fieldColumns)) {
    const field = path.split('.')[0] ?? path;
    columnsByField.set(field, [...(columnsByField.get(field) ?? []), column]);
  }
  return [...columnsByField]
    .filter(([, columns]) => columns.every((column) => !header.has(column)))
    .map(([field]) => field);
}

const firstLine = (text: string) =>
  (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').split(',').map((name) => name.trim());

const SHEET_ORDER: (SheetName | 'workbook')[] = [
  'workbook',
  'young_people',
  'relationships',
  'locations',
  'carers',
  'sightings',
  'concerns',
];

/** State sheets hold one row per ref; event sheets may repeat an identical event. */
const STATE_SHEETS = new Set<SheetName>(['young_people', 'relationships', 'locations', 'carers']);

interface SheetReading<T extends { version: number }> {
  context: RowContext;
  problems: UploadProblem[];
  /** The row each record came from, so a reference problem can point back at it. */
  rows: Map<object, number>;
  keyOf: (record: Draft<T>) => string;
  /** Collects the `ref` of every row, valid or not. */
  refs?: Set<string>;
}

function* readSheet<T extends { version: number }>(
  spec: SheetSpec<T>,
  given: string | SheetTable | undefined,
  { context, problems, rows, keyOf, refs }: SheetReading<T>,
): Generator<void, Draft<T>[]> {
  const table = usableTable(spec, given, problems);
  if (!table) return [];
  const byKey = new Map<string, { record: Draft<T>; row: number }>();
  for (const [index, { rowNumber, cells, width }] of table.rows.entries()) {
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) yield;
    refs?.add(cells['ref']?.trim() ?? '');
    if (width > table.header.length) {
      problems.push(tooWide(spec.name, rowNumber, width, table.header.length));
      continue;
    }
    const record = readRow(spec, new RowReader(spec.name, rowNumber, cells, problems), context, problems);
    if (!record) continue;
    const key = keyOf(record);
    const earlier = byKey.get(key);
    if (!earlier) {
      byKey.set(key, { record, row: rowNumber });
      rows.set(record, rowNumber);
    } else if (STATE_SHEETS.has(spec.name) || !isDeepStrictEqual(earlier.record, record)) {
      problems.push(duplicateProblem(spec, rowNumber, key, earlier.row));
    }
  }
  return [...byKey.values()].map(({ record }) => record);
}

/** The sheet as a table, when it could be read and its header is right. */
function usableTable<T extends { version: number }>(
  spec: SheetSpec<T>,
  given: string | SheetTable | undefined,
  problems: UploadProblem[],
): SheetTable | undefined {
  if (given === undefined) return undefined;
  const table = typeof given === 'string' ? readCsv(spec.name, given) : given;
  if ('message' in table) {
    problems.push(table);
    return undefined;
  }
  return headerIsUsable(spec, table, problems) ? table : undefined;
}

function tooWide(sheet: SheetName, row: number, width: number, columns: number): UploadProblem {
  return problemAt(sheet, row, {
    message: `This row has ${width} cells but the sheet has ${columns} columns: a cell may hold an unquoted comma.`,
  });
}

/** A ref on two rows of a state sheet, or one event with two versions on an event sheet. */
function duplicateProblem<T extends { version: number }>(
  spec: SheetSpec<T>,
  rowNumber: number,
  key: string,
  earlierRow: number,
): UploadProblem {
  return problemAt(spec.name, rowNumber, {
    column: spec.columns[0]?.name,
    value: key.replaceAll('|', ' '),
    message: STATE_SHEETS.has(spec.name)
      ? `This is already on row ${earlierRow}: each one belongs on one row.`
      : `The same event is on row ${earlierRow} with different details: keep the correct row.`,
  });
}

function headerIsUsable<T extends { version: number }>(
  spec: SheetSpec<T>,
  table: SheetTable,
  problems: UploadProblem[],
): boolean {
  const known = new Set(spec.columns.map((column) => column.name));
  const before = problems.length;
  const seen = new Set<string>();
  for (const name of table.header) {
    if (!known.has(name)) {
      problems.push(
        problemAt(spec.name, 1, {
          column: name || '(blank)',
          message: `This sheet has no column "${name.slice(0, 80)}". Its columns are: ${[...known].join(', ')}.`,
        }),
      );
    } else if (seen.has(name)) {
      problems.push(problemAt(spec.name, 1, { column: name, message: 'This column appears twice.' }));
    }
    seen.add(name);
  }
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.name)) {
      problems.push(problemAt(spec.name, 1, { column: column.name, message: 'This column is missing.' }));
    }
  }
  return problems.length === before;
}

function readRow<T extends { version: number }>(
  spec: SheetSpec<T>,
  row: RowReader,
  context: RowContext,
  problems: UploadProblem[],
): Draft<T> | undefined {
  const before = problems.length;
  const candidate = spec.build(row, context);
  const parsed = spec.draft.safeParse(candidate);
  const reported = new Set(problems.slice(before).map((problem) => problem.column));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOf(spec, issue.path.map(String));
      if (reported.has(column)) continue;
      reported.add(column);
      row.problem(column, describeIssue(issue, column ? row.value(column) : undefined));
    }
  }
  if (problems.length > before || !parsed.success) return undefined;
  return parsed.data;
}

/** The column a field path came from: the longest mapped prefix of the path. */
function columnOf<T extends { version: number }>(spec: SheetSpec<T>, path: string[]): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const column = spec.fieldColumns[path.slice(0, length).join('.')];
    if (column) return column;
  }
  return undefined;
}

interface Reference {
  sheet: SheetName;
  record: object;
  column: string;
  ref: string;
  to: 'young person' | 'location';
}

function* checkReferences(
  records: WeekRecords,
  rowOf: (record: object) => number,
  known: KnownRefs,
  problems: UploadProblem[],
): Generator<void, void> {
  const targets = {
    'young person': new Set([...known.youngPeople, ...records.youngPeople.map((person) => person.ref)]),
    location: new Set([...known.locations, ...records.locations.map((place) => place.ref)]),
  };
  const person = (sheet: SheetName, record: object, column: string, ref: string): Reference => ({
    sheet,
    record,
    column,
    ref,
    to: 'young person',
  });
  const references: Reference[] = [
    ...records.relationships.flatMap((r) => [
      person('relationships', r, 'person_a_ref', r.personA),
      person('relationships', r, 'person_b_ref', r.personB),
    ]),
    ...records.carers.flatMap((c) => c.youngPersonRefs.map((ref) => person('carers', c, 'young_person_refs', ref))),
    ...records.sightings.flatMap((s) => [
      person('sightings', s, 'person_ref', s.personRef),
      { sheet: 'sightings' as const, record: s, column: 'location_ref', ref: s.locationRef, to: 'location' as const },
    ]),
    ...records.concerns.map((c) => person('concerns', c, 'person_ref', c.personRef)),
  ];
  for (const [index, { sheet, record, column, ref, to }] of references.entries()) {
    // A reference is one lookup, far cheaper than a row: more of them between turns.
    if (index % (ROWS_PER_TURN * 20) === ROWS_PER_TURN * 20 - 1) yield;
    if (targets[to].has(ref)) continue;
    const where = to === 'young person' ? 'young_people' : 'locations';
    problems.push(
      problemAt(sheet, rowOf(record), {
        column,
        value: ref,
        message: `No ${to} ${ref} is on the map: add them to ${where} first, or check the ref.`,
      }),
    );
  }
}
