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
