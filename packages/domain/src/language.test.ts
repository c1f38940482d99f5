import { describe, expect, it } from 'vitest';
import { blamingPhrasesIn, LANGUAGE_GUIDE, languageNotes } from './language';
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

describe('the language check of what users write', () => {
  it('names each blaming phrase with the field it is in and better words', () => {
    expect(
      languageNotes({ summary: 'Two of them are Gang Members.', 'actions.0.description': 'Visit the ringleader' }),
    ).toEqual([
      { field: 'summary', phrase: 'gang member', suggestion: 'young person at risk of criminal exploitation' },
      { field: 'actions.0.description', phrase: 'ringleader', suggestion: 'most connected in the group' },
    ]);
  });

  it("adds the partnership's own phrases to the guide", () => {
    const additions = [{ phrase: 'troublemaker', suggestion: 'young person who needs support' }];
    expect(languageNotes({ summary: 'a known troublemaker' }, additions)).toEqual([
      { field: 'summary', phrase: 'troublemaker', suggestion: 'young person who needs support' },
    ]);
    expect(languageNotes({ summary: 'is at risk of harm and doing well at boxing' }, additions)).toEqual([]);
  });

  it('reads whole words: a plural counts, a longer word does not, and the longer phrase wins', () => {
    expect(blamingPhrasesIn('Mind the gangway by the runners’ track')).toEqual(['runner']);
    expect(blamingPhrasesIn('Two gang-involved boys; the Gang')).toEqual(['gang-involved', 'gang']);
    expect(blamingPhrasesIn('She was used as a lookout')).toEqual(['lookout']);
    expect(blamingPhrasesIn('Team leader to visit on Tuesday')).toEqual([]);
    expect(languageNotes({ summary: 'the gang members' }).map((note) => note.phrase)).toEqual(['gang member']);
  });

  it('suggests words that pass the check themselves', () => {
    for (const entry of LANGUAGE_GUIDE) expect(blamingPhrasesIn(entry.suggestion)).toEqual([]);
  });
});
