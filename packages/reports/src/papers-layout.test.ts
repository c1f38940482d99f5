import { type ActionPlan, examples } from '@peermap/domain';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { toHtml } from './document';
import { toDocx } from './docx';
import { columnShares, widthOf } from './layout';
import { clusterPaper, coveredInWords, invitationPaper, planPaper } from './papers';
import { withPictures } from './picture';
import { clusterSvg, placeNames } from './svg';
import { dateInWords, listInWords, ownerInWords, weekInWords } from './words';

const group = Array.from({ length: 16 }, (_, index) => `YP${String(index + 1).padStart(5, '0')}`);
const names = new Map(group.map((ref, index) => [ref, `Young person ${index + 1}`]));
const [first = '', second = '', third = ''] = group;

/** A plan like the demo's: sixteen young people, eight actions, most for the whole group. */
const demoSizedPlan: ActionPlan = {
  ...examples.actionPlan,
  status: 'agreed',
  version: 3,
  updatedAt: '2026-12-03T10:00:00.000Z',
  youngPersonRefs: group,
  actions: Array.from({ length: 8 }, (_, index) => ({
    id: `a${index}`,
    description: 'Youth justice prevention work with the young people of the group',
    ownerAgency: index % 2 ? ('yjs' as const) : ('council' as const),
    ...(index === 0 ? { ownerName: 'Sam Patel' } : {}),
    dueOn: '2026-12-21',
    status: 'not_started' as const,
    coversRefs: index === 7 ? [first, second] : group,
  })),
};

const [action0] = demoSizedPlan.actions;
if (!action0) throw new Error('the demo-sized plan has actions');

describe('dates and owners in words', () => {
  it('writes a day as "3 December 2026", from a date or a timestamp', () => {
    expect(dateInWords('2026-12-03')).toBe('3 December 2026');
    expect(dateInWords('2027-01-04T09:30:00.000Z')).toBe('4 January 2027');
    expect(dateInWords('not a date')).toBe('not a date');
  });

  it('writes a week as the days it runs, across months and years', () => {
    expect(weekInWords('2026-W48')).toBe('23 to 29 November 2026');
    expect(weekInWords('2026-W49')).toBe('30 November to 6 December 2026');
    expect(weekInWords('2026-W53')).toBe('28 December 2026 to 3 January 2027');
  });

  it('names owners in words, never by code', () => {
    expect(ownerInWords('yjs')).toBe('Youth justice service');
    expect(ownerInWords('council')).toBe('Council');
    expect(ownerInWords('social_care')).toBe("Children's social care");
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('the invitation list paper', () => {
  it('dates its session in words', () => {
    const list = { ...examples.invitationList, session: { ...examples.invitationList.session, date: '2026-12-05' } };
    expect(invitationPaper(list, names, 'OFFICIAL-SENSITIVE').title).toBe(
      `Parent Empowerment Session, 5 December 2026 at ${list.session.time}`,
    );
  });
});

describe('whom an action is for', () => {
  it('says "the whole group (16)" for an action that covers every member', () => {
    expect(coveredInWords(group, group, names)).toBe('the whole group (16)');
    expect(coveredInWords([...group].reverse(), group, names)).toBe('the whole group (16)');
  });

  it('names who is left out when it covers all but one or two', () => {
    expect(coveredInWords(group.slice(1), group, names)).toBe('the whole group (16) except Young person 1');
    expect(coveredInWords(group.slice(2), group, names)).toBe(
      'the whole group (16) except Young person 1 and Young person 2',
    );
  });

  it('lists the names of a few, by ref where no name is held', () => {
    expect(coveredInWords([first, third], group, names)).toBe('Young person 1, Young person 3');
    expect(coveredInWords(['YP99999'], group, names)).toBe('YP99999');
    expect(coveredInWords([first], [first], names)).toBe('Young person 1');
  });
});

describe('column widths that fit what the columns hold', () => {
  const plan = planPaper(demoSizedPlan, names, 'OFFICIAL-SENSITIVE', 'Group 1');
  const actions = plan.sections.find((section) => section.heading === 'Actions')?.table;
  if (!actions) throw new Error('the plan has its actions table');
  const shares = columnShares(actions);

  it('gives the action itself the widest column, not six equal ones', () => {
    expect(actions.header).toEqual(['Action', 'Owner', 'Due by', 'Status', 'For']);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 6);
    expect(Math.max(...shares)).toBe(shares[0]);
    expect(new Set(shares.map((share) => share.toFixed(3))).size).toBeGreaterThan(2);
  });

  it('keeps a date and "the whole group (16)" on one line', () => {
    const perEm = 1 / 56;
    expect(shares[2]).toBeGreaterThan(widthOf('21 December 2026') * perEm);
    expect(shares[4]).toBeGreaterThan(widthOf('the whole group (16)') * perEm);
  });

  it('lets a heading wrap rather than widen a column of small numbers', () => {
    const table = {
      header: ['Concern', 'Young people', 'Still open'],
      rows: [['At risk of criminal exploitation, which can begin online or at school', '13', '24']],
    };
    const [concern = 0, people = 0] = columnShares(table);
    expect(concern).toBeGreaterThan(people * 3);
  });
});

describe('the action plan paper', () => {
  const paper = planPaper(demoSizedPlan, names, 'OFFICIAL-SENSITIVE', 'Group 1', examples.cluster, {
    partnershipName: 'South Kent Safeguarding Partnership',
  });
  const html = toHtml(paper);

  it('prints owners in words with their named owner, dates in words and the whole group once', () => {
    const rows = paper.sections.find((s) => s.heading === 'Actions')?.table?.rows ?? [];
    expect(rows[0]).toEqual([
      'Youth justice prevention work with the young people of the group',
      'Council\nSam Patel',
      '21 December 2026',
      'not started',
      'the whole group (16)',
    ]);
    expect(rows[1]?.[1]).toBe('Youth justice service\nto be named');
    expect(rows[7]?.[4]).toBe('Young person 1, Young person 2');
    expect(html).not.toMatch(/>yjs<|>council</);
    expect(html).not.toMatch(/\d{4}-\d\d-\d\d(?!\))/);
  });

  it('says whose paper it is under the title, and its version and agreed date at the foot', () => {
    expect(paper.details?.map((d) => d.label)).toEqual([
      'Partnership',
      'Week mapped',
      'Meeting date',
      'Chair',
      'Status',
      'Young people (16)',
    ]);
    expect(paper.details?.[0]?.value).toBe('South Kent Safeguarding Partnership');
    expect(paper.details?.[1]?.value).toBe(`${weekInWords(examples.cluster.week)} (${examples.cluster.week})`);
    expect(paper.details?.[4]?.value).toBe('Agreed on 3 December 2026 (version 3)');
    expect(paper.footnote).toBe('Action plan version 3, agreed 3 December 2026');
    const draft = planPaper({ ...demoSizedPlan, status: 'draft' }, names, 'OFFICIAL-SENSITIVE', 'Group 1');
    expect(draft.footnote).toBe('Action plan version 3, a draft not yet agreed');
    const reviewed = planPaper(
      { ...demoSizedPlan, status: 'reviewed' },
      names,
      'OFFICIAL-SENSITIVE',
      'Group 1',
      undefined,
      {
        agreedOn: '2026-11-26T10:00:00.000Z',
      },
    );
    expect(reviewed.footnote).toBe('Action plan version 3, agreed 26 November 2026');
  });

  it('explains what the two concern counts count', () => {
    const concerns = paper.sections.find((s) => s.heading === 'Concerns')?.table;
    expect(concerns?.header).toEqual(['Concern', 'Young people', 'Still open', 'In the last 28 days', 'Last recorded']);
    expect(concerns?.note).toMatch(/Still open: not yet closed, whenever recorded\. In the last 28 days: recorded in/);
    const fortnight = planPaper(demoSizedPlan, names, 'M', 'Group 1', examples.cluster, { recentDays: 14 });
    expect(fortnight.sections.find((s) => s.heading === 'Concerns')?.table?.header[3]).toBe('In the last 14 days');
  });

  it('says beside whom an action is for why: the open concern or the place that made the rule apply', () => {
    const plan: ActionPlan = {
      ...demoSizedPlan,
      actions: [
        {
          ...action0,
          id: 'm',
          coversRefs: [first, third],
          basis: { kind: 'concern', categories: ['missing_episode'] },
        },
        {
          ...action0,
          id: 'p',
          coversRefs: [second],
          basis: { kind: 'place', locationRef: 'L1', name: 'Old Mill Yard' },
        },
        { ...action0, id: 'w', coversRefs: group, basis: { kind: 'whole_group' } },
      ],
    };
    const rows = planPaper(plan, names, 'M', 'Group 1').sections.find((s) => s.heading === 'Actions')?.table?.rows;
    expect(rows?.map((row) => row[4])).toEqual([
      'Young person 1, Young person 3\nopen concern: missing from home or care',
      'Young person 2\nseen at Old Mill Yard',
      'the whole group (16)',
    ]);
  });

  it('prints each blaming or labelling word kept with its reason, and never one unexplained', () => {
    const worded: ActionPlan = {
      ...demoSizedPlan,
      summary: 'Staff at the school call them a gang.',
      actions: [{ ...action0, id: 'r', description: 'Running club: in her words, “I was the runner”' }],
      keptWords: [
        {
          phrase: 'runner',
          actionId: 'r',
          reason: 'Her own words, quoted with her agreement.',
          keptBy: 'chair-1',
          keptAt: '2026-12-03T10:00:00.000Z',
        },
      ],
    };
    const sections = planPaper(worded, names, 'M', 'Group 1').sections;
    const said = (heading: string) => sections.find((s) => s.heading === heading)?.paragraphs ?? [];
    expect(said('Words kept, and why')).toEqual([
      '“runner” in the action “Running club: in her words, “I was the runner””: Her own words, quoted with her agreement. (kept by chair-1, 3 December 2026)',
    ]);
    expect(said('Words to change before the plan is agreed')).toEqual([
      '“gang” in the summary blames or labels a child: write “peer group (say who is at risk of exploitation, not who belongs)”, or keep the words with the reason.',
    ]);
    const plain = planPaper(demoSizedPlan, names, 'M', 'Group 1').sections.map((s) => s.heading);
    expect(plain).not.toContain('Words kept, and why');
    expect(plain).not.toContain('Words to change before the plan is agreed');
  });

  it('writes column widths into the Word file from the content, on an A4 page', async () => {
    const zip = await JSZip.loadAsync(await toDocx(paper));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('w:w="11906" w:h="16838"');
    const grid = [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(xml)?.[1] ?? '').matchAll(/w:w="(\d+)"/g)].map(
      ([, width]) => Number(width),
    );
    expect(grid).toHaveLength(5);
    expect(new Set(grid).size).toBeGreaterThan(2);
    const footer = Object.keys(zip.files).find((path) => /^word\/footer\d*\.xml$/.test(path)) ?? '';
    expect(await zip.file(footer)?.async('string')).toContain('Action plan version 3, agreed 3 December 2026');
  });
});

describe('the group picture', () => {
  it('haloes every name and draws the names after every link, so no line crosses a name', () => {
    const svg = clusterSvg(examples.cluster, names);
    const firstText = svg.indexOf('<text');
    expect(svg.slice(0, firstText)).toContain('<line');
    const nameTags = [
      ...svg.slice(firstText).matchAll(/<text [^>]*text-anchor="(start|end|middle)"[^>]*font-size="14"[^>]*>/g),
    ];
    expect(nameTags).toHaveLength(examples.cluster.memberRefs.length);
    for (const [tag] of nameTags) expect(tag).toMatch(/stroke="#ffffff" stroke-width="4"[^>]*paint-order="stroke"/);
    const afterNames = svg.slice(firstText).replace(/<g transform.*?<\/g>/g, '');
    expect(afterNames.match(/<line /g)).toHaveLength(1);
    expect(svg).toContain('font-family="Atkinson Hyperlegible');
  });

  it('tells link kinds apart by dash as well as colour, in a key at a readable size', () => {
    const [member] = examples.cluster.members;
    if (!member || !first || !second) throw new Error('the example has a member');
    const cluster = {
      ...examples.cluster,
      memberRefs: [first, second, third],
      members: [
        {
          ...member,
          ref: first,
          strongestLinks: [
            { ref: second, weight: 2, kind: 'friend' as const, placesSeenTogether: [] },
            { ref: third, weight: 1, kind: 'co_offending' as const, placesSeenTogether: [] },
          ],
        },
      ],
    };
    const svg = clusterSvg(cluster, names);
    const dashes = [...svg.matchAll(/<line [^>]*stroke="(#[0-9A-Fa-f]{6})"[^>]*?(?:stroke-dasharray="([^"]+)")?\/>/g)];
    const friend = dashes.find(([, colour]) => colour === '#009E73');
    const offence = dashes.find(([, colour]) => colour === '#D55E00');
    expect(friend?.[2]).toBeUndefined();
    expect(offence?.[2]).toBe('6 4');
    const keySizes = [...svg.matchAll(/<g transform[^>]*>.*?<text [^>]*font-size="(\d+)"/g)].map(([, size]) =>
      Number(size),
    );
    expect(keySizes.length).toBeGreaterThanOrEqual(3);
    for (const size of keySizes) expect(size).toBeGreaterThanOrEqual(12);
  });

  it('moves a name to a free side when the right side is taken', () => {
    const apart = placeNames(
      [
        { x: 100, y: 100, width: 60 },
        { x: 400, y: 100, width: 60 },
      ],
      14,
    );
    expect(apart.map((p) => p.anchor)).toEqual(['start', 'start']);
    const close = placeNames(
      [
        { x: 100, y: 100, width: 60 },
        { x: 140, y: 100, width: 60 },
      ],
      14,
    );
    expect(close.map((p) => p.anchor)).toEqual(['end', 'start']);
  });

  it('embeds the picture in the Word file as a PNG, with its caption as alternative text', async () => {
    const report = clusterPaper(examples.cluster, names, 'OFFICIAL-SENSITIVE', { partnershipName: 'South Kent' });
    const zip = await JSZip.loadAsync(await toDocx(await withPictures(report)));
    const pictures = Object.keys(zip.files).filter((path) => /^word\/media\/.+\.png$/.test(path));
    expect(pictures).toHaveLength(1);
    const png = (await zip.file(pictures[0] ?? '')?.async('uint8array')) ?? new Uint8Array();
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/descr="[^"]*strongest links inside the group/);
  });
});
