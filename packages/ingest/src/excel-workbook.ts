import type ExcelJS from 'exceljs';
import WorkbookModule from 'exceljs/lib/doc/workbook.js';

/**
 * exceljs's `Workbook`, imported on its own: the package's entry also loads its streaming
 * reader and writer (unzipper, archiver, bluebird), which peermap never uses and which would
 * double the size of every function that reads or writes a workbook. It is the same class
 * `ExcelJS.Workbook` names.
 */
export const Workbook: typeof ExcelJS.Workbook = WorkbookModule;
