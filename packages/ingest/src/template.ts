import * as domain from '@peermap/domain';
import { Workbook } from './excel-workbook';
import {
  carersSheet,
  concernsSheet,
  locationsSheet,
  relationshipsSheet,
  sightingsSheet,
  youngPeopleSheet,
} from './sheets';

/** The columns of each sheet, in the order the template lays them out. */
export const SHEET_COLUMNS: Record<domain.SheetName, readonly string[]> = {
  young_people: youngPeopleSheet.columns.map((column) => column.name),
  relationships: relationshipsSheet.columns.map((column) => column.name),
  locations: locationsSheet.columns.map((column) => column.name),
  carers: carersSheet.columns.map((column) => column.name),
  sightings: sightingsSheet.columns.map((column) => column.name),
  concerns: concernsSheet.columns.map((column) => column.name),
};

const YES_NO = ['yes', 'no'];

/** What each coded column allows, for the template's `allowed_values` sheet. */
export const ALLOWED_VALUES: readonly [sheet: string, column: string, values: readonly string[]][] = [
  ['young_people', 'education_status', domain.EducationStatus.options],
  ['young_people', 'agencies (separate with ; or a line break)', domain.Agency.options],
  ['young_people', 'status', domain.CaseStatus.options],
  ['relationships', 'kind', domain.RelationshipKind.options],
  ['relationships', 'strength', ['1', '2', '3']],
  ['relationships, sightings', 'source_evaluation', ['1', '2', '3']],
  ['relationships, sightings', 'intelligence_assessment', ['A', 'B', 'C', 'D', 'E']],
  ['relationships, sightings', 'handling_code', ['P', 'C']],
  ['relationships', 'restricted', YES_NO],
  ['locations', 'kind', domain.LocationKind.options],
  ['carers', 'relationship', domain.CarerRelationship.options],
  ['carers', 'parental_responsibility, interpreter_needed, transport_needed, do_not_contact', YES_NO],
  ['carers', 'consent', domain.ConsentStatus.options],
  ['concerns', 'category', domain.ConcernCategory.options],
  ['concerns', 'severity', domain.Severity.options],
  ['concerns', 'status', domain.CaseStatus.options],
  ['all', 'source_agency', domain.Agency.options],
];

/** A sheet's blank CSV template: its header row. */
export function csvTemplate(sheet: domain.SheetName): string {
  return `${SHEET_COLUMNS[sheet].join(',')}\r\n`;
}

/**
 * A workbook of the given rows under each sheet's header (the blank template when no rows are
 * given), with an `allowed_values` sheet that lists what each coded column takes.
 */
export async function workbookOf(
  rows: Partial<Record<domain.SheetName, readonly (readonly string[])[]>> = {},
): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = 'peermap';
  for (const sheet of domain.SheetName.options) {
    const worksheet = workbook.addWorksheet(sheet);
    worksheet.addRow([...SHEET_COLUMNS[sheet]]).font = { bold: true };
    for (const row of rows[sheet] ?? []) worksheet.addRow([...row]);
    worksheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  const help = workbook.addWorksheet('allowed_values');
  help.addRow(['sheet', 'column', 'allowed values']).font = { bold: true };
  for (const [sheet, column, values] of ALLOWED_VALUES) help.addRow([sheet, column, values.join(', ')]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
