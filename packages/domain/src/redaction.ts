import type * as z from 'zod';
import { Carer } from './map';
import { can, type Role } from './roles';

/**
 * What each role may receive of a record: the mapper every response and export goes through.
 * Data minimisation is decided here, once, from the permission table.
 */

/** A carer as a role may see them: without contact details, consent (or its history) or safety notes for roles that may not. */
export const CarerView = Carer.partial({ contact: true, consent: true, safetyNote: true });
export type CarerView = z.infer<typeof CarerView>;

/** The carer a role may receive. */
export function carerFor(role: Role, carer: Carer): CarerView {
  if (can(role, 'carers:read-contact')) return carer;
  const { contact: _contact, consent: _consent, consentHistory: _history, safetyNote: _safetyNote, ...rest } = carer;
  return rest;
}
