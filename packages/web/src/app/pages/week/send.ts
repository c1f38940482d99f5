import { ApiError, type Problem } from '../../api';
import type { Upload, UploadRecord } from '../../api-types';
import type { PageContext } from '../../app';

/** This ISO week, as `<input type="week">` writes it (2026-W48). */
export function thisWeek(today = new Date()): string {
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Workbooks past this go straight to storage (a large upload), not through the API. */
export const LARGEST_DIRECT_UPLOAD = 4 * 1024 * 1024;

/**
 * A large workbook: a slot is opened, the file is put where the slot says (in AWS, storage;
 * locally, the local server), and the slot is followed until its upload is done.
 */
async function sendLarge(api: PageContext['api'], week: string, file: File): Promise<UploadRecord> {
  const opened = await api.send('POST', '/v1/uploads/large', { query: { week } });
  const { slot, send } = opened.body;
  const put = await fetch(send.url, { method: send.method, headers: send.headers, body: file });
  if (!put.ok) throw new Error('The workbook could not be sent; try again.');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const state = (await api.get('/v1/uploads/large/{id}', { params: { id: slot.id } })).body;
    if (state.status === 'waiting' || state.status === 'processing') continue;
    if (!state.uploadId) {
      throw new Error(state.refusal ?? state.failureReason ?? 'The workbook could not be read; try again.');
    }
    return (await api.get('/v1/uploads/{id}', { params: { id: state.uploadId } })).body;
  }
}

/** An answer with problems, shown like the API's own refusal (sheet, row, column). */
const problemsFound = (title: string, detail: string, problems: NonNullable<Problem['problems']>, count: number) =>
  new ApiError({ status: 400, title, detail, problems, problemCount: count });

/**
 * Sends the week's sheets: a large workbook through storage, a check as a check (problems
 * come back as a refusal), anything else as one upload.
 */
export async function sendSheets(
  api: PageContext['api'],
  asked: { week: string; files: File[]; checkOnly: boolean; largest: number },
): Promise<{ kind: 'checked' } | { kind: 'uploaded'; upload: Upload }> {
  const { week, files, checkOnly, largest } = asked;
  const [only] = files;
  if (files.length === 1 && only && partName(only) === 'workbook' && only.size > largest && !checkOnly) {
    const record = await sendLarge(api, week, only);
    if (record.status !== 'rejected') return { kind: 'uploaded', upload: record };
    const count = record.problemCount ?? record.problems?.length ?? 0;
    throw problemsFound('The workbook has problems', `${count} found.`, record.problems ?? [], count);
  }
  const form = new FormData();
  for (const file of files) form.append(partName(file), file, file.name);
  if (checkOnly) {
    const check = (await api.send('POST', '/v1/uploads', { query: { week, dryRun: 'true' }, form })).body;
    if (check.problemCount === 0) return { kind: 'checked' };
    throw problemsFound(
      'The sheets have problems',
      `${check.problemCount} found; nothing was kept (this was a check).`,
      check.problems,
      check.problemCount,
    );
  }
  const answer = await api.send('POST', '/v1/uploads', { query: { week }, form });
  // Only a dry run is answered with a check (200); an upload is answered with its record (201).
  if (answer.status !== 201) throw new Error('The upload was answered as a check; send it again.');
  return { kind: 'uploaded', upload: answer.body };
}

/** A CSV is sent under its own file name (the sheet it is); a workbook as the workbook. */
const partName = (file: File) => (/\.xlsx$/i.test(file.name) ? 'workbook' : file.name.toLowerCase());
