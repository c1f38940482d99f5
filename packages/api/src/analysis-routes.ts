import { endpoint } from '@peermap/contract';
import {
  AnalysisRequest,
  type AnalysisSnapshot,
  type ClusterSnapshot,
  ConflictError,
  ERASED_PERSON,
  IsoWeek,
  isErasureMarker,
  linkKindLabel,
  mapWithConcurrency,
  NotFoundError,
  READ_CONCURRENCY,
  RELATIONSHIP_KIND_LABELS,
  RecordId,
} from '@peermap/domain';
import { type AnyRoute, NO_SUBJECTS, route, type Subjects } from '@peermap/http';
import { clusterTrends, meetingAgenda } from '@peermap/planning';
import * as z from 'zod';
import { clusterWeeks, GIVEN_UP, RUN_GIVEN_UP_AFTER_MS, requestAnalysis } from './analysis';
import type { ApiDeps } from './deps';
import { PageQuery, pageRequest } from './paging';
import { owedToFamiliesOf } from './session-follow-ups';

const ClusterId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'a cluster id: letters, digits and dashes');

/** Display names of the given young people only: a page names who it shows, and reads no one else. */
export function nameLookup(deps: ApiDeps) {
  return async (partnershipId: string, refs: readonly string[]): Promise<Record<string, string>> => {
    const unique = [...new Set(refs)];
    const people = await mapWithConcurrency(
      unique.filter((ref) => !isErasureMarker(ref)),
      READ_CONCURRENCY,
      (ref) => deps.store.youngPeople.get(partnershipId, ref),
    );
    return Object.fromEntries([
      ...unique.filter(isErasureMarker).map((marker) => [marker, ERASED_PERSON]),
      ...people.flatMap((person) => (person ? [[person.ref, person.displayName]] : [])),
    ]);
  };
}

/** Every young person a cluster's report names: members, links, bridges and tensions. */
function subjectsOf(clusters: readonly ClusterSnapshot[]): Subjects {
  const refs = new Set(
    clusters.flatMap((c) => [
      ...c.memberRefs,
      ...c.members.flatMap((m) => m.strongestLinks.map((link) => link.ref)),
      ...c.bridges.flatMap((b) => b.pairs.map((pair) => pair.outside)),
      ...c.tensions.map((t) => t.other),
      ...c.change.joined,
      ...c.change.left,
    ]),
  );
  return { youngPeople: [...refs].sort(), carers: [] };
}

function summarySubjects(snapshot: AnalysisSnapshot): Subjects {
  const summary = snapshot.summary;
  if (!summary) return NO_SUBJECTS;
  const refs = new Set([
    ...summary.onTheirOwn,
    ...summary.smallGroups.flat(),
    ...summary.ended.flatMap((e) => e.memberRefs),
  ]);
  return { youngPeople: [...refs].sort(), carers: [] };
}

/**
 * A run as it is answered: one still queued or running long after any function could have
 * finished it (its function was stopped without recording why) is shown as failed.
 */
export function presentRun(run: AnalysisSnapshot, now: Date): AnalysisSnapshot {
  const open = run.status === 'queued' || run.status === 'running';
  if (!open || now.getTime() - Date.parse(run.createdAt) < RUN_GIVEN_UP_AFTER_MS) return run;
  return { ...run, status: 'failed', failureReason: GIVEN_UP };
}

/** The peer-group analysis: start a run, follow it, read its clusters. */
export function analysisRoutes(deps: ApiDeps): AnyRoute[] {
  const namesOf = nameLookup(deps);
  const completedOf = async (partnershipId: string, week: string, analysisId: string | undefined) => {
    const snapshot = analysisId
      ? await deps.store.analyses.get(partnershipId, analysisId)
      : await deps.store.analyses.latestCompleted(partnershipId, week);
    if (!snapshot || snapshot.week !== week) throw new NotFoundError('completed analysis of', week);
    if (snapshot.status !== 'completed') {
      throw new ConflictError(`The analysis ${snapshot.id} is ${snapshot.status}; its clusters are not ready.`);
    }
    return snapshot;
  };

  return [
    route({
      ...endpoint('POST', '/v1/analyses'),
      summary:
        "Start the peer-group analysis of a week's map for a stated purpose; answers 202 with the run to follow at /v1/analyses/{id}",
      permission: 'analyses:run',
      resource: 'analyses',
      action: 'analyse',
      body: AnalysisRequest,
      handle: async ({ principal, body }) => {
        const snapshot = await requestAnalysis(deps.store, deps.analysisRunner, {
          partnershipId: principal.partnershipId,
          request: body,
          requestedBy: principal.userId,
          requestedByRole: principal.role,
          now: deps.now(),
        });
        return {
          status: 202,
          body: snapshot,
          headers: { location: `/v1/analyses/${snapshot.id}` },
          subjects: NO_SUBJECTS,
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/analyses'),
      summary: 'The analysis runs of your partnership, newest first',
      permission: 'analyses:read',
      resource: 'analyses',
      action: 'list',
      query: PageQuery,
      handle: async ({ principal, query }) => {
        const page = await deps.store.analyses.list(principal.partnershipId, pageRequest(query));
        const items = page.items
          .map((stored) => presentRun(stored, deps.now()))
          .map((run) => ({
            id: run.id,
            week: run.week,
            purpose: run.purpose,
            status: run.status,
            requestedBy: run.requestedBy,
            createdAt: run.createdAt,
            ...(run.completedAt ? { completedAt: run.completedAt } : {}),
            ...(run.summary
              ? { clusterCount: run.summary.clusterCount, meanStability: run.summary.meanStability }
              : {}),
            ...(run.failureReason ? { failureReason: run.failureReason } : {}),
          }));
        return { status: 200, body: { ...page, items }, subjects: NO_SUBJECTS };
      },
    }),
    route({
      ...endpoint('GET', '/v1/analyses/{id}'),
      summary: 'A run: its status, purpose, parameters and, once completed, its summary',
      permission: 'analyses:read',
      resource: 'analyses',
      action: 'read',
      params: z.strictObject({ id: RecordId }),
      handle: async ({ principal, params }) => {
        const snapshot = await deps.store.analyses.get(principal.partnershipId, params.id);
        if (!snapshot) throw new NotFoundError('analysis', params.id);
        return { status: 200, body: presentRun(snapshot, deps.now()), subjects: summarySubjects(snapshot) };
      },
    }),
    route({
      ...endpoint('GET', '/v1/clusters'),
      summary:
        "A week's clusters in the order the meeting discusses them (recent concerns, change, places of concern, size; each factor shown), from the latest completed analysis of the week (or ?analysisId=); and the follow-ups still owed to families after sessions, one line a session, naming no carer",
      permission: 'analyses:read',
      resource: 'clusters',
      action: 'list',
      query: z.strictObject({ week: IsoWeek, analysisId: RecordId.optional() }),
      handle: async ({ principal, query }) => {
        const snapshot = await completedOf(principal.partnershipId, query.week, query.analysisId);
        const clusters = await deps.store.analyses.clusters(principal.partnershipId, snapshot.id);
        const agenda = meetingAgenda(clusters);
        const byId = new Map(clusters.map((c) => [c.clusterId, c]));
        const ordered = agenda.flatMap((item) => {
          const cluster = byId.get(item.clusterId);
          return cluster ? [{ cluster, item }] : [];
        });
        const named = clusters.flatMap((c) => [...c.memberRefs, ...c.change.left]);
        return {
          status: 200,
          body: {
            analysisId: snapshot.id,
            week: snapshot.week,
            names: await namesOf(principal.partnershipId, named),
            owedToFamilies: await owedToFamiliesOf(deps.store, principal.partnershipId, deps.now()),
            clusters: ordered.map(({ cluster: c, item }) => ({
              clusterId: c.clusterId,
              label: c.label,
              size: c.memberRefs.length,
              memberRefs: c.memberRefs,
              stability: c.stability,
              weak: c.weak,
              change: {
                status: c.change.status,
                joined: c.change.joined,
                left: c.change.left,
                previousClusterIds: c.change.previousClusterIds,
              },
              narrative: c.narrative,
              agenda: { position: item.position, factors: item.factors },
            })),
          },
          subjects: { youngPeople: [...new Set(named)].sort(), carers: [] },
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/clusters/{id}'),
      summary:
        "A cluster's report: why each member is in it, how sure, what changed, its places, concerns and strengths; its latest week, or ?week=",
      permission: 'analyses:read',
      resource: 'clusters',
      action: 'read',
      params: z.strictObject({ id: ClusterId }),
      query: z.strictObject({ week: IsoWeek.optional() }),
      handle: async ({ principal, params, query }) => {
        const history = await clusterWeeks(deps.store, principal.partnershipId, params.id);
        const week = query.week ?? history[0]?.week;
        const cluster = history.find((c) => c.week === week);
        if (!cluster) throw new NotFoundError('cluster', query.week ? `${params.id} in ${query.week}` : params.id);
        return {
          status: 200,
          body: {
            cluster,
            history: history.map((c) => ({
              week: c.week,
              analysisId: c.analysisId,
              size: c.memberRefs.length,
              status: c.change.status,
            })),
            linkKindLabels: { ...RELATIONSHIP_KIND_LABELS, seen_together: linkKindLabel(undefined) },
            names: await namesOf(principal.partnershipId, subjectsOf([cluster]).youngPeople),
          },
          subjects: subjectsOf([cluster]),
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/clusters/{id}/trends'),
      summary:
        'A cluster week by week: members, missing episodes, young people out of education, incidents, invitations and attendance',
      permission: 'analyses:read',
      resource: 'clusters',
      action: 'read',
      params: z.strictObject({ id: ClusterId }),
      handle: async ({ principal, params }) => {
        const p = principal.partnershipId;
        const weeks = await clusterWeeks(deps.store, p, params.id);
        const [latest] = weeks;
        if (!latest) throw new NotFoundError('cluster', params.id);
        const everyone = [...new Set(weeks.flatMap((w) => w.memberRefs))].sort();
        const [concerns, lists] = await Promise.all([
          mapWithConcurrency(everyone, READ_CONCURRENCY, (ref) => deps.store.concerns.ofPerson(p, ref)),
          deps.store.invitationLists.ofCluster(p, params.id),
        ]);
        const concernsOf = new Map(everyone.map((ref, index) => [ref, concerns[index] ?? []]));
        return {
          status: 200,
          body: { clusterId: params.id, label: latest.label, weeks: clusterTrends(weeks, concernsOf, lists) },
          subjects: { youngPeople: everyone, carers: [] },
        };
      },
    }),
  ];
}
