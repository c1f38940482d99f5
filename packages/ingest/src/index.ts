export { readCsv, readCsvInTurns, type SheetTable } from './csv';
export { GREAT_BRITAIN_BOUNDS, gridToPosition, isInGreatBritain } from './grid';
export { DEFAULT_UPLOAD_LIMITS, overLimit, UploadCounter, UploadLimits } from './limits';
export { nearest } from './messages';
export {
  type KnownRefs,
  MAX_PROBLEMS,
  readWeek,
  readWeekInTurns,
  type WeekReading,
  type WeekRecords,
  type WeekSheets,
} from './read-week';
export type { RowContext, SheetSpec } from './sheets';
export { ALLOWED_VALUES, csvTemplate, SHEET_COLUMNS, workbookOf } from './template';
export { readWorkbook, type WorkbookReading } from './workbook';
