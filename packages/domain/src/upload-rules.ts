import { historyAfter } from './consent';
import type { Carer, Consent } from './map';
import type { Draft } from './ports';

/**
 * How a record from a weekly upload combines with the one already held. The sheet states
 * the map as the chair sees it this week, but some things are not in the sheet or may be
 * newer in peermap than in the sheet: those are kept.
 */
export function mergeUploaded<T extends { retainUntil?: string | undefined }>(previous: T | undefined, incoming: T): T {
  if (!previous?.retainUntil || incoming.retainUntil) return incoming;
  return { ...incoming, retainUntil: previous.retainUntil };
}

/**
 * A carer from an upload keeps the consent decision peermap holds when that decision is
 * newer than the sheet's, so an old spreadsheet can never undo a withdrawal recorded since;
 * on the same day a withdrawal or a decline held is not undone by the sheet's "given" either.
 * The scope and notes of a consent, which the sheet has no columns for, are kept too.
 */
export function mergeUploadedCarer(previous: Carer | undefined, incoming: Draft<Carer>): Draft<Carer> {
  const merged = mergeUploaded(previous, incoming);
  if (!previous) return merged;
  const consent = newerConsent(previous.consent, incoming.consent);
  // The sheet has no history: the decisions held stay, and one the sheet replaces joins them.
  const consentHistory = historyAfter(previous.consent, previous.consentHistory, consent);
  return { ...merged, consent, ...(consentHistory.length > 0 ? { consentHistory } : {}) };
}

function newerConsent(held: Consent, uploaded: Consent): Consent {
  if (held.status === 'not_asked') return uploaded;
  if (uploaded.status === 'not_asked') return held;
  const heldDate = held.recordedOn ?? '';
  const uploadedDate = uploaded.recordedOn ?? '';
  if (heldDate > uploadedDate) return held;
  if (heldDate < uploadedDate) return uploaded;
  if (held.status === uploaded.status) {
    return {
      ...uploaded,
      ...(held.scope && !uploaded.scope ? { scope: held.scope } : {}),
      ...(held.note && !uploaded.note ? { note: held.note } : {}),
    };
  }
  // The same day, different decisions: a carer's "no" is never overridden by a "yes" of that day.
  return uploaded.status === 'given' ? held : uploaded;
}

/**
 * A record from an upload with the fields its sheet did not state taken from the record
 * held: a sheet without a `do_not_contact` column must not clear a do-not-contact, nor one
 * without `status` reopen a closed case.
 */
export function keepUnstated<T extends object>(previous: T | undefined, incoming: T, unstated: readonly string[]): T {
  if (!previous || unstated.length === 0) return incoming;
  const merged = { ...incoming };
  for (const field of unstated) {
    if (field in previous) Reflect.set(merged, field, Reflect.get(previous, field));
    else Reflect.deleteProperty(merged, field);
  }
  return merged;
}
