import { useState } from 'preact/hooks';
import { Choice } from '../../forms';
import type { SheetsAsked } from './uploads';

const SHEET_TYPES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The week and its mapping sheets, to upload or only to check. */
export function UploadForm({
  week,
  onWeek,
  busy,
  onSend,
}: {
  week: string;
  onWeek: (week: string) => void;
  busy: boolean;
  onSend: (asked: SheetsAsked) => void;
}) {
  const [files, setFiles] = useState<File[]>([]);
  const [checkOnly, setCheckOnly] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    onSend({ week, files, checkOnly });
  };
  return (
    <form onSubmit={submit} class="upload">
      <label for="week">Week</label>
      <input id="week" type="week" required value={week} onInput={(e) => onWeek(e.currentTarget.value)} />
      <label for="files">Mapping sheets (CSV) or workbook (XLSX)</label>
      <input
        id="files"
        type="file"
        multiple
        required
        accept={SHEET_TYPES}
        onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
      />
      <Choice type="checkbox" id="check-only" checked={checkOnly} onChange={setCheckOnly}>
        Only check the sheets (keep nothing)
      </Choice>
      <button type="submit" class="primary" disabled={busy || files.length === 0}>
        {busy ? 'Uploading…' : checkOnly ? 'Check the sheets' : 'Upload the week'}
      </button>
    </form>
  );
}
