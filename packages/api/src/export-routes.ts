import { endpoint } from '@peermap/contract';
import {
  type ActionPlan,
  can,
  ForbiddenError,
  type InvitationList,
  IsoWeek,
  mapWithConcurrency,
  NotFoundError,
  PARTNERSHIP_DEFAULTS,
  READ_CONCURRENCY,
  RecordId,
  type Role,
} from '@peermap/domain';
import { type AnyRoute, NO_SUBJECTS, type RouteResponse, route } from '@peermap/http';
import {
  clusterPaper,
  clusterSvg,
  invitationCsv,
  invitationPaper,
  locationsGeoJson,
  mapGexf,
  mapI2Csv,
  planPaper,
  type ReportDocument,
  toDocx,
  toHtml,
  withPictures,
} from '@peermap/reports';
import * as z from 'zod';
import { currentCluster } from './analysis';
import type { ApiDeps } from './deps';
import { currentList } from './planning';
import { listFor } from './planning-routes';
import { owedLines } from './session-follow-ups';
import { refuseUnapproved } from './session-safety';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PaperFormat = z.enum(['docx', 'html']).default('html');
const ClusterId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'a cluster id');

/** Exports are a right of their own, on top of reading what is exported. */
export function mayExport(role: Role): void {
  if (!can(role, 'exports:create')) throw new ForbiddenError('exports:create');
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A paper as the file asked for: DOCX for the meeting to edit, or print-friendly HTML. */
export async function paperFile(document: ReportDocument, format: 'docx' | 'html', name: string) {
  return format === 'docx'
    ? { contentType: DOCX, filename: `${name}.docx`, bytes: await toDocx(await withPictures(document)) }
    : { contentType: 'text/html; charset=utf-8', filename: `${name}.html`, bytes: bytesOf(toHtml(document)) };
}

/** Papers for the meeting and files for other tools, under the same redaction as the API. */
export function exportRoutes(deps: ApiDeps): AnyRoute[] {
  const marking = async (partnershipId: string) =>
    (await deps.store.partnerships.get(partnershipId))?.handlingMarking ?? PARTNERSHIP_DEFAULTS.handlingMarking;
  const namesOf = async (partnershipId: string, refs: readonly string[]) => {
    const unique = [...new Set(refs)];
    const people = await mapWithConcurrency(unique, READ_CONCURRENCY, (ref) =>
      deps.store.youngPeople.get(partnershipId, ref),
    );
    return new Map(people.flatMap((person) => (person ? [[person.ref, person.displayName] as const] : [])));
  };
  /** What the papers print beyond the record: the partnership's name and how far back the analysis saw "recent". */
  const paperContext = async (partnershipId: string, analysisId: string | undefined) => {
    const partnership = await deps.store.partnerships.get(partnershipId);
    const analysis = analysisId ? await deps.store.analyses.get(partnershipId, analysisId) : undefined;
    return {
      partnershipName: partnership?.name,
      recentDays: analysis?.parameters?.recentDays,
      languagePhrases: partnership?.languagePhrases,
    };
  };
  /** What a plan is for, as its paper's title names it: a peer group, a place, or a parent group by its name. */
  const planSubjectOf = async (partnershipId: string, plan: ActionPlan) => {
    if (plan.parentGroupId) {
      const group = await deps.store.parentGroups.get(partnershipId, plan.parentGroupId);
      return group?.name ?? 'a parent group';
    }
    return plan.clusterId ? `group ${plan.clusterId}` : `place ${plan.locationRef}`;
  };
  /** When the plan was last agreed: now, or for a reviewed plan the latest agreed version in its history. */
  const agreedOn = async (partnershipId: string, plan: ActionPlan) => {
    if (plan.status !== 'reviewed') return plan.status === 'agreed' ? plan.updatedAt : undefined;
    const versions = await deps.store.actionPlans.versions(partnershipId, plan.id);
    return versions.findLast((version) => version.status === 'agreed')?.updatedAt;
  };
  /** The lines owed to families after these sessions, for the meeting's paper (counts, no carer named). */
  const owedOf = async (sessions: Promise<InvitationList[]>) =>
    owedLines(await sessions, deps.now()).map((line) => line.text);
  /** A plan's sessions are its group's, its place's or its parent group's. */
  const owedOfPlan = (partnershipId: string, plan: ActionPlan) => {
    const lists = deps.store.invitationLists;
    if (plan.clusterId) return owedOf(lists.ofCluster(partnershipId, plan.clusterId));
    if (plan.locationRef) return owedOf(lists.ofLocation(partnershipId, plan.locationRef));
    if (plan.parentGroupId) return owedOf(lists.ofParentGroup(partnershipId, plan.parentGroupId));
    return Promise.resolve([]);
  };
  const file = (bytes: RouteResponse['file'], subjects: RouteResponse['subjects'], restricted = false) => ({
    status: 200,
    ...(bytes ? { file: bytes } : {}),
    subjects,
    restricted,
  });

  return [
    route({
      ...endpoint('GET', '/v1/action-plans/{id}/export'),
      summary: 'An action plan as the meeting paper: DOCX (?format=docx) or print-friendly HTML',
      permission: 'plans:read',
      resource: 'action-plans',
      action: 'export',
      params: z.strictObject({ id: RecordId }),
      query: z.strictObject({ format: PaperFormat }),
      handle: async ({ principal, params, query }) => {
        mayExport(principal.role);
        const p = principal.partnershipId;
        const plan = await deps.store.actionPlans.get(p, params.id);
        if (!plan) throw new NotFoundError('action plan', params.id);
        const refs = [...(plan.youngPersonRefs ?? []), ...plan.actions.flatMap((a) => a.coversRefs)];
        const subject = await planSubjectOf(p, plan);
        const clusters = plan.analysisId ? await deps.store.analyses.clusters(p, plan.analysisId) : [];
        const cluster = clusters.find((c) => c.clusterId === plan.clusterId);
        const context = {
          ...(await paperContext(p, plan.analysisId)),
          agreedOn: await agreedOn(p, plan),
          owedToFamilies: await owedOfPlan(p, plan),
        };
        const names = await namesOf(p, refs);
        const document = planPaper(plan, names, await marking(p), cluster?.label ?? subject, cluster, context);
        return file(await paperFile(document, query.format, `action-plan-${plan.id}`), {
          youngPeople: [...new Set(refs)].sort(),
          carers: [],
        });
      },
    }),
    route({
      ...endpoint('GET', '/v1/invitation-lists/{id}/export'),
      summary:
        "An invitation list: DOCX, print-friendly HTML, or CSV (?format=csv, formula-like cells neutralised); refused (409) until the session's risk assessment is approved",
      permission: 'invitations:read',
      resource: 'invitation-lists',
      action: 'export',
      params: z.strictObject({ id: RecordId }),
      query: z.strictObject({ format: z.enum(['docx', 'html', 'csv']).default('html') }),
      handle: async ({ principal, params, query }) => {
        mayExport(principal.role);
        const p = principal.partnershipId;
        const stored = await deps.store.invitationLists.get(p, params.id);
        if (!stored) throw new NotFoundError('invitation list', params.id);
        const current = await currentList(deps.store, stored, deps.now());
        refuseUnapproved(current);
        const list = listFor(principal.role, current);
        const subjects = {
          youngPeople: [...list.youngPersonRefs],
          carers: [...list.invite, ...list.askConsentFirst, ...list.notInvited].map((c) => c.carerRef),
        };
        if (query.format === 'csv') {
          const csv = {
            contentType: 'text/csv; charset=utf-8',
            filename: `invitation-list-${list.id}.csv`,
            bytes: bytesOf(invitationCsv(list, await marking(p))),
          };
          return file(csv, subjects);
        }
        const document = invitationPaper(list, await namesOf(p, list.youngPersonRefs), await marking(p));
        return file(await paperFile(document, query.format, `invitation-list-${list.id}`), subjects);
      },
    }),
    route({
      ...endpoint('GET', '/v1/clusters/{id}/report'),
      summary: "A cluster's report with a picture of the group: HTML (with SVG) or DOCX; its latest week, or ?week=",
      permission: 'analyses:read',
      resource: 'clusters',
      action: 'export',
      params: z.strictObject({ id: ClusterId }),
      query: z.strictObject({ format: PaperFormat, week: IsoWeek.optional() }),
      handle: async ({ principal, params, query }) => {
        mayExport(principal.role);
        const p = principal.partnershipId;
        const cluster = await currentCluster(deps.store, p, params.id, query.week);
        const refs = [...cluster.memberRefs, ...cluster.members.flatMap((m) => m.strongestLinks.map((l) => l.ref))];
        const context = {
          ...(await paperContext(p, cluster.analysisId)),
          owedToFamilies: await owedOf(deps.store.invitationLists.ofCluster(p, cluster.clusterId)),
        };
        const document = clusterPaper(cluster, await namesOf(p, refs), await marking(p), context);
        return file(await paperFile(document, query.format, `cluster-${cluster.clusterId}-${cluster.week}`), {
          youngPeople: [...new Set(refs)].sort(),
          carers: [],
        });
      },
    }),
    route({
      ...endpoint('GET', '/v1/clusters/{id}/picture'),
      summary:
        'The group as a picture (SVG laid out on the server: members, their strongest links by kind, the places they are seen); its latest week, or ?week=',
      permission: 'analyses:read',
      resource: 'clusters',
      action: 'read',
      params: z.strictObject({ id: ClusterId }),
      query: z.strictObject({ week: IsoWeek.optional() }),
      handle: async ({ principal, params, query }) => {
        const p = principal.partnershipId;
        const cluster = await currentCluster(deps.store, p, params.id, query.week);
        const refs = [...cluster.memberRefs, ...cluster.members.flatMap((m) => m.strongestLinks.map((l) => l.ref))];
        const svg = clusterSvg(cluster, await namesOf(p, refs));
        return file(
          { contentType: 'image/svg+xml', filename: `cluster-${cluster.clusterId}.svg`, bytes: bytesOf(svg) },
          { youngPeople: [...new Set(refs)].sort(), carers: [] },
        );
      },
    }),
    route({
      ...endpoint('GET', '/v1/exports/locations'),
      summary: 'Places as GeoJSON (RFC 7946) for GIS',
      permission: 'locations:read',
      resource: 'locations',
      action: 'export',
      handle: async ({ principal }) => {
        mayExport(principal.role);
        const { locations } = await deps.store.mapReader.wholeMap(principal.partnershipId);
        const geojson = {
          contentType: 'application/geo+json',
          filename: 'peermap-places.geojson',
          bytes: bytesOf(JSON.stringify(locationsGeoJson(locations, await marking(principal.partnershipId)))),
        };
        return file(geojson, NO_SUBJECTS);
      },
    }),
    route({
      ...endpoint('GET', '/v1/exports/map'),
      summary:
        "The map's young people and relationships: GEXF for Gephi (?format=gexf) or the CSV i2 Analyst's Notebook imports (?format=i2); restricted intelligence only for police analysts",
      permission: 'relationships:read',
      resource: 'relationships',
      action: 'export',
      query: z.strictObject({ format: z.enum(['gexf', 'i2']) }),
      handle: async ({ principal, query }) => {
        mayExport(principal.role);
        const restricted = can(principal.role, 'intelligence:read-restricted');
        const map = await deps.store.mapReader.wholeMap(principal.partnershipId, { restricted });
        const links = map.relationships;
        const people = map.youngPeople;
        const exported =
          query.format === 'gexf'
            ? {
                contentType: 'application/gexf+xml',
                filename: 'peermap-map.gexf',
                bytes: bytesOf(mapGexf(people, links, await marking(principal.partnershipId))),
              }
            : {
                contentType: 'text/csv; charset=utf-8',
                filename: 'peermap-map-i2.csv',
                bytes: bytesOf(mapI2Csv(people, links, await marking(principal.partnershipId))),
              };
        return file(
          exported,
          { youngPeople: people.map((person) => person.ref), carers: [] },
          links.some((r) => r.restricted),
        );
      },
    }),
  ];
}
