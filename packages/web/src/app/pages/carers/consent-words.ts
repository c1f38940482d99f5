import type { Consent } from '@peermap/domain';
import { dayInWords } from '../sessions/words';

/** A consent status as the organiser reads it. */
export const CONSENT_WORDS: Readonly<Record<Consent['status'], string>> = {
  given: 'Consent given',
  declined: 'Declined',
  withdrawn: 'Consent withdrawn',
  not_asked: 'Not asked yet',
};

/** Who recorded a decision and when: "7 December 2026, by Kim Keyworker". */
export const recordedWords = (consent: Consent) =>
  consent.recordedOn
    ? `${dayInWords(consent.recordedOn)}${consent.recordedBy ? `, by ${consent.recordedBy}` : ''}`
    : 'not recorded';

/**
 * The scopes the form suggests: being contacted and invited, which is what a carer's consent
 * is asked for. Sharing information between agencies is not among them: its lawful basis is the
 * partners' public task, not the carer's consent, so a form that offered it would mislead.
 */
export const CONSENT_SCOPE_SUGGESTIONS = [
  'invitation to parent sessions',
  'contact about parent sessions',
  'contact by the parent-led group',
  'contact about kitchen table talks',
] as const;
