import { examples, type InvitationList } from '@peermap/domain';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { toHtml } from './document';
import { toDocx } from './docx';
import { agendaOf, childrenNamedIn, packLanguageNotes, sessionPack } from './session-pack';

/** The young people of the list, as the map names them: none may appear anywhere in the pack. */
const CHILDREN = new Map([
  ['YP1', 'Jordan Example'],
  ['YP2', 'Riley Sample'],
]);

const ASSESSMENT = {
  groupDynamics: 'Jordan Example and Riley Sample have fallen out (YP1, YP2): keep their families apart.',
  confidentiality: 'What is said stays in the room, unless someone needs keeping safe.',
  groupAgreement: 'We listen, we take turns, we keep what is shared here.',
  keepApart: [{ carerRefs: ['CR1', 'CR2'] as [string, string], reason: 'Riley Sample was hurt by Jordan Example' }],
};

const list: InvitationList = {
  ...examples.invitationList,
  session: {
    ...examples.invitationList.session,
    endTime: '20:30',
    address: '1 Harbour Road',
    accessibility: 'Step-free access and a hearing loop',
    facilitators: [
      { name: 'Pat Early', from: 'early_help' },
      { name: 'Chris Parent', from: 'parent_led_group', organisation: 'Safer Families' },
    ],
  },
  topics: [
    { name: 'Grooming online and offline', askedByParents: false },
    { name: 'What helps', askedByParents: true },
  ],
  riskAssessment: ASSESSMENT,
};

const textOfHtml = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe("the facilitators' session pack", () => {
  const pack = sessionPack(list, 'OFFICIAL-SENSITIVE', 'South Kent');

  it('runs from the welcome to the close, the topics in their order with a break half way', () => {
    expect(agendaOf(list.session, ['Grooming online and offline', 'What helps'])).toEqual([
      ['18:30', 'Welcome, introductions and the group agreement'],
      ['18:45', 'Grooming online and offline'],
      ['19:15', 'Break, with refreshments'],
      ['19:30', 'What helps'],
      ['20:00', 'Who to contact, and where to find help and advice'],
      ['20:15', 'Close: what parents take away, and feedback'],
    ]);
  });

  it("holds the agenda, facilitators, venue, group agreement and each invited family's needs", () => {
    const html = toHtml(pack);
    expect(html).toContain('OFFICIAL-SENSITIVE');
    for (const words of [
      'Pat Early (Early help)',
      'Chris Parent',
      '1 Harbour Road',
      'Step-free access and a hearing loop',
      'We listen, we take turns',
      'What helps (asked for by parents)',
      'Sam Carer',
    ]) {
      expect(html).toContain(words);
    }
    // Only carers invited: those still to be asked, or not invited, are not in the pack.
    expect(html).not.toContain('Alex Carer');
    expect(html).not.toContain('Jo Carer');
  });

  it('names no young person, by name or ref, and says nothing of why anyone is kept apart (HTML and DOCX)', async () => {
    const html = textOfHtml(toHtml(pack));
    const zip = await JSZip.loadAsync(await toDocx(pack));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml.length).toBeGreaterThan(1000);
    for (const text of [html, xml]) {
      for (const [ref, name] of CHILDREN) {
        expect(text).not.toMatch(new RegExp(`\\b${ref}\\b`));
        expect(text).not.toContain(name);
      }
      expect(text).not.toContain('fallen out');
      expect(text).not.toContain('was hurt');
      expect(text).not.toMatch(/do not contact|do_not_contact/i);
    }
  });

  it("finds a worker's words that name a child, and blaming words, before the pack is made", () => {
    expect(childrenNamedIn(list, CHILDREN)).toEqual([]);
    const naming = { ...list, riskAssessment: { ...ASSESSMENT, groupAgreement: 'Welcome riley sample’s mum.' } };
    expect(childrenNamedIn(naming, CHILDREN)).toEqual(['riskAssessment.groupAgreement']);
    // Names as the map writes them ("Sam T."), a child's first name, and a child of another group.
    const written = (groupAgreement: string) => ({ ...list, riskAssessment: { ...ASSESSMENT, groupAgreement } });
    const others = new Map([['YP9', 'Sam T.']]);
    expect(childrenNamedIn(written('Welcome Sam T.’s mum.'), CHILDREN, others)).toEqual([
      'riskAssessment.groupAgreement',
    ]);
    expect(childrenNamedIn(written('Ask Sam T. to wait outside.'), CHILDREN, others)).toHaveLength(1);
    expect(childrenNamedIn(written('Riley’s dad is coming.'), CHILDREN, others)).toHaveLength(1);
    expect(childrenNamedIn(written('yp9 was seen there.'), CHILDREN, others)).toHaveLength(1);
    // A first name alone counts only for the session's own children, and only with its capital.
    expect(childrenNamedIn(written('Sam will open the room; we listen.'), CHILDREN, others)).toEqual([]);
    expect(childrenNamedIn(written('Everyone is welcome to ask riley questions.'), CHILDREN, others)).toEqual([]);
    expect(packLanguageNotes(list)).toEqual([]);
    const blaming = {
      ...list,
      topics: [{ name: 'Why children are putting themselves at risk', askedByParents: false }],
    };
    expect(packLanguageNotes(blaming).map((note) => note.field)).toEqual(['topics.0.name']);
  });
});
