import { constants, crc32, deflateRawSync } from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Whitespace deflated once and repeated: deflate's output for the same bytes after a full flush is the same. */
const PADDING_BLOCK_BYTES = 1024 * 1024;

export interface InflatingWorkbookOptions {
  /** Rows below the header of the one sheet, `young_people`: one young person each. */
  rows?: number;
  /** Whitespace after the rows (XML allows it between elements): what makes the sheet inflate. */
  paddingBytes?: number;
  /** The unpacked size the zip's directory states for the sheet; the true size unless a lie is wanted. */
  declaredSheetBytes?: number;
  /** A cell of this many characters in the row below the header. */
  longCellCharacters?: number;
}

/**
 * A valid `.xlsx` with one sheet, `young_people`, that may inflate: its whitespace unpacks
 * about 1,000 times larger than it is packed, as in a zip bomb. The padding is deflated once
 * and its bytes repeated, so gigabytes cost seconds and nothing large is kept in the
 * repository. For tests and the benchmark only.
 */
export function inflatingWorkbook(options: InflatingWorkbookOptions): Uint8Array {
  const header = `<row r="1">${['ref', 'display_name', 'date_of_birth']
    .map((name, index) => `<c r="${'ABC'[index]}1" t="inlineStr"><is><t>${name}</t></is></c>`)
    .join('')}</row>`;
  const cell = (column: string, row: number, text: string) =>
    `<c r="${column}${row}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = Array.from({ length: options.rows ?? 0 }, (_, index) => {
    const row = index + 2;
    const name = index === 0 && options.longCellCharacters ? 'a'.repeat(options.longCellCharacters) : 'Sam T.';
    return `<row r="${row}">${cell('A', row, `YP${row}`)}${cell('B', row, name)}${cell('C', row, '2012-03-04')}</row>`;
  });
  const sheet = deflatedSheet(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${header}${rows.join('')}`,
    options.paddingBytes ?? 0,
    '</sheetData></worksheet>',
  );
  const small = (name: string, xml: string) => {
    const bytes = Buffer.from(xml);
    return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
  };
  return zipOf([
    small(
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    small(
      '_rels/.rels',
      `<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    small(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="young_people" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { name: 'xl/worksheets/sheet1.xml', ...sheet, size: options.declaredSheetBytes ?? sheet.size },
  ]);
}

function deflatedSheet(prefix: string, paddingBytes: number, suffix: string) {
  const block = Buffer.alloc(PADDING_BLOCK_BYTES, ' ');
  const start = Buffer.from(prefix);
  const end = Buffer.concat([Buffer.alloc(paddingBytes % PADDING_BLOCK_BYTES, ' '), Buffer.from(suffix)]);
  const blocks = Math.floor(paddingBytes / PADDING_BLOCK_BYTES);
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const deflatedBlock = flushed(block);
  let crc = crc32(start);
  for (let index = 0; index < blocks; index++) crc = crc32(block, crc);
  crc = crc32(end, crc);
  return {
    data: Buffer.concat([flushed(start), ...Array.from({ length: blocks }, () => deflatedBlock), deflateRawSync(end)]),
    size: start.length + blocks * block.length + end.length,
    crc,
  };
}

interface ZipEntry {
  name: string;
  data: Buffer;
  size: number;
  crc: number;
}

/** A zip of deflated entries (no zip64: every size below 4 GiB). */
function zipOf(entries: ZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directoryBytes, end]));
}
