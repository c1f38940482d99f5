import { endpoint } from '@peermap/contract';
import {
  can,
  type ErasureRecord,
  ErasureRequest,
  ForbiddenError,
  Ref,
  ReviewDecision,
  ReviewState,
} from '@peermap/domain';
import { type AnyRoute, NO_SUBJECTS, route } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { eraseYoungPerson, erasureDetail } from './erasure';
import { PageQuery, pageRequest } from './paging';
import { sweepRetention } from './retention-sweep';
import { decideReview, reviewList } from './reviews';

const RefParams = z.strictObject({ ref: Ref });

const erasureView = ({ partnershipId: _, version: __, ...view }: ErasureRecord) => view;

/**
 * Review and removal: who is due for review, a review's decision, erasure, the retention
 * sweep, and the record of erasures. Names are shown only to roles that read young people.
 */
export function reviewRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    route({
      ...endpoint('DELETE', '/v1/young-people/{ref}'),
      summary:
        'Erase a young person (?erase=true, with a reason): their records go, and every group, plan, list and audit event that named them names an anonymous marker instead',
      permission: 'young-people:erase',
      resource: 'young-people',
      action: 'erase',
      params: RefParams,
      query: z.strictObject({
        erase: z.literal('true', {
          error: 'a young person is removed by erasure: add ?erase=true and give the reason in the body',
        }),
      }),
      body: ErasureRequest,
      handle: async ({ principal, params, body }) => {
        const record = await eraseYoungPerson(deps.store, {
          partnershipId: principal.partnershipId,
          ref: params.ref,
          reason: body.reason,
          actor: { userId: principal.userId, role: principal.role },
          now: deps.now(),
        });
        return { status: 200, body: erasureView(record), subjects: NO_SUBJECTS, auditDetail: erasureDetail(record) };
      },
    }),
    route({
      ...endpoint('GET', '/v1/reviews'),
      summary:
        'Who is due for review, soonest first: the last activity and its kind, the review date, and the day the retention sweep would remove them (?state=due|overdue|not_due|all; default due and overdue)',
      permission: 'reviews:read',
      resource: 'reviews',
      action: 'list',
      query: z.strictObject({ state: z.union([ReviewState, z.literal('all')]).optional() }),
      handle: async ({ principal, query }) => {
        const p = principal.partnershipId;
        const [{ statuses, settings }, map] = await Promise.all([
          reviewList(deps.store, p, deps.now()),
          deps.store.mapReader.wholeMap(p),
        ]);
        const shown = statuses.filter((s) =>
          query.state === 'all' ? true : query.state ? s.state === query.state : s.state !== 'not_due',
        );
        const names = can(principal.role, 'young-people:read')
          ? new Map(map.youngPeople.map((person) => [person.ref, person.displayName]))
          : new Map<string, string>();
        return {
          status: 200,
          body: {
            items: shown.map((s) => ({ ...s, ...(names.has(s.ref) ? { displayName: names.get(s.ref) } : {}) })),
            ...settings,
          },
          subjects: { youngPeople: shown.map((s) => s.ref), carers: [] },
        };
      },
    }),
    route({
      ...endpoint('POST', '/v1/young-people/{ref}/reviews'),
      summary:
        'Record a review: keep the young person on the map (a reason, and the next review date, by default the review period from today) or remove them (an erasure)',
      permission: 'reviews:decide',
      resource: 'reviews',
      action: 'update',
      params: RefParams,
      body: ReviewDecision,
      handle: async ({ principal, params, body }) => {
        if (body.decision === 'remove' && !can(principal.role, 'young-people:erase')) {
          throw new ForbiddenError('young-people:erase');
        }
        const outcome = await decideReview(deps.store, {
          partnershipId: principal.partnershipId,
          ref: params.ref,
          decision: body,
          actor: { userId: principal.userId, role: principal.role },
          now: deps.now(),
        });
        if (outcome.erased) {
          return {
            status: 200,
            body: { erased: erasureView(outcome.erased) },
            subjects: NO_SUBJECTS,
            auditDetail: erasureDetail(outcome.erased),
          };
        }
        return { status: 200, body: outcome, subjects: { youngPeople: [params.ref], carers: [] } };
      },
    }),
    route({
      ...endpoint('POST', '/v1/retention/sweep'),
      summary:
        'Run the retention sweep now (it also runs every day): erase whoever is past their removal date with no decision to keep, complete erasures left under way, move expiry dates',
      permission: 'retention:run',
      resource: 'retention',
      action: 'update',
      body: z.strictObject({}),
      handle: async ({ principal }) => {
        const result = await sweepRetention(deps.store, principal.partnershipId, deps.now());
        return {
          status: 200,
          body: { ...result, retentionUpdated: result.retentionUpdated.length },
          subjects: { youngPeople: result.retentionUpdated, carers: [] },
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/erasures'),
      summary: 'The erasures made, newest first: when, by whom, why, and what went (no one named)',
      permission: 'audit:read',
      resource: 'erasures',
      action: 'list',
      query: PageQuery,
      handle: async ({ principal, query }) => {
        const page = await deps.store.erasures.records(principal.partnershipId, pageRequest(query));
        return {
          status: 200,
          body: { items: page.items.map(erasureView), ...(page.cursor ? { cursor: page.cursor } : {}) },
          subjects: NO_SUBJECTS,
        };
      },
    }),
  ];
}
