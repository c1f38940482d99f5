import { COHORT_PARTS, type SettingsDraft } from './draft';

/** The partnership's own children by ethnicity, sex and age band, as the census tables give them. */
export function CohortFields({
  draft,
  onChange,
}: {
  draft: SettingsDraft;
  onChange: (patch: Partial<SettingsDraft>) => void;
}) {
  return (
    <fieldset>
      <legend>The partnership's children, to compare the map with</legend>
      <label for="cohort-source">Where the figures come from</label>
      <input
        id="cohort-source"
        value={draft.cohortSource}
        maxLength={200}
        onInput={(e) => onChange({ cohortSource: e.currentTarget.value })}
      />
      {COHORT_PARTS.map(([key, name]) => (
        <div key={key}>
          <label for={`cohort-${key}`}>{name}: one group per line, a comma, then the number of children</label>
          <textarea
            id={`cohort-${key}`}
            rows={4}
            value={draft.cohortText[key]}
            onInput={(e) => onChange({ cohortText: { ...draft.cohortText, [key]: e.currentTarget.value } })}
          />
        </div>
      ))}
    </fieldset>
  );
}
