import { endpoint } from '@peermap/contract';
import { type AnalysisSnapshot, isoWeekDays, mapWithConcurrency, READ_CONCURRENCY } from '@peermap/domain';
import { type AnyRoute, route } from '@peermap/http';
import { weekFigures } from '@peermap/planning';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { everyItem } from './paging';

/** Reports about the map as a whole: counts only, no child named. */
export function reportRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    route({
      ...endpoint('GET', '/v1/reports/disproportionality'),
      summary:
        'Who is on the map and in clusters, by ethnicity, sex and age band, against the partnership’s cohort, week by week (the latest ?weeks=, default 8)',
      permission: 'reports:read',
      resource: 'reports',
      action: 'read',
      query: z.strictObject({ weeks: z.coerce.number().int().min(1).max(52).default(8) }),
      handle: async ({ principal, query }) => {
        const p = principal.partnershipId;
        const [partnership, map, runs] = await Promise.all([
          deps.store.partnerships.get(p),
          deps.store.mapReader.wholeMap(p),
          latestRunPerWeek(deps, p, query.weeks),
        ]);
        const people = new Map(map.youngPeople.map((person) => [person.ref, person]));
        const weeks = await mapWithConcurrency(runs, READ_CONCURRENCY, async (run) => {
          const clusters = await deps.store.analyses.clusters(p, run.id);
          const inClusterRefs = clusters.flatMap((c) => c.memberRefs);
          const onTheirOwn = [...(run.summary?.onTheirOwn ?? []), ...(run.summary?.smallGroups.flat() ?? [])];
          const figures = weekFigures({
            week: run.week,
            weekEnds: isoWeekDays(run.week).lastDay,
            onMapRefs: [...new Set([...inClusterRefs, ...onTheirOwn])],
            inClusterRefs,
            people,
            cohort: partnership?.cohort,
          });
          return { ...figures, partial: run.summary?.listsShortened === true };
        });
        return {
          status: 200,
          body: { cohort: partnership?.cohort ? { source: partnership.cohort.source } : null, weeks },
          // Counts only leave: the report names nobody, though every record was read to count it.
          subjects: { youngPeople: [], carers: [] },
        };
      },
    }),
  ];
}

/** The latest completed run of each of the most recent weeks, newest week first. */
async function latestRunPerWeek(deps: ApiDeps, partnershipId: string, weeks: number): Promise<AnalysisSnapshot[]> {
  const runs = await everyItem((page) => deps.store.analyses.list(partnershipId, page));
  const byWeek = new Map<string, AnalysisSnapshot>();
  for (const run of runs.filter((r) => r.status === 'completed')) {
    const held = byWeek.get(run.week);
    if (!held || (run.completedAt ?? '') > (held.completedAt ?? '')) byWeek.set(run.week, run);
  }
  return [...byWeek.values()].sort((a, b) => (a.week < b.week ? 1 : -1)).slice(0, weeks);
}
