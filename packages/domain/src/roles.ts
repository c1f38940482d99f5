import * as z from 'zod';

/** The roles a user of a partnership can hold (Cognito groups carry the same names). */
export const Role = z.enum(['madp-chair', 'early-help-lead', 'police-analyst', 'partnership-admin']);
export type Role = z.infer<typeof Role>;

/** Everything a route can ask permission for. Field-level rights are permissions too. */
export const Permission = z.enum([
  /** One's own sign-in: role, partnership and what the role may do (every role). */
  'self:read',
  'young-people:read',
  'young-people:write',
  'young-people:erase',
  'young-people:subject-access',
  /** Who is due for review, with the dates and what they come from. */
  'reviews:read',
  /** Keep a young person on the map with a reason, or remove them. */
  'reviews:decide',
  /** Run the retention sweep now rather than wait for its daily run. */
  'retention:run',
  'relationships:read',
  'relationships:write',
  'locations:read',
  'locations:write',
  'sightings:read',
  'sightings:write',
  'concerns:read',
  'concerns:write',
  'carers:read',
  'carers:write',
  /** Phone, email, consent notes and safety notes of carers. */
  'carers:read-contact',
  'consent:write',
  /** Police intelligence marked restricted: its own layer, never merged with partners' records. */
  'intelligence:read-restricted',
  /** Add, correct or remove restricted police intelligence. */
  'intelligence:write-restricted',
  'uploads:create',
  'uploads:read',
  'analyses:run',
  'analyses:read',
  'plans:read',
  'plans:write',
  'plans:agree',
  'invitations:read',
  'invitations:write',
  /** Parent Empowerment Sessions: when, where, who runs them and where each stands (no carer's contact details). */
  'sessions:read',
  /** Plan a session, complete its risk assessment, record who came and what is owed to those who could not. */
  'sessions:plan',
  /** Approve a session's risk assessment as the second person (never the one who completed it). */
  'sessions:approve',
  /** A session's risk assessment: the group's dynamics and who must be kept apart, with the reasons. */
  'sessions:read-safety',
  /** Parents' feedback on sessions, in their own words. */
  'feedback:read',
  /** Record a parent's feedback, or give them a one-time link to give it themselves. */
  'feedback:write',
  'parent-groups:read',
  'parent-groups:write',
  /** What sessions achieve, in counts (fewer than 5 never shown as a number): for funders and the partnership. */
  'outcomes:read',
  'exports:create',
  'audit:read',
  /** Reports about the map as a whole (counts, no child named): disproportionality. */
  'reports:read',
  'users:manage',
  'settings:manage',
]);
export type Permission = z.infer<typeof Permission>;

/**
 * The one table every route consults. Least privilege: a role holds only what its work at
 * the MADP needs (see docs/architecture.md for the reasoning per role).
 */
export const PERMISSIONS_BY_ROLE = {
  'madp-chair': [
    'self:read',
    'young-people:read',
    'young-people:write',
    'young-people:erase',
    'young-people:subject-access',
    'reviews:read',
    'reviews:decide',
    'relationships:read',
    'relationships:write',
    'locations:read',
    'locations:write',
    'sightings:read',
    'sightings:write',
    'concerns:read',
    'concerns:write',
    'carers:read',
    'carers:write',
    'carers:read-contact',
    'consent:write',
    'uploads:create',
    'uploads:read',
    'analyses:run',
    'analyses:read',
    'plans:read',
    'plans:write',
    'plans:agree',
    'invitations:read',
    'invitations:write',
    'sessions:read',
    'sessions:approve',
    'sessions:read-safety',
    'feedback:read',
    'parent-groups:read',
    'outcomes:read',
    'exports:create',
    'audit:read',
    'reports:read',
  ],
  'early-help-lead': [
    'self:read',
    'young-people:read',
    'relationships:read',
    'locations:read',
    'sightings:read',
    'concerns:read',
    'carers:read',
    'carers:write',
    'carers:read-contact',
    'consent:write',
    'analyses:read',
    'plans:read',
    'plans:write',
    'invitations:read',
    'invitations:write',
    'sessions:read',
    'sessions:plan',
    'sessions:approve',
    'sessions:read-safety',
    'feedback:read',
    'feedback:write',
    'parent-groups:read',
    'parent-groups:write',
    'outcomes:read',
    'exports:create',
  ],
  'police-analyst': [
    'self:read',
    'young-people:read',
    'relationships:read',
    'relationships:write',
    'locations:read',
    'locations:write',
    'sightings:read',
    'sightings:write',
    'concerns:read',
    'carers:read',
    'intelligence:read-restricted',
    'intelligence:write-restricted',
    'analyses:read',
    'sessions:read',
    'exports:create',
  ],
  'partnership-admin': [
    'self:read',
    'young-people:erase',
    'young-people:subject-access',
    'reviews:read',
    'retention:run',
    'uploads:create',
    'uploads:read',
    'audit:read',
    'reports:read',
    'outcomes:read',
    'users:manage',
    'settings:manage',
  ],
} as const satisfies Record<Role, readonly Permission[]>;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  const granted: readonly Permission[] = PERMISSIONS_BY_ROLE[role];
  return granted.includes(permission);
}

/** The roles that hold a permission, e.g. for documenting a route. */
export function rolesWith(permission: Permission): Role[] {
  return Role.options.filter((role) => can(role, permission));
}
