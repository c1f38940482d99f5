import { endpoint } from '@peermap/contract';
import {
  type AnalysisSnapshot,
  can,
  ForbiddenError,
  IsoDate,
  isoWeekDays,
  mapWithConcurrency,
  PARTNERSHIP_DEFAULTS,
  READ_CONCURRENCY,
} from '@peermap/domain';
import { type AnyRoute, route } from '@peermap/http';
import { weekFigures } from '@peermap/planning';
import { outcomesCsv, outcomesPaper, toDocx, withPictures } from '@peermap/reports';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { outcomesOf } from './outcomes';
import { everyItem } from './paging';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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
    parentSessionOutcomesRoute(deps),
  ];
}

/**
 * `GET /v1/reports/parent-sessions`: what the sessions of a period achieved, for a funder (DOCX),
 * an analyst (CSV) or the page. Counts only, small ones suppressed; the audit names everyone whose
 * records were read to count it, as the sessions list does.
 */
function parentSessionOutcomesRoute(deps: ApiDeps): AnyRoute {
  return route({
    ...endpoint('GET', '/v1/reports/parent-sessions'),
    summary:
      'What Parent Empowerment Sessions achieved from ?from= to ?to= (at most 3 years): sessions, families invited, reached and attending, reasons for not inviting (counted), follow-ups, paired measures, costs, children’s trends; counts from 1 to 4 read "fewer than 5". JSON, or ?format=docx|csv',
    permission: 'outcomes:read',
    resource: 'reports',
    action: 'read',
    query: z.strictObject({
      from: IsoDate,
      to: IsoDate,
      weeks: z.coerce.number().int().min(1).max(26).optional(),
      format: z.enum(['json', 'docx', 'csv']).default('json'),
    }),
    handle: async ({ principal, query }) => {
      if (query.format !== 'json' && !can(principal.role, 'exports:create')) throw new ForbiddenError('exports:create');
      const p = principal.partnershipId;
      const { outcomes, subjects } = await outcomesOf(deps.store, { partnershipId: p, ...query, now: deps.now() });
      if (query.format === 'json') return { status: 200, body: outcomes, subjects };
      const partnership = await deps.store.partnerships.get(p);
      const marking = partnership?.handlingMarking ?? PARTNERSHIP_DEFAULTS.handlingMarking;
      const name = `parent-sessions-${query.from}-to-${query.to}`;
      const file =
        query.format === 'csv'
          ? {
              contentType: 'text/csv; charset=utf-8',
              filename: `${name}.csv`,
              bytes: new TextEncoder().encode(outcomesCsv(outcomes, marking)),
            }
          : {
              contentType: DOCX,
              filename: `${name}.docx`,
              bytes: await toDocx(await withPictures(outcomesPaper(outcomes, marking, partnership?.name))),
            };
      return { status: 200, file, subjects };
    },
  });
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
