import { useState } from 'preact/hooks';
import type { Upload } from '../../api-types';
import type { PageContext } from '../../app';
import { sendSheets } from './send';

/** What the person asked to send: the week, its sheets, and whether only to check them. */
export interface SheetsAsked {
  week: string;
  files: File[];
  checkOnly: boolean;
}

/** Sends the week's sheets and keeps what came back: the upload, or that a check found nothing. */
export function useUpload(api: PageContext['api'], largest: number, setProblem: (problem: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<Upload | undefined>(undefined);
  const [checked, setChecked] = useState<string | undefined>(undefined);
  const send = async (asked: SheetsAsked) => {
    setBusy(true);
    setProblem(undefined);
    setUpload(undefined);
    setChecked(undefined);
    try {
      const sent = await sendSheets(api, { ...asked, largest });
      if (sent.kind === 'checked')
        setChecked(`No problems found in the sheets for ${asked.week}: upload them when you are ready.`);
      else setUpload(sent.upload);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, upload, checked, send };
}
