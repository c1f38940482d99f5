import { describe, expect, it } from 'vitest';
import { examples } from './examples';
import { carerFor } from './redaction';
import { can, Role } from './roles';

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

  it('lets police analysts alone read and write the restricted layer', () => {
    for (const permission of ['intelligence:read-restricted', 'intelligence:write-restricted'] as const) {
      expect(Role.options.filter((role) => can(role, permission))).toEqual(['police-analyst']);
    }
  });
});
