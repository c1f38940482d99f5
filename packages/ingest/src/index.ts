export { readCsv, type SheetTable } from './csv';
export { GREAT_BRITAIN_BOUNDS, gridToPosition, isInGreatBritain } from './grid';
export { nearest } from './messages';
export {
  type KnownRefs,
  MAX_PROBLEMS,
  readWeek,
  type WeekReading,
  type WeekRecords,
  type WeekSheets,
} from './read-week';
export type { RowContext, SheetSpec } from './sheets';
export { ALLOWED_VALUES, csvTemplate, SHEET_COLUMNS, workbookOf } from './template';
export { readWorkbook, type WorkbookReading } from './workbook';
