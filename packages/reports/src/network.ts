import { type IntelligenceGrading, linkKindLabel, type Relationship, type YoungPerson } from '@peermap/domain';
import Graph from 'graphology';
import { write } from 'graphology-gexf';
import { toCsv } from './csv';
import { markingLine } from './document';

type Person = Pick<YoungPerson, 'ref' | 'displayName' | 'status' | 'educationStatus'>;
type Link = Pick<
  Relationship,
  'personA' | 'personB' | 'kind' | 'strength' | 'firstSeen' | 'lastSeen' | 'sourceAgency' | 'restricted' | 'grading'
>;

/**
 * What a network export adds to its marking when it holds restricted police intelligence:
 * how much, and how it must be handled, so nobody mistakes a police analyst's file for one
 * to pass round the meeting.
 */
export function restrictedHandlingNote(links: readonly Pick<Link, 'restricted'>[]): string | undefined {
  const restricted = links.filter((link) => link.restricted).length;
  if (restricted === 0) return undefined;
  const count = restricted === 1 ? '1 link' : `${restricted} links`;
  return `THIS FILE HOLDS RESTRICTED POLICE INTELLIGENCE: ${count} marked restricted, with their 3x5x2 grading, for police analysts only; handle each by its handling code.`;
}

/**
 * i2 Analyst's Notebook's link strengths, from how the police graded the intelligence:
 * A (known to be true) is Confirmed, B and C Unconfirmed, D and E Tentative; a partner's
 * ungraded record is Unconfirmed.
 */
export function i2LinkStrength(grading: IntelligenceGrading | undefined): 'Confirmed' | 'Unconfirmed' | 'Tentative' {
  if (!grading) return 'Unconfirmed';
  if (grading.intelligenceAssessment === 'A') return 'Confirmed';
  return grading.intelligenceAssessment === 'B' || grading.intelligenceAssessment === 'C' ? 'Unconfirmed' : 'Tentative';
}

/**
 * The map as GEXF 1.3 for Gephi: young people as nodes, relationships as edges with their
 * kind in the papers' words, strength, source, and for police intelligence whether it is
 * restricted and its 3x5x2 grading.
 */
export function mapGexf(people: readonly Person[], links: readonly Link[], marking: string): string {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  const note = restrictedHandlingNote(links);
  graph.replaceAttributes({ creator: 'peermap', description: [markingLine(marking), note].filter(Boolean).join(' ') });
  for (const person of people) {
    graph.addNode(person.ref, { label: person.displayName, status: person.status, education: person.educationStatus });
  }
  for (const link of links) {
    if (!graph.hasNode(link.personA) || !graph.hasNode(link.personB)) continue;
    graph.addEdge(link.personA, link.personB, {
      label: linkKindLabel(link.kind),
      kind: link.kind,
      weight: link.strength,
      first_seen: link.firstSeen ?? '',
      last_seen: link.lastSeen ?? '',
      source_agency: link.sourceAgency,
      restricted: link.restricted,
      source_evaluation: link.grading ? String(link.grading.sourceEvaluation) : '',
      intelligence_assessment: link.grading?.intelligenceAssessment ?? '',
      handling_code: link.grading?.handlingCode ?? '',
    });
  }
  return write(graph, { version: '1.3' });
}

/**
 * The map as one CSV of links, the tabular form i2 Analyst's Notebook imports (each row: two
 * entities with their type and label, and the link between them). `link_strength` holds
 * i2's strength names and `grade_1`-`grade_3` its three grading fields (source evaluation,
 * intelligence assessment, handling code). Cells are neutralised.
 */
export function mapI2Csv(people: readonly Person[], links: readonly Link[], marking: string): string {
  const label = new Map(people.map((p) => [p.ref, p.displayName]));
  const rows = links
    .filter((l) => label.has(l.personA) && label.has(l.personB))
    .map((l) => [
      l.personA,
      'Young person',
      label.get(l.personA),
      l.personB,
      'Young person',
      label.get(l.personB),
      linkKindLabel(l.kind),
      i2LinkStrength(l.grading),
      l.strength,
      l.firstSeen ?? '',
      l.lastSeen ?? '',
      l.sourceAgency,
      l.restricted ? 'restricted' : '',
      l.grading ? String(l.grading.sourceEvaluation) : '',
      l.grading?.intelligenceAssessment ?? '',
      l.grading?.handlingCode ?? '',
    ]);
  return toCsv(
    [
      'entity1_id',
      'entity1_type',
      'entity1_label',
      'entity2_id',
      'entity2_type',
      'entity2_label',
      'link_type',
      'link_strength',
      'link_weight',
      'first_seen',
      'last_seen',
      'source_agency',
      'restricted',
      'grade_1',
      'grade_2',
      'grade_3',
    ],
    rows,
    marking,
    restrictedHandlingNote(links),
  );
}
