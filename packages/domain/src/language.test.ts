import { describe, expect, it } from 'vitest';
import { blamingPhrasesIn } from './language';
import { CONCERN_LABELS } from './vocabulary';

describe('the words peermap writes', () => {
  it('find a blaming phrase whatever its case', () => {
    expect(blamingPhrasesIn('He is Putting Himself At Risk by going out')).toEqual(['putting himself at risk']);
    expect(blamingPhrasesIn('Sam is at risk of criminal exploitation')).toEqual([]);
  });

  it('describe every concern as a risk to the child, without blaming or labelling', () => {
    for (const label of Object.values(CONCERN_LABELS)) expect(blamingPhrasesIn(label)).toEqual([]);
  });
});
