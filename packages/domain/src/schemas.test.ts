import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { AnalysisSnapshot } from './analysis';
import { AuditEvent } from './audit';
import { examples } from './examples';
import { Carer, Concern, Location, Relationship, Sighting, YoungPerson } from './map';
import { Partnership } from './partnership';
import { ActionPlan, InvitationList } from './planning';
import { ageOn, IsoWeek, LongText, PartnershipId, Ref, ShortText } from './primitives';
import { UploadRecord } from './upload';

interface EntityCase {
  name: string;
  schema: z.ZodType;
  example: Record<string, unknown>;
  /** A required field to leave out. */
  required: string;
  /** A field that takes one of a fixed set of values. */
  enumField: [path: string[], bad: unknown];
  /** A date or time field, and a value that looks like one but is not real. */
  dateField: [path: string[], bad: string];
}

const cases: EntityCase[] = [
  {
    name: 'partnership',
    schema: Partnership,
    example: examples.partnership,
    required: 'handlingMarking',
    enumField: [['id'], 'Kent_South'],
    dateField: [['createdAt'], '2026-11-31T09:00:00Z'],
  },
  {
    name: 'young person',
    schema: YoungPerson,
    example: examples.youngPerson,
    required: 'dateOfBirth',
    enumField: [['educationStatus'], 'home_schooled'],
    dateField: [['dateOfBirth'], '2011-02-30'],
  },
  {
    name: 'relationship',
    schema: Relationship,
    example: examples.relationship,
    required: 'kind',
    enumField: [['kind'], 'gang'],
    dateField: [['lastSeen'], '2026-13-01'],
  },
  {
    name: 'location',
    schema: Location,
    example: examples.location,
    required: 'kind',
    enumField: [['kind'], 'trap_house'],
    dateField: [['provenance', 'recordedAt'], 'yesterday'],
  },
  {
    name: 'sighting',
    schema: Sighting,
    example: examples.sighting,
    required: 'locationRef',
    enumField: [['grading', 'intelligenceAssessment'], 'F'],
    dateField: [['seenOn'], '12/11/2026'],
  },
  {
    name: 'concern',
    schema: Concern,
    example: examples.concern,
    required: 'severity',
    enumField: [['category'], 'gang_membership'],
    dateField: [['occurredOn'], '2026-02-29'],
  },
  {
    name: 'carer',
    schema: Carer,
    example: examples.carer,
    required: 'parentalResponsibility',
    enumField: [['consent', 'status'], 'maybe'],
    dateField: [['consent', 'recordedOn'], '2026-10-32'],
  },
  {
    name: 'upload record',
    schema: UploadRecord,
    example: examples.upload,
    required: 'contentSha256',
    enumField: [['status'], 'done'],
    dateField: [['createdAt'], '2026-11-20'],
  },
  {
    name: 'analysis snapshot',
    schema: AnalysisSnapshot,
    example: examples.analysis,
    required: 'purpose',
    enumField: [['purpose'], 'enforcement'],
    dateField: [['completedAt'], '2026-11-20 11:00'],
  },
  {
    name: 'action plan',
    schema: ActionPlan,
    example: examples.actionPlan,
    required: 'summary',
    enumField: [['status'], 'approved'],
    dateField: [['actions', '0', 'dueOn'], '2026-12-32'],
  },
  {
    name: 'invitation list',
    schema: InvitationList,
    example: examples.invitationList,
    required: 'session',
    enumField: [['notInvited', '0', 'reason'], 'troublemaker'],
    dateField: [['session', 'date'], '5 Dec'],
  },
  {
    name: 'audit event',
    schema: AuditEvent,
    example: examples.auditEvent,
    required: 'requestId',
    enumField: [['actor', 'role'], 'superuser'],
    dateField: [['at'], '2026-11-21T25:00:00Z'],
  },
];

/** A deep copy of `value` with the field at `path` set to `replacement`. */
function withField(value: Record<string, unknown>, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(value);
  let target: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string, unknown>;
  target[path.at(-1) ?? ''] = replacement;
  return copy;
}

const pathsOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe.each(cases)('the $name schema', ({ schema, example, required, enumField, dateField }) => {
  it('accepts a valid example', () => {
    expect(pathsOf(schema, example)).toEqual([]);
  });

  it('refuses an unknown field instead of keeping it', () => {
    expect(pathsOf(schema, { ...example, riskScore: 97 })).toEqual(['']);
  });

  it(`refuses a record without ${required}`, () => {
    const { [required]: _, ...rest } = example;
    expect(pathsOf(schema, rest)).toEqual([required]);
  });

  it(`refuses a value outside the allowed set in ${enumField[0].join('.')}`, () => {
    expect(pathsOf(schema, withField(example, enumField[0], enumField[1]))).toEqual([enumField[0].join('.')]);
  });

  it(`refuses a date that does not exist in ${dateField[0].join('.')}`, () => {
    expect(pathsOf(schema, withField(example, dateField[0], dateField[1]))).toEqual([dateField[0].join('.')]);
  });
});

describe('rules between fields', () => {
  it('refuses a young person related to themselves', () => {
    expect(pathsOf(Relationship, { ...examples.relationship, personB: 'YP1' })).toContain('personB');
  });

  it('keeps a pair in one order, so A–B and B–A are one relationship', () => {
    expect(pathsOf(Relationship, { ...examples.relationship, personA: 'YP2', personB: 'YP1' })).toEqual(['personA']);
  });

  it('refuses a relationship last seen before it was first seen', () => {
    expect(
      pathsOf(Relationship, { ...examples.relationship, firstSeen: '2026-11-10', lastSeen: '2026-11-01' }),
    ).toEqual(['lastSeen']);
  });

  it('keeps the grading and the restriction to police intelligence', () => {
    expect(pathsOf(Relationship, { ...examples.relationship, sourceAgency: 'health' })).toEqual(['grading']);
    const { grading: _, ...ungraded } = examples.sighting;
    expect(pathsOf(Sighting, { ...ungraded, sourceAgency: 'education', restricted: true })).toEqual(['restricted']);
  });

  it('refuses a half-filled police grading', () => {
    expect(pathsOf(Sighting, { ...examples.sighting, grading: { sourceEvaluation: 2 } })).toEqual([
      'grading.intelligenceAssessment',
      'grading.handlingCode',
    ]);
  });

  it('needs the date and recorder of a consent that was asked for', () => {
    const consent = { status: 'withdrawn' };
    expect(pathsOf(Carer, { ...examples.carer, consent })).toEqual(['consent.recordedOn']);
    expect(pathsOf(Carer, { ...examples.carer, consent: { status: 'not_asked' } })).toEqual([]);
  });

  it('refuses a grid reference that was not converted to a position', () => {
    const { position: _, ...unconverted } = examples.location;
    expect(pathsOf(Location, unconverted)).toEqual(['position']);
    const { position: __, gridReference: ___, ...online } = examples.location;
    expect(pathsOf(Location, { ...online, kind: 'online' })).toEqual([]);
  });

  it('refuses a plan for both a group and a place, or for neither', () => {
    expect(pathsOf(ActionPlan, { ...examples.actionPlan, locationRef: 'LOC1' })).toEqual(['clusterId']);
    const { clusterId: _, ...neither } = examples.actionPlan;
    expect(pathsOf(ActionPlan, neither)).toEqual(['clusterId']);
  });

  it('refuses a carer linked to the same young person twice', () => {
    expect(pathsOf(Carer, { ...examples.carer, youngPersonRefs: ['YP1', 'YP1'] })).toEqual(['youngPersonRefs']);
  });

  it('refuses free text with control characters but keeps line breaks in notes', () => {
    expect(pathsOf(YoungPerson, { ...examples.youngPerson, displayName: 'Sam\u0007 T.' })).toEqual(['displayName']);
    expect(pathsOf(Concern, { ...examples.concern, note: 'Seen at the park.\nReturned home.' })).toEqual([]);
  });

  it.each([
    ['a C1 control', 'Sam\u0085 T.'],
    ['half a surrogate pair', 'Sam \ud83d T.'],
    ['a noncharacter', 'Sam \uffff T.'],
  ])('refuses text with %s, which no document can show', (_kind, displayName) => {
    expect(pathsOf(YoungPerson, { ...examples.youngPerson, displayName })).toEqual(['displayName']);
  });

  it('keeps text with letters beyond the basic plane (a whole surrogate pair)', () => {
    expect(pathsOf(YoungPerson, { ...examples.youngPerson, displayName: 'Sam 🌟 T.' })).toEqual([]);
  });
});

describe('invisible formatting characters', () => {
  const messagesOf = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it.each([
    ['a right-to-left override', 'Sam\u202E T.', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['a left-to-right embedding', '\u202ASam T.', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
    ['a right-to-left isolate', 'Sam \u2067T.\u2069', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
    ['a right-to-left mark', 'Sam T.\u200F', 'U+200F RIGHT-TO-LEFT MARK'],
    ['an Arabic letter mark', 'Sam\u061C T.', 'U+061C ARABIC LETTER MARK'],
    ['a zero-width space', 'Sa\u200Bm T.', 'U+200B ZERO WIDTH SPACE'],
    ['a zero-width joiner', 'Sa\u200Dm T.', 'U+200D ZERO WIDTH JOINER'],
    ['a zero-width no-break space inside the text', 'Sam\uFEFF T.', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['a soft hyphen', 'Sam T\u00AD.', 'U+00AD SOFT HYPHEN'],
    ['a tag character', 'Sam T.\u{E0041}', 'U+E0041'],
  ])('are refused in a one-line field: %s, named in a plain message', (_, displayName, named) => {
    expect(messagesOf(YoungPerson, { ...examples.youngPerson, displayName })).toEqual([
      ['displayName', expect.stringContaining(`holds an invisible formatting character (${named})`)],
    ]);
  });

  it('are refused in every one-line text: names, refs, list items, short texts', () => {
    expect(messagesOf(Carer, { ...examples.carer, name: 'Jo\u200B Parent' }).map(([path]) => path)).toEqual(['name']);
    expect(messagesOf(YoungPerson, { ...examples.youngPerson, strengths: ['kind', 'go\u202Eod'] })).toEqual([
      ['strengths.1', expect.stringContaining('U+202E')],
    ]);
    expect(messagesOf(Ref, 'YP\u200B1')).toEqual([['', expect.stringContaining('U+200B ZERO WIDTH SPACE')]]);
    expect(messagesOf(ShortText(80), 'café\u2066')).toEqual([['', expect.stringContaining('U+2066')]]);
  });

  it('refuses a line break in a one-line field, saying so', () => {
    for (const displayName of ['Sam\nT.', 'Sam\r\nT.', 'Sam\u2028T.']) {
      expect(messagesOf(YoungPerson, { ...examples.youngPerson, displayName })).toEqual([
        ['displayName', expect.stringContaining('line break')],
      ]);
    }
  });

  it('are refused in free text, which keeps its line breaks and tabs', () => {
    const note = 'Seen at the park.\r\nReturned home.\n\tInterview offered.';
    expect(messagesOf(Concern, { ...examples.concern, note })).toEqual([]);
    for (const hidden of ['\u202E', '\u202B', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\uFEFF']) {
      expect(messagesOf(Concern, { ...examples.concern, note: `Seen at the park.\n${hidden}Returned home.` })).toEqual([
        ['note', expect.stringContaining(`U+${hidden.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`)],
      ]);
    }
    expect(messagesOf(Location, { ...examples.location, notes: 'Gate\u202E open' }).map(([path]) => path)).toEqual([
      'notes',
    ]);
  });

  it('keep a zero-width joiner inside an emoji sequence in free text, and refuse it between letters', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const quoted = `Said "my family ${family} and me \u{1F3F3}\uFE0F\u200D\u{1F308} \u{1F9D1}\u{1F3FD}\u200D\u{1F4BB}" in the session.`;
    expect(LongText(200).safeParse(quoted).success).toBe(true);
    expect(messagesOf(LongText(200), 'Sa\u200Dm was seen')).toEqual([['', expect.stringContaining('U+200D')]]);
    expect(messagesOf(LongText(200), '\u200D👩')).toEqual([['', expect.stringContaining('U+200D')]]);
    expect(messagesOf(ShortText(80), family)).toEqual([['', expect.stringContaining('U+200D')]]);
  });
});

describe('ages', () => {
  it('count a birthday on the day itself', () => {
    expect(ageOn('2012-11-20', '2026-11-19')).toBe(13);
    expect(ageOn('2012-11-20', '2026-11-20')).toBe(14);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });
});

describe('identifiers', () => {
  it.each(['1', '12', 'south-kent', 'a1-b2'])('accepts partnership id %s', (id) => {
    expect(PartnershipId.safeParse(id).success).toBe(true);
  });

  it.each(['', 'South-Kent', 'kent#1', '-kent', 'kent-', 'a'.repeat(41)])('refuses partnership id "%s"', (id) => {
    expect(PartnershipId.safeParse(id).success).toBe(false);
  });

  it.each(['YP#1', '', 'YP 1', '../YP1', 'x'.repeat(65)])('refuses ref "%s", which could break a key', (ref) => {
    expect(Ref.safeParse(ref).success).toBe(false);
  });

  it('accepts week 53 only in a year that has one', () => {
    expect(IsoWeek.safeParse('2026-W53').success).toBe(true);
    expect(IsoWeek.safeParse('2025-W53').success).toBe(false);
    expect(IsoWeek.safeParse('2026-W00').success).toBe(false);
    expect(IsoWeek.safeParse('2026-W45').success).toBe(true);
  });
});
