import type { Relationship, YoungPerson } from '@peermap/domain';
import Graph from 'graphology';
import { write } from 'graphology-gexf';
import { toCsv } from './csv';
import { markingLine } from './document';

type Person = Pick<YoungPerson, 'ref' | 'displayName' | 'status' | 'educationStatus'>;
type Link = Pick<Relationship, 'personA' | 'personB' | 'kind' | 'strength' | 'firstSeen' | 'lastSeen' | 'sourceAgency'>;

/** The map as GEXF 1.3 for Gephi: young people as nodes, relationships as edges with their kind and strength. */
export function mapGexf(people: readonly Person[], links: readonly Link[], marking: string): string {
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({ creator: 'peermap', description: markingLine(marking) });
  for (const person of people) {
    graph.addNode(person.ref, { label: person.displayName, status: person.status, education: person.educationStatus });
  }
  for (const link of links) {
    if (!graph.hasNode(link.personA) || !graph.hasNode(link.personB)) continue;
    graph.addEdge(link.personA, link.personB, {
      kind: link.kind,
      weight: link.strength,
      first_seen: link.firstSeen ?? '',
      last_seen: link.lastSeen ?? '',
      source_agency: link.sourceAgency,
    });
  }
  return write(graph, { version: '1.3' });
}

/**
 * The map as one CSV of links, the tabular form i2 Analyst's Notebook imports (each row: two
 * entities with their type and label, and the link between them). Cells are neutralised.
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
      l.kind,
      l.strength,
      l.firstSeen ?? '',
      l.lastSeen ?? '',
      l.sourceAgency,
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
      'first_seen',
      'last_seen',
      'source_agency',
    ],
    rows,
    marking,
  );
}
