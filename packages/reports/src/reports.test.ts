import { examples, type Location } from '@peermap/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { toHtml } from './document';
import { toDocx } from './docx';
import { locationsGeoJson } from './geo';
import { mapGexf, mapI2Csv } from './network';
import { clusterPaper, invitationCsv, invitationPaper, planPaper } from './papers';
import { neutraliseCell } from './safe';
import { clusterSvg } from './svg';

const HOSTILE_SCRIPT = '<script>alert("x")</script>';
const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example","click")';
const names = new Map([
  ['YP1', HOSTILE_SCRIPT],
  ['YP2', HOSTILE_FORMULA],
]);

const hostileList = {
  ...examples.invitationList,
  invite: examples.invitationList.invite.map((c) => ({ ...c, name: HOSTILE_FORMULA })),
  notInvited: examples.invitationList.notInvited.map((c) => ({ ...c, name: '-2+3' })),
  askConsentFirst: examples.invitationList.askConsentFirst.map((c) => ({ ...c, name: '@SUM(A1)' })),
  session: { ...examples.invitationList.session, venue: HOSTILE_SCRIPT },
};
const hostileCluster = {
  ...examples.cluster,
  label: `Group <b>1</b>`,
  places: examples.cluster.places.map((p) => ({ ...p, name: HOSTILE_SCRIPT })),
};

describe('papers with hostile names', () => {
  it('HTML shows them as text: no element is made from what users typed', () => {
    for (const html of [
      toHtml(
        planPaper({ ...examples.actionPlan, summary: HOSTILE_SCRIPT }, names, 'OFFICIAL-SENSITIVE', HOSTILE_SCRIPT),
      ),
      toHtml(invitationPaper(hostileList, names, 'OFFICIAL-SENSITIVE')),
      toHtml(clusterPaper(hostileCluster, names, 'OFFICIAL-SENSITIVE')),
    ]) {
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<b>1</b>');
      expect(html).toContain('&lt;script&gt;');
      expect(
        html.match(
          /OFFICIAL-SENSITIVE: A safeguarding record of children at risk of harm, not intelligence about offenders\./g,
        )?.length,
      ).toBe(2);
    }
  });

  it('SVG escapes every label and is well-formed XML', () => {
    const svg = clusterSvg(hostileCluster, names);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('SVG keys only the kinds of link it draws, in words about the link', () => {
    const [first, second] = examples.cluster.memberRefs;
    const member = examples.cluster.members[0];
    if (!first || !second || !member) throw new Error('the example cluster has two members');
    const cluster = {
      ...examples.cluster,
      members: [
        {
          ...member,
          ref: first,
          strongestLinks: [{ ref: second, weight: 2, kind: 'co_offending' as const, placesSeenTogether: [] }],
        },
      ],
    };
    const svg = clusterSvg(cluster, names);
    expect(svg).toContain('involved in an offence together (can be a sign of exploitation)');
    expect(svg).not.toContain('co offending');
    expect(svg).not.toContain('>friends<');
  });

  it('CSV neutralises every formula-like cell', () => {
    const csv = invitationCsv(hostileList, 'OFFICIAL-SENSITIVE');
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(','));
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain("'-2+3");
    expect(csv).toContain("'@SUM(A1)");
    expect(neutraliseCell('  =1+1')).toBe("'  =1+1");
    expect(neutraliseCell('Leon K.')).toBe('Leon K.');
  });

  it('DOCX opens: a zip whose word/document.xml parses and holds the text, escaped', async () => {
    const bytes = await toDocx(invitationPaper(hostileList, names, 'OFFICIAL-SENSITIVE'));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toBeDefined();
    expect(XMLValidator.validate(xml ?? '')).toBe(true);
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<script');
    const parsed = new XMLParser().parse(xml ?? '');
    expect(parsed).toHaveProperty('w:document');
    const header = await zip.file('word/header1.xml')?.async('string');
    expect(header).toContain('OFFICIAL-SENSITIVE');
  });
});

describe('the plan paper', () => {
  it("shows a group's concern profile and places beside its actions", () => {
    const paper = planPaper(
      examples.actionPlan,
      new Map([['YP1', 'Leon K.']]),
      'OFFICIAL-SENSITIVE',
      'Group 1',
      examples.cluster,
    );
    expect(paper.sections.map((s) => s.heading)).toEqual(['Summary', 'Actions', 'Concerns', 'Where the group is seen']);
    expect(toHtml(paper)).toContain('Old Mill Yard');
    expect(toHtml(paper)).toContain('Leon K. (YP1)');
  });
});

describe('places as GeoJSON', () => {
  const place = (over: Partial<Location>): Location => ({
    ref: 'LOC1',
    partnershipId: 'p',
    name: 'Old Mill Yard',
    kind: 'abandoned_building',
    sourceAgency: 'police',
    provenance: { recordedBy: 't', recordedAt: '2026-11-01T00:00:00.000Z' },
    version: 1,
    ...over,
  });

  it('follows RFC 7946: a FeatureCollection of Points, longitude first, WGS84 without crs, six decimals at most', () => {
    const collection = locationsGeoJson(
      [
        place({
          position: { latitude: 51.1318543219, longitude: 0.9037751234 },
          gridReference: { easting: 604607, northing: 143198 },
        }),
        place({ ref: 'LOC2', kind: 'online' }),
      ],
      'OFFICIAL-SENSITIVE',
    );
    expect(collection.marking).toBe(
      'OFFICIAL-SENSITIVE: A safeguarding record of children at risk of harm, not intelligence about offenders.',
    );
    expect(collection.type).toBe('FeatureCollection');
    expect(collection).not.toHaveProperty('crs');
    expect(collection.features).toHaveLength(1);
    const [feature] = collection.features;
    expect(feature?.type).toBe('Feature');
    expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [0.903775, 51.131854] });
    const [longitude = 0, latitude = 0] = feature?.geometry.coordinates ?? [];
    expect(Math.abs(longitude)).toBeLessThanOrEqual(180);
    expect(Math.abs(latitude)).toBeLessThanOrEqual(90);
    expect(feature?.properties).toMatchObject({ ref: 'LOC1', easting: 604607 });
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });
});

describe('the map for other tools', () => {
  const people = [
    { ref: 'YP1', displayName: HOSTILE_SCRIPT, status: 'open' as const, educationStatus: 'attending' as const },
    { ref: 'YP2', displayName: HOSTILE_FORMULA, status: 'open' as const, educationStatus: 'attending' as const },
  ];
  const links = [
    {
      personA: 'YP1',
      personB: 'YP2',
      kind: 'friend' as const,
      strength: 3 as const,
      sourceAgency: 'police' as const,
      restricted: false,
    },
  ];
  const restrictedLink = {
    personA: 'YP1',
    personB: 'YP2',
    kind: 'co_offending' as const,
    strength: 2 as const,
    sourceAgency: 'police' as const,
    restricted: true,
    grading: { sourceEvaluation: 2 as const, intelligenceAssessment: 'B' as const, handlingCode: 'C' as const },
  };

  it('GEXF is well-formed XML with the young people and their link', () => {
    const gexf = mapGexf(people, links, 'OFFICIAL-SENSITIVE');
    expect(gexf).toContain('OFFICIAL-SENSITIVE: A safeguarding record of children at risk of harm');
    expect(XMLValidator.validate(gexf)).toBe(true);
    expect(gexf).not.toContain('<script');
    expect(gexf).toContain('YP1');
    expect(gexf).toMatch(/<edge[^>]*source="YP1"[^>]*target="YP2"/);
  });

  it('i2 CSV has one row per link with both entities, formula-like labels neutralised', () => {
    const csv = mapI2Csv(people, links, 'OFFICIAL-SENSITIVE');
    const [marking, header, row] = csv.trim().split('\r\n');
    expect(marking).toBe(
      '"OFFICIAL-SENSITIVE: A safeguarding record of children at risk of harm, not intelligence about offenders."',
    );
    expect(header).toMatch(/^"entity1_id","entity1_type","entity1_label","entity2_id"/);
    expect(row).toContain(`"'=HYPERLINK(`);
    expect(row?.split('","').every((cell) => !cell.startsWith('=') && !cell.startsWith('"='))).toBe(true);
  });

  it('GEXF marks each restricted link with its grading, and says so in its marking', () => {
    const gexf = mapGexf(people, [...links, restrictedLink], 'OFFICIAL-SENSITIVE');
    expect(XMLValidator.validate(gexf)).toBe(true);
    expect(gexf).toContain('THIS FILE HOLDS RESTRICTED POLICE INTELLIGENCE: 1 link marked restricted');
    const edges = [...gexf.matchAll(/<edge [\s\S]*?<\/edge>/g)].map(([edge]) => edge);
    expect(edges).toHaveLength(2);
    const restricted = edges.find((edge) => edge.includes('involved in an offence together'));
    expect(restricted).toMatch(/value="true"/);
    expect(restricted).toContain('value="2"');
    expect(restricted).toContain('value="B"');
    expect(restricted).toContain('value="C"');
    expect(mapGexf(people, links, 'OFFICIAL-SENSITIVE')).not.toContain('RESTRICTED POLICE INTELLIGENCE');
  });

  it("i2 CSV gives each link the papers' words, i2 strength and grades, and flags the restricted ones", () => {
    const csv = mapI2Csv(people, [...links, restrictedLink], 'OFFICIAL-SENSITIVE');
    const [marking, header, shared, restricted] = csv.trim().split('\r\n');
    expect(marking).toContain('THIS FILE HOLDS RESTRICTED POLICE INTELLIGENCE: 1 link marked restricted');
    expect(header).toContain(
      '"link_type","link_strength","link_weight","first_seen","last_seen","source_agency","restricted","grade_1","grade_2","grade_3"',
    );
    expect(shared).toMatch(/"friends","Unconfirmed","3",.*"police",,,,$/);
    expect(restricted).toMatch(
      /"involved in an offence together \(can be a sign of exploitation\)","Unconfirmed","2",.*"police","restricted","2","B","C"$/,
    );
  });
});
