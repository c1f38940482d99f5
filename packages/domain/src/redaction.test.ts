import { describe, expect, it } from 'vitest';
import { examples } from './examples';
import { carerFor, mayReceive } from './redaction';
import { Role } from './roles';

describe('what each role receives', () => {
  it('gives police analysts a carer without contact details, consent or safety notes', () => {
    const carer = { ...examples.carer, safetyNote: 'Court order: do not invite with family' };
    const seen = carerFor('police-analyst', carer);
    expect(Object.keys(seen)).not.toEqual(expect.arrayContaining(['contact']));
    expect(seen).not.toHaveProperty('contact');
    expect(seen).not.toHaveProperty('consent');
    expect(seen).not.toHaveProperty('safetyNote');
    expect(seen).toMatchObject({ ref: 'CR1', name: 'Jo Parent', relationship: 'mother' });
  });

  it('gives chairs and early help leads the whole carer', () => {
    expect(carerFor('madp-chair', examples.carer)).toEqual(examples.carer);
    expect(carerFor('early-help-lead', examples.carer)).toEqual(examples.carer);
  });

  it('keeps restricted intelligence for police analysts only', () => {
    const restricted = { restricted: true };
    expect(Role.options.filter((role) => mayReceive(role, restricted))).toEqual(['police-analyst']);
    expect(Role.options.every((role) => mayReceive(role, { restricted: false }))).toBe(true);
  });
});
