import { describe, expect, it } from 'vitest';
import { changePhrase, keptToSend, placeNotes, unexplained, wordsOf } from './flagged-words';

const action = (id: string, description: string) => ({
  id,
  description,
  ownerAgency: 'early_help' as const,
  dueOn: '2026-12-21',
  status: 'not_started' as const,
  coversRefs: [],
});

describe('flagged words in the plan editor', () => {
  it('changes a phrase to the suggestion’s words, plural and capital too, leaving the advice out', () => {
    const suggestion = 'peer group (say who is at risk of exploitation, not who belongs)';
    expect(wordsOf(suggestion)).toBe('peer group');
    expect(changePhrase('Gangs meet at the yard; the gang is new. Gangway stays.', 'gang', suggestion)).toBe(
      'peer group meet at the yard; the peer group is new. Gangway stays.',
    );
  });

  it('places each note by action id and says which are neither changed nor kept', () => {
    const actions = [action('A1', 'Session'), action('A2', 'Running club for the runner')];
    const notes = placeNotes(
      [
        { field: 'summary', phrase: 'gang', suggestion: 'peer group' },
        { field: 'actions.1.description', phrase: 'runner', suggestion: 'young person' },
      ],
      actions,
    );
    expect(notes[1]).toEqual({ phrase: 'runner', suggestion: 'young person', actionId: 'A2' });
    const kept = [{ phrase: 'runner', actionId: 'A2', reason: 'Her own words, quoted.' }];
    expect(unexplained(notes, kept).map((n) => n.phrase)).toEqual(['gang']);
    expect(keptToSend(kept, 'A gang', actions)).toEqual(kept);
    expect(keptToSend(kept, 'A gang', [action('A2', 'Running club')])).toEqual([]);
  });
});
