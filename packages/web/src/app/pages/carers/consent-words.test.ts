import { describe, expect, it } from 'vitest';
import { CONSENT_SCOPE_SUGGESTIONS } from './consent-words';

describe('the consent scopes the form suggests', () => {
  it('are about contacting and inviting the carer, never about sharing information', () => {
    for (const scope of CONSENT_SCOPE_SUGGESTIONS) {
      expect(scope).toMatch(/\b(contact|invitation)\b/);
      expect(scope).not.toMatch(/shar|school|disclos|information/i);
    }
  });
});
