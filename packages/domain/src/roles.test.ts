import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS_BY_ROLE, Permission, Role, rolesWith } from './roles';

describe('the permission table', () => {
  it('gives every permission to at least one role', () => {
    expect(Permission.options.filter((permission) => rolesWith(permission).length === 0)).toEqual([]);
  });

  it('names only known permissions, each once per role', () => {
    for (const role of Role.options) {
      const granted: readonly string[] = PERMISSIONS_BY_ROLE[role];
      expect(new Set(granted).size).toBe(granted.length);
      expect(granted.filter((permission) => !Permission.safeParse(permission).success)).toEqual([]);
    }
  });

  it("keeps carers' contact details and consent notes from police analysts", () => {
    expect(can('police-analyst', 'carers:read-contact')).toBe(false);
    expect(can('police-analyst', 'invitations:read')).toBe(false);
  });

  it('shows restricted police intelligence to police analysts only', () => {
    expect(rolesWith('intelligence:read-restricted')).toEqual(['police-analyst']);
  });

  it("keeps children's records from partnership admins beyond erasure and subject access", () => {
    expect(can('partnership-admin', 'young-people:read')).toBe(false);
    expect(can('partnership-admin', 'carers:read')).toBe(false);
    expect(can('partnership-admin', 'audit:read')).toBe(true);
  });

  it('lets only chairs run the analysis and agree plans, and chairs and admins upload', () => {
    expect(rolesWith('analyses:run')).toEqual(['madp-chair']);
    expect(rolesWith('plans:agree')).toEqual(['madp-chair']);
    expect(rolesWith('uploads:create')).toEqual(['madp-chair', 'partnership-admin']);
  });

  it('lets early help leads and chairs, and no one else, build invitation lists', () => {
    expect(rolesWith('invitations:write')).toEqual(['madp-chair', 'early-help-lead']);
  });
});
