import { describe, expect, it } from 'vitest';
import { contactInWords, topicsFrom } from './words';

describe("a parent group's words", () => {
  it('say whether a member is contacted, and why not', () => {
    expect(contactInWords({ contact: 'can_be_invited' })).toBe('Invited to the group’s sessions');
    expect(contactInWords({ contact: 'not_contacted', reason: 'consent_withdrawn' })).toBe(
      'Not contacted: withdrew their consent',
    );
    expect(contactInWords({ contact: 'not_contacted' })).toBe('No longer on the map');
  });

  it('take the topics typed with commas, each once', () => {
    expect(topicsFrom(' Online grooming, talking with school,, Online grooming ')).toEqual([
      'Online grooming',
      'talking with school',
    ]);
  });
});
