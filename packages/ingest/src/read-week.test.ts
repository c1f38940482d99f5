import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetName, UploadProblem } from '@peermap/domain';
import { describe, expect, it } from 'vitest';
import { gridToPosition } from './grid';
import { nearest } from './messages';
import { MAX_PROBLEMS, readWeek, type WeekSheets } from './read-week';

const context = {
  partnershipId: 'demo',
  provenance: { recordedBy: 'chair-1', recordedAt: '2026-11-20T10:00:00.000Z' },
};

const demoWeek = (week: number): WeekSheets => {
  const folder = join(import.meta.dirname, '../../local/demo', `week-${week}`);
  const sheet = (name: SheetName) => readFileSync(join(folder, `${name}.csv`), 'utf8');
  return {
    young_people: sheet('young_people'),
    relationships: sheet('relationships'),
    locations: sheet('locations'),
    carers: sheet('carers'),
    sightings: sheet('sightings'),
    concerns: sheet('concerns'),
  };
};

const youngPeopleHeader =
  'ref,display_name,date_of_birth,gender,ethnicity,education_status,agencies,key_worker,strengths,status';
const person = (ref: string, extra = 'Sam T.,2012-03-04,male,Not stated,attending,early_help,Kim Worker,,open') =>
  `${ref},${extra}`;

/** Only the parts of a problem a chair acts on. */
const where = (problems: UploadProblem[]) => problems.map(({ sheet, row, column }) => `${sheet}:${row}:${column}`);

describe('reading a week of mapping sheets', () => {
  it.each([1, 2, 3, 4])('reads demo week %i without a problem', (week) => {
    const { records, problems } = readWeek(demoWeek(week), context);
    expect(problems).toEqual([]);
    expect(records.youngPeople).toHaveLength(120);
    expect(records.locations).toHaveLength(14);
    expect(records.carers).toHaveLength(152);
    expect(records.relationships.length).toBeGreaterThan(350);
  });

  it('turns rows into records with their provenance', () => {
    const { records } = readWeek(demoWeek(1), context);
    expect(records.youngPeople[1]).toEqual({
      ...context,
      ref: 'YP00002',
      displayName: 'Ibrahim K.',
      dateOfBirth: '2015-01-02',
      gender: 'male',
      ethnicity: 'Not stated',
      educationStatus: 'part_time',
      agencies: ['early_help', 'police'],
      keyWorker: 'Imani Kowalski',
      strengths: ['engaged with youth worker'],
      status: 'open',
    });
    expect(records.carers[1]).toMatchObject({
      ref: 'CR00002',
      youngPersonRefs: ['YP00001', 'YP00002'],
      consent: { status: 'given', recordedOn: '2026-09-24', recordedBy: 'Ezra Khan' },
      accessNeeds: 'hearing loss',
    });
  });

  it('converts a British National Grid reference to WGS84 and keeps the original', () => {
    const { records } = readWeek(demoWeek(1), context);
    const mill = records.locations.find((location) => location.ref === 'LOC0001');
    expect(mill?.gridReference).toEqual({ easting: 604607, northing: 143198 });
    // East of Ashford, Kent.
    expect(mill?.position?.latitude).toBeCloseTo(51.1515, 3);
    expect(mill?.position?.longitude).toBeCloseTo(0.9242, 3);
  });

  it('places a well-known grid reference within metres of its WGS84 position', () => {
    // The Elizabeth Tower, Westminster: TQ 30268 79640 is 51.50073 N, 0.12463 W.
    const tower = gridToPosition({ easting: 530268, northing: 179640 });
    expect(Math.abs(tower.latitude - 51.50073)).toBeLessThan(0.0002);
    expect(Math.abs(tower.longitude + 0.12463)).toBeLessThan(0.0003);
  });

  it('stores a pair in one order, whichever order it was typed in', () => {
    const { records } = readWeek(
      {
        young_people: [youngPeopleHeader, person('YP2'), person('YP1')].join('\n'),
        relationships: 'person_a_ref,person_b_ref,kind,strength,source_agency\nYP2,YP1,friend,3,education',
      },
      context,
    );
    expect(records.relationships[0]).toMatchObject({ personA: 'YP1', personB: 'YP2' });
  });

  it('reads a byte-order mark, CRLF line ends and a quoted line break', () => {
    const text = `\uFEFF${youngPeopleHeader}\r\n${person('YP1', 'Sam T.,2012-03-04,male,Not stated,attending,early_help,Kim Worker,"kind to his sister;\r\nproud of art work",open')}\r\n`;
    const { records, problems } = readWeek({ young_people: text }, context);
    expect(problems).toEqual([]);
    expect(records.youngPeople[0]?.strengths).toEqual(['kind to his sister', 'proud of art work']);
  });

  it('reads a line break in a list cell as a separator, and keeps one in free text as a line break', () => {
    const { records, problems } = readWeek(
      {
        young_people: `${youngPeopleHeader}\n${person('YP1', 'Sam T.,2012-03-04,male,Not stated,attending,"police\nyjs",Kim Worker,"kind to his sister\r\nproud of art work\n\n good at football ;\rfunny",open')}\n${person('YP2')}`,
        carers:
          'ref,young_person_refs,name,relationship,parental_responsibility,access_needs,safety_note\n' +
          'CR1,"YP1\r\nYP2",Jo Parent,mother,yes,"Wheelchair user\r\n\r\nHearing loop","Call before visiting.\r\nNot after 6pm."',
        concerns:
          'person_ref,category,occurred_on,severity,source_agency,note\nYP1,missing_episode,2026-11-08,medium,police,"Returned home.\rInterview offered."',
      },
      context,
    );
    expect(problems).toEqual([]);
    expect(records.youngPeople[0]).toMatchObject({
      agencies: ['police', 'yjs'],
      strengths: ['kind to his sister', 'proud of art work', 'good at football', 'funny'],
    });
    expect(records.carers[0]).toMatchObject({
      youngPersonRefs: ['YP1', 'YP2'],
      accessNeeds: 'Wheelchair user; Hearing loop',
      safetyNote: 'Call before visiting.\nNot after 6pm.',
    });
    expect(records.concerns[0]?.note).toBe('Returned home.\nInterview offered.');
  });

  it('refuses a line break in a name, a ref or another one-line cell, at its sheet, row and column', () => {
    const { problems } = readWeek(
      {
        young_people: `${youngPeopleHeader}\n${person('YP1', '"Sam\nT.",2012-03-04,male,Not stated,attending,early_help,"Kim\r\nWorker",,open')}\n${person('"YP\n2"')}`,
        carers: 'ref,young_person_refs,name,relationship,parental_responsibility\nCR1,YP1,"Jo\rParent",mother,yes',
      },
      context,
    );
    expect(problems.map(({ sheet, row, column, message }) => [sheet, row, column, message])).toEqual([
      ['young_people', 2, 'display_name', expect.stringMatching(/^This cell has a line break in it \(Alt\+Enter/)],
      ['young_people', 2, 'key_worker', expect.stringContaining('line break')],
      // A row as Excel numbers it: quoted line breaks above do not move it down.
      ['young_people', 3, 'ref', expect.stringContaining('line break')],
      ['carers', 2, 'name', expect.stringContaining('line break')],
    ]);
  });

  it('reports a header-only sheet as empty, and an empty file as missing its columns', () => {
    expect(readWeek({ young_people: youngPeopleHeader }, context).problems).toEqual([]);
    expect(where(readWeek({ young_people: '' }, context).problems)).toEqual([
      'young_people:1:ref',
      'young_people:1:display_name',
      'young_people:1:date_of_birth',
    ]);
  });
});

describe('problems in an upload', () => {
  it('names an unknown column and a missing one', () => {
    const { problems } = readWeek(
      { concerns: 'person_ref,category,occurred_on,severity,source,risk_score\n' },
      context,
    );
    expect(where(problems)).toEqual(['concerns:1:source', 'concerns:1:risk_score', 'concerns:1:source_agency']);
  });

  it('points at the row as Excel shows it, the column and the value, and suggests the nearest allowed value', () => {
    const { problems } = readWeek(
      {
        young_people: [
          youngPeopleHeader,
          person('YP1'),
          person('YP2', 'Ali B.,2012-02-30,male,,atending,early_help,,,open'),
        ].join('\n'),
      },
      context,
    );
    expect(problems).toEqual([
      {
        sheet: 'young_people',
        row: 3,
        column: 'date_of_birth',
        value: '2012-02-30',
        message: 'Write a real date as YYYY-MM-DD, such as 2026-11-05.',
      },
      expect.objectContaining({ row: 3, column: 'education_status', value: 'atending' }),
    ]);
    expect(problems[1]?.message).toContain('Did you mean "attending"?');
  });

  it('refuses an age a peer map cannot hold, and a birth in the future', () => {
    const { problems } = readWeek(
      {
        young_people: [
          youngPeopleHeader,
          person('YP1', 'Old P.,1990-01-01,male,,attending,,,,open'),
          person('YP2', 'Future P.,2027-01-01,male,,attending,,,,open'),
          person('YP3', 'Ten P.,2016-11-20,male,,attending,,,,open'),
        ].join('\n'),
      },
      context,
    );
    expect(problems.map(({ row, message }) => [row, message.split(';')[0]])).toEqual([
      [2, 'This gives an age of 36'],
      [3, 'This date of birth is in the future.'],
    ]);
  });

  it('refuses a duplicate ref, a person related to themselves and refs that point nowhere', () => {
    const { problems } = readWeek(
      {
        young_people: [youngPeopleHeader, person('YP1'), person('YP2'), person('YP1')].join('\n'),
        relationships:
          'person_a_ref,person_b_ref,kind,strength,source_agency\nYP1,YP1,friend,2,police\nYP1,YP9,friend,2,police',
        sightings: 'person_ref,location_ref,seen_on,source_agency\nYP2,LOC404,2026-11-03,police',
      },
      context,
    );
    expect(where(problems)).toEqual([
      'young_people:4:ref',
      'relationships:2:person_b_ref',
      'relationships:3:person_b_ref',
      'sightings:2:location_ref',
    ]);
  });

  it('accepts refs to records uploaded in an earlier week', () => {
    const { problems } = readWeek(
      { sightings: 'person_ref,location_ref,seen_on,source_agency\nYP2,LOC1,2026-11-03,police' },
      context,
      { youngPeople: new Set(['YP2']), locations: new Set(['LOC1']) },
    );
    expect(problems).toEqual([]);
  });

  it('keeps the same event twice as one, but refuses two versions of it', () => {
    const header = 'person_ref,category,occurred_on,severity,source_agency';
    const same = readWeek(
      { concerns: `${header}\nYP1,missing_episode,2026-11-03,high,police\nYP1,missing_episode,2026-11-03,high,police` },
      context,
      { youngPeople: new Set(['YP1']), locations: new Set() },
    );
    expect(same.problems).toEqual([]);
    expect(same.records.concerns).toHaveLength(1);
    const differing = readWeek(
      { concerns: `${header}\nYP1,missing_episode,2026-11-03,high,police\nYP1,missing_episode,2026-11-03,low,police` },
      context,
      { youngPeople: new Set(['YP1']), locations: new Set() },
    );
    expect(where(differing.problems)).toEqual(['concerns:3:person_ref']);
  });

  it('refuses a place outside Great Britain and a half-given position', () => {
    const { problems } = readWeek(
      {
        locations: [
          'ref,name,kind,latitude,longitude,easting,northing,source_agency',
          'LOC1,Swapped,park,0.9,51.1,,,police',
          'LOC2,Half,park,51.1,,,,police',
          'LOC3,Fine,park,,,604607,143198,police',
        ].join('\n'),
      },
      context,
    );
    expect(where(problems)).toEqual(['locations:2:latitude', 'locations:3:longitude']);
  });

  it('refuses a grading on a row that is not police intelligence', () => {
    const { problems } = readWeek(
      {
        sightings:
          'person_ref,location_ref,seen_on,source_agency,source_evaluation,intelligence_assessment,handling_code\nYP1,LOC1,2026-11-03,education,2,B,P',
      },
      context,
      { youngPeople: new Set(['YP1']), locations: new Set(['LOC1']) },
    );
    expect(where(problems)).toEqual(['sightings:2:source_evaluation']);
  });

  it('refuses an invisible formatting character at its sheet, row and column, naming it', () => {
    const { problems } = readWeek(
      {
        young_people: `${youngPeopleHeader}\n${person('YP1', 'Sam\u202E T.,2012-03-04,male,Not stated,attending,early_help,Kim Worker,kind;go\u200Bod,open')}\n${person('YP\u200B2')}`,
        locations:
          'ref,name,kind,latitude,longitude,source_agency,notes\nLOC1,Park,park,51.5,-0.12,police,"Gate\u2066 open"',
      },
      context,
    );
    expect(problems.map(({ sheet, row, column, message }) => [sheet, row, column, message])).toEqual([
      [
        'young_people',
        2,
        'display_name',
        expect.stringMatching(/^This cell holds an invisible formatting character \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/),
      ],
      ['young_people', 2, 'strengths', expect.stringContaining('(U+200B ZERO WIDTH SPACE)')],
      ['young_people', 3, 'ref', expect.stringContaining('(U+200B ZERO WIDTH SPACE)')],
      ['locations', 2, 'notes', expect.stringContaining('(U+2066 LEFT-TO-RIGHT ISOLATE)')],
    ]);
  });

  it('refuses a row with more cells than the sheet has columns', () => {
    const { problems } = readWeek(
      { young_people: [youngPeopleHeader, `${person('YP1')},surplus`].join('\n') },
      context,
    );
    expect(problems).toEqual([expect.objectContaining({ sheet: 'young_people', row: 2 })]);
    expect(problems[0]?.message).toMatch(/11 cells but the sheet has 10 columns/);
  });

  it('counts rows as Excel does, blank lines included', () => {
    const { problems } = readWeek(
      {
        young_people: [
          youngPeopleHeader,
          person('YP1'),
          '',
          person('YP2', 'Ali B.,2012-02-30,male,,attending,,,,open'),
        ].join('\n'),
      },
      context,
    );
    expect(where(problems)).toEqual(['young_people:4:date_of_birth']);
  });

  it('keeps the report within its limits whatever a cell holds', () => {
    const huge = 'x'.repeat(5_000);
    const { problems } = readWeek(
      { young_people: `${youngPeopleHeader},${huge}\n${person('YP1', `Sam T.,2012-03-04,male,,${huge},,,,open`)}` },
      context,
    );
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.column?.length ?? 0).toBeLessThanOrEqual(80);
      expect(problem.value?.length ?? 0).toBeLessThanOrEqual(200);
      expect(problem.message.length).toBeLessThanOrEqual(500);
    }
  });

  it('reports a file that is not CSV as one problem instead of failing', () => {
    const { problems } = readWeek({ young_people: `${youngPeopleHeader}\nYP1,"unclosed quote,2012-03-04` }, context);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/could not be read as CSV/);
  });

  it('caps the report but says how many problems there were', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) =>
      person(`YP${index}`, 'Sam T.,not-a-date,male,,attending,,,,open'),
    );
    const { problems, problemCount } = readWeek({ young_people: [youngPeopleHeader, ...rows].join('\n') }, context);
    expect(problemCount).toBe(10_000);
    expect(problems).toHaveLength(MAX_PROBLEMS);
  });
});

describe('suggestions', () => {
  it('suggest a close allowed value and nothing for a far one', () => {
    expect(nearest('Not in Education', ['attending', 'not_in_education'])).toBe('not_in_education');
    expect(nearest('banana', ['attending', 'not_in_education'])).toBeUndefined();
  });
});
