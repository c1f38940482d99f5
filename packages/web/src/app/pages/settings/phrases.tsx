import type { Settings } from '../../api-types';
import { removeAt, updateAt } from '../../forms';

type Phrase = Settings['languagePhrases'][number];

/** The partnership's own phrases for the words check, each with a better one. */
export function PhrasesFields({ phrases, onChange }: { phrases: Phrase[]; onChange: (phrases: Phrase[]) => void }) {
  const change = (index: number, patch: Partial<Phrase>) => onChange(updateAt(phrases, index, patch));
  return (
    <fieldset>
      <legend>Words the partnership asks people not to use, with better ones</legend>
      {phrases.map((p, index) => (
        <div class="row" key={`phrase-${index}`}>
          <label for={`phrase-${index}`}>Instead of</label>
          <input
            id={`phrase-${index}`}
            value={p.phrase}
            onInput={(e) => change(index, { phrase: e.currentTarget.value })}
          />
          <label for={`suggestion-${index}`}>say</label>
          <input
            id={`suggestion-${index}`}
            value={p.suggestion}
            onInput={(e) => change(index, { suggestion: e.currentTarget.value })}
          />
          <button type="button" onClick={() => onChange(removeAt(phrases, index))}>
            Remove “{p.phrase || 'new phrase'}”
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...phrases, { phrase: '', suggestion: '' }])}>
        Add a phrase
      </button>
    </fieldset>
  );
}
