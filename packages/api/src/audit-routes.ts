import { AuditEvent, mayReceive, Ref, ValidationError } from '@peermap/domain';
import { type AnyRoute, route } from '@peermap/http';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { PageQuery, pageOf, pageRequest } from './paging';
import { merge } from './resource';

const AuditQuery = PageQuery.extend({
  person: Ref.optional(),
  carer: Ref.optional(),
  user: z.string().min(1).max(128).optional(),
});

/**
 * Who read or changed what: the audit log of a partnership, by young person, by carer or by
 * user. Reading it is itself audited, since it names the people it is about.
 */
export function auditRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/v1/audit',
      summary:
        'Audit events about one young person (?person=), one carer (?carer=) or by one user (?user=), newest first',
      permission: 'audit:read',
      resource: 'audit',
      action: 'list',
      query: AuditQuery,
      response: pageOf(AuditEvent),
      successStatus: 200,
      handle: async ({ principal, query }) => {
        const { person, carer, user } = query;
        const asked = [person, carer, user].filter((value) => value !== undefined);
        if (asked.length !== 1) {
          throw new ValidationError('Ask for the events of one person, one carer or one user.', [
            { path: 'person', message: 'give exactly one of person, carer or user' },
          ]);
        }
        const page = pageRequest(query);
        const { audit } = deps.store;
        const events = person
          ? await audit.byYoungPerson(principal.partnershipId, person, page)
          : carer
            ? await audit.byCarer(principal.partnershipId, carer, page)
            : await audit.byUser(principal.partnershipId, user ?? '', page);
        // An event about restricted intelligence would tell other roles that the intelligence exists.
        const visible = events.items.filter((event) =>
          mayReceive(principal.role, { restricted: event.restricted === true }),
        );
        return {
          status: 200,
          body: { ...events, items: visible },
          subjects: merge([
            { youngPeople: person ? [person] : [], carers: carer ? [carer] : [] },
            ...visible.map((event) => event.subjects),
          ]),
        };
      },
    }),
  ];
}
