import { endpoint } from '@peermap/contract';
import { type AnyRoute, route } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { PageQuery, pageRequest } from './paging';
import { listSubjects } from './planning-routes';
import { merge } from './resource';
import { sessionsPage } from './sessions';

/** Twenty sessions a page unless asked: each is counted from its carers' records as they stand today. */
const SESSIONS_PER_PAGE = 20;
/**
 * At most fifty a page: a session still to come reads every carer and young person on its list,
 * so a larger page would outlast the request's time.
 */
const MOST_SESSIONS_PER_PAGE = 50;

/** The early help lead's Parent Empowerment Sessions across the partnership, still to come or held. */
export function sessionRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    route({
      ...endpoint('GET', '/v1/invitation-lists'),
      summary:
        "The partnership's Parent Empowerment Sessions: ?when=upcoming (from today, UK time, the nearest first) or ?when=past (the latest first), each with its group, day, venue and how many carers are invited and came",
      permission: 'invitations:read',
      resource: 'invitation-lists',
      action: 'list',
      query: PageQuery.extend({
        limit: z.coerce.number().int().min(1).max(MOST_SESSIONS_PER_PAGE).optional(),
        when: z.enum(['upcoming', 'past']).default('upcoming'),
      }),
      handle: async ({ principal, query }) => {
        const { page, stored } = await sessionsPage(deps.store, principal.partnershipId, query.when, deps.now(), {
          limit: SESSIONS_PER_PAGE,
          ...pageRequest(query),
        });
        // The answer names no carer, but it is drawn from every carer on each list: the audit says so.
        return { status: 200, body: page, subjects: merge(stored.map(listSubjects)) };
      },
    }),
  ];
}
