import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SheetName } from '@peermap/domain';
import { readWeek } from '@peermap/ingest';
// The demo's own list of weeks, beside its files: the package is not a dependency of this one.
import { DEMO_WEEKS } from '../../local/demo/weeks';
import type { WeekMap } from './peer-graph';

export { DEMO_WEEKS };

const DEMO_FOLDER = join(import.meta.dirname, '..', '..', 'local', 'demo');

/**
 * The map as it stands after each demo week is uploaded, the way the store holds it: state
 * records replaced by key, events added. For tests of the pure analysis without a database.
 */
export function demoMaps(): WeekMap[] {
  const held = {
    youngPeople: new Map<string, WeekMap['youngPeople'][number]>(),
    relationships: new Map<string, WeekMap['relationships'][number]>(),
    locations: new Map<string, WeekMap['locations'][number]>(),
    sightings: new Map<string, WeekMap['sightings'][number]>(),
    concerns: new Map<string, WeekMap['concerns'][number]>(),
  };
  return DEMO_WEEKS.map(({ folder }) => {
    const sheets = Object.fromEntries(
      SheetName.options.map((sheet) => [sheet, readFileSync(join(DEMO_FOLDER, folder, `${sheet}.csv`), 'utf8')]),
    );
    const { records, problems } = readWeek(sheets, {
      partnershipId: 'demo',
      provenance: { recordedBy: 'demo', recordedAt: '2026-11-28T00:00:00.000Z' },
    });
    if (problems.length > 0) throw new Error(`demo ${folder}: ${problems[0]?.message}`);
    for (const r of records.youngPeople) held.youngPeople.set(r.ref, r);
    for (const r of records.relationships) held.relationships.set(`${r.personA}|${r.personB}`, r);
    for (const r of records.locations) held.locations.set(r.ref, r);
    for (const r of records.sightings)
      held.sightings.set(`${r.personRef}|${r.locationRef}|${r.seenOn}|${r.sourceAgency}`, r);
    for (const r of records.concerns)
      held.concerns.set(`${r.personRef}|${r.category}|${r.occurredOn}|${r.sourceAgency}`, r);
    return {
      youngPeople: [...held.youngPeople.values()],
      relationships: [...held.relationships.values()],
      locations: [...held.locations.values()],
      sightings: [...held.sightings.values()],
      concerns: [...held.concerns.values()],
    };
  });
}
