import { endpoint } from '@peermap/contract';
import {
  can,
  IsoWeek,
  LimitExceededError,
  NotFoundError,
  RecordId,
  type Role,
  SheetName,
  UnavailableError,
  UPLOAD_PROBLEMS,
  type UploadRecord,
  ValidationError,
} from '@peermap/domain';
import { type AnyRoute, NO_SUBJECTS, route } from '@peermap/http';
import { csvTemplate, workbookOf } from '@peermap/ingest';
import * as z from 'zod';
import type { ApiDeps } from './deps';
import { openLargeUpload } from './large-upload';
import { PageQuery, pageRequest } from './paging';
import { checkWeek, UPLOAD_PARTS, uploadWeek } from './upload-week';

const UploadQuery = z.strictObject({
  week: IsoWeek,
  dryRun: z.enum(['true', 'false']).optional(),
});

const TemplateQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  sheet: SheetName.optional(),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An upload as a role may see it: cell values in its problems only for roles that read the map. */
function uploadFor(role: Role, upload: UploadRecord): UploadRecord {
  if (can(role, 'young-people:read')) return upload;
  return { ...upload, problems: upload.problems.map(({ value: _, ...problem }) => problem) };
}

/** The weekly mapping upload: send, check, follow, and fetch a blank template. */
export function uploadRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    route({
      ...endpoint('POST', '/v1/uploads'),
      summary:
        "Upload a week's mapping: multipart/form-data with one part per sheet (young_people.csv, …) or one part named workbook (XLSX). ?dryRun=true checks without writing. An upload past a limit (docs/upload-format.md) is refused with 413 naming the limit; one too large for a request goes through /v1/uploads/large",
      permission: 'uploads:create',
      resource: 'uploads',
      action: 'upload',
      query: UploadQuery,
      files: { names: UPLOAD_PARTS },
      handle: async ({ principal, query, files }) => {
        const upload = {
          partnershipId: principal.partnershipId,
          week: query.week,
          uploadedBy: principal.userId,
          files,
          ...(deps.uploadLimits ? { limits: deps.uploadLimits } : {}),
          synchronous: true,
        };
        if (query.dryRun === 'true') {
          const check = await checkWeek(deps.store, upload);
          return { status: 200, body: check, subjects: NO_SUBJECTS };
        }
        const { record, subjects, overLimit } = await uploadWeek(deps.store, upload);
        if (overLimit) {
          throw new LimitExceededError(overLimit.limit, overLimit.allowed, overLimit.message, {
            details: { uploadId: record.id },
          });
        }
        if (record.status === 'rejected') {
          throw new ValidationError(
            `The upload has ${record.problemCount} problem${record.problemCount === 1 ? '' : 's'}: nothing was written. Fix them and upload again.`,
            record.problems.slice(0, UPLOAD_PROBLEMS.named).map((problem) => ({
              path: [problem.sheet, problem.row, problem.column].filter((part) => part !== undefined).join(':'),
              message: problem.message,
            })),
            { details: { uploadId: record.id, problemCount: record.problemCount, problems: record.problems } },
          );
        }
        return {
          status: 201,
          body: record,
          headers: { location: `/v1/uploads/${record.id}` },
          subjects,
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/uploads'),
      summary: 'The uploads of your partnership, newest first',
      permission: 'uploads:read',
      resource: 'uploads',
      action: 'list',
      query: PageQuery,
      handle: async ({ principal, query }) => {
        const page = await deps.store.uploads.list(principal.partnershipId, pageRequest(query));
        return {
          status: 200,
          body: { ...page, items: page.items.map((u) => uploadFor(principal.role, u)) },
          subjects: NO_SUBJECTS,
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/uploads/{id}'),
      summary: 'An upload: its status, counts per sheet and problems',
      permission: 'uploads:read',
      resource: 'uploads',
      action: 'read',
      params: z.strictObject({ id: RecordId }),
      handle: async ({ principal, params }) => {
        const upload = await deps.store.uploads.get(principal.partnershipId, params.id);
        if (!upload) throw new NotFoundError('upload', params.id);
        return { status: 200, body: uploadFor(principal.role, upload), subjects: NO_SUBJECTS };
      },
    }),
    route({
      ...endpoint('POST', '/v1/uploads/large'),
      summary:
        'Open a large upload: answers where to PUT the workbook (valid 15 minutes); it is then processed in the background, to follow at /v1/uploads/large/{id}',
      permission: 'uploads:create',
      resource: 'uploads',
      action: 'upload',
      query: UploadQuery.pick({ week: true }),
      handle: async ({ principal, query }) => {
        if (!deps.largeUploads) throw new UnavailableError('Large uploads are not set up here.');
        const opened = await openLargeUpload(deps.store, deps.largeUploads, {
          partnershipId: principal.partnershipId,
          week: query.week,
          uploadedBy: principal.userId,
          now: deps.now(),
        });
        return {
          status: 201,
          body: opened,
          headers: { location: `/v1/uploads/large/${opened.slot.id}` },
          subjects: NO_SUBJECTS,
        };
      },
    }),
    route({
      ...endpoint('GET', '/v1/uploads/large/{id}'),
      summary: 'A large upload: waiting for its file, processing, or done (with the upload it became)',
      permission: 'uploads:read',
      resource: 'uploads',
      action: 'read',
      params: z.strictObject({ id: RecordId }),
      handle: async ({ principal, params }) => {
        const slot = await deps.store.uploadSlots.get(principal.partnershipId, params.id);
        if (!slot) throw new NotFoundError('large upload', params.id);
        return { status: 200, body: slot, subjects: NO_SUBJECTS };
      },
    }),
    route({
      ...endpoint('GET', '/v1/uploads/template'),
      summary:
        'A blank template: the workbook (?format=xlsx) with its allowed values, or one sheet as CSV (?format=csv&sheet=…)',
      permission: 'uploads:create',
      resource: 'uploads',
      action: 'read',
      query: TemplateQuery,
      handle: async ({ query }) => {
        if (query.format === 'xlsx') {
          return {
            status: 200,
            file: { contentType: XLSX, filename: 'peermap-weekly-mapping.xlsx', bytes: await workbookOf() },
            subjects: NO_SUBJECTS,
          };
        }
        if (!query.sheet) {
          throw new ValidationError('Name the sheet of a CSV template.', [
            { path: 'sheet', message: `use one of ${SheetName.options.join(', ')}` },
          ]);
        }
        return {
          status: 200,
          file: {
            contentType: 'text/csv; charset=utf-8',
            filename: `${query.sheet}.csv`,
            bytes: new TextEncoder().encode(csvTemplate(query.sheet)),
          },
          subjects: NO_SUBJECTS,
        };
      },
    }),
  ];
}
