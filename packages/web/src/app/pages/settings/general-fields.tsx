import type { SettingsDraft } from './draft';

type Change = (patch: Partial<SettingsDraft>) => void;

function NumberSetting({
  id,
  label,
  min,
  max,
  value,
  onChange,
}: {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value}
        onInput={(e) => onChange(Number(e.currentTarget.value))}
      />
    </>
  );
}

/** The marking, the session size and the review periods. */
export function GeneralFields({ draft, onChange }: { draft: SettingsDraft; onChange: Change }) {
  return (
    <>
      <label for="marking">Handling marking on every page and paper</label>
      <input
        id="marking"
        value={draft.handlingMarking}
        maxLength={60}
        onInput={(e) => onChange({ handlingMarking: e.currentTarget.value })}
      />
      <NumberSetting
        id="limit"
        label="Most carers invited to one Parent Empowerment Session"
        min={2}
        max={50}
        value={draft.inviteSizeLimit}
        onChange={(inviteSizeLimit) => onChange({ inviteSizeLimit })}
      />
      <NumberSetting
        id="review-after"
        label="Weeks after a young person's last relationship, sighting or concern before review"
        min={1}
        max={104}
        value={draft.reviewAfterWeeks}
        onChange={(reviewAfterWeeks) => onChange({ reviewAfterWeeks })}
      />
      <NumberSetting
        id="remove-after"
        label="Weeks an overdue review may wait before the young person is removed from the map"
        min={1}
        max={26}
        value={draft.removeAfterOverdueWeeks}
        onChange={(removeAfterOverdueWeeks) => onChange({ removeAfterOverdueWeeks })}
      />
    </>
  );
}
