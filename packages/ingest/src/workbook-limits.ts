import type { Readable } from 'node:stream';
import { LimitExceededError, type UploadProblem } from '@peermap/domain';
import yauzl from 'yauzl';
import { overLimit, type UploadCounter } from './limits';
import { problemAt } from './row-reader';

/** A workbook's worksheets, where its rows and cells are. */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** Where a workbook keeps the text of most cells, once each. */
const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/;

/** A file that could not be unpacked as a zip at all. */
export const NOT_A_WORKBOOK =
  'The file could not be read as an Excel workbook (.xlsx). Save it again as "Excel Workbook".';

const MISMATCH =
  'The workbook’s own list of its contents does not match what it holds, so it cannot be read safely. Save it again as "Excel Workbook" and upload the new file.';

/**
 * Checks a workbook before anything parses it. An `.xlsx` is a zip: its central directory is
 * read first (how many files, how large each says it is, against the limits), then every file
 * is inflated as a stream, counting the bytes that really come out (yauzl stops a file the
 * moment it passes the size its directory gave, so a directory that lies is caught) and, in
 * the worksheets and shared strings, the rows, cells and characters of each cell. Memory
 * stays at one chunk per file, whatever the file holds. Throws the refusal over a limit;
 * answers a problem for a file that cannot be read safely, and nothing when it is fine.
 */
export async function checkWorkbookLimits(
  bytes: Uint8Array,
  counter: UploadCounter,
): Promise<UploadProblem | undefined> {
  const { limits } = counter;
  const zip = await openZip(bytes);
  if (!zip) return problemAt('workbook', 1, { message: NOT_A_WORKBOOK });
  try {
    if (zip.entryCount > limits.workbookEntries) throw overLimit('workbookEntries', limits);
    const entries = await entriesOf(zip);
    if (!entries) return problemAt('workbook', 1, { message: NOT_A_WORKBOOK });
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > limits.workbookBytes) throw overLimit('workbookBytes', limits);
    const unpacked = { bytes: 0 };
    for (const entry of entries) {
      const problem = entry.fileName.endsWith('/') ? undefined : await unpackCounting(zip, entry, counter, unpacked);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    zip.close();
  }
}

/** Inflates one file of the zip, counting as it goes, and keeps nothing of it. */
async function unpackCounting(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  counter: UploadCounter,
  unpacked: { bytes: number },
): Promise<UploadProblem | undefined> {
  const stream = await openEntry(zip, entry);
  if (!stream) return problemAt('workbook', 1, { message: NOT_A_WORKBOOK });
  const cells = WORKSHEET.test(entry.fileName)
    ? new CellCounter(counter, true)
    : SHARED_STRINGS.test(entry.fileName)
      ? new CellCounter(counter, false)
      : undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      unpacked.bytes += chunk.length;
      if (unpacked.bytes > counter.limits.workbookBytes) throw overLimit('workbookBytes', counter.limits);
      cells?.write(chunk);
    }
    return undefined;
  } catch (error) {
    if (error instanceof LimitExceededError || !(error instanceof Error)) throw error;
    // yauzl's words for a file that unpacks to more or fewer bytes than its directory says.
    const mismatch = /bytes in the stream/.test(error.message);
    return problemAt('workbook', 1, { message: mismatch ? MISMATCH : NOT_A_WORKBOOK });
  } finally {
    stream.destroy();
  }
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile | undefined> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      resolve(error ? undefined : zip),
    );
  });
}

/** Every entry of the central directory (nothing inflated yet); undefined if it cannot be read. */
function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[] | undefined> {
  return new Promise((resolve) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => resolve(undefined));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable | undefined> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (error, stream) => resolve(error ? undefined : stream));
  });
}

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
/** Elements whose text is a cell's: a shared string, an inline string, a value, a formula. */
const TEXT_ELEMENTS = new Set(['si', 'is', 'v', 'f']);

/**
 * Counts `<row>` and `<c>` elements and the characters of each cell's text in a stream of
 * SpreadsheetML, chunk by chunk, without building anything: a byte scanner rather than an XML
 * parser, because parsers keep a text node whole before handing it over, and the point is to
 * stop a gigabyte-long cell before it is kept. UTF-8 continuation bytes are not counted, so
 * a character is counted once; an entity counts as the characters it is written with.
 */
class CellCounter {
  private inMarkup = false;
  private naming = false;
  private closing = false;
  private previous = 0;
  private name = '';
  private textDepth = 0;
  private characters = 0;
  private rowsOfSheet = 0;
  private readonly maxCharacters: number;

  constructor(
    private readonly counter: UploadCounter,
    private readonly isWorksheet: boolean,
  ) {
    this.maxCharacters = counter.limits.cellCharacters;
  }

  write(chunk: Buffer): void {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index] ?? 0;
      if (!this.inMarkup) {
        if (byte === LESS_THAN) {
          this.inMarkup = true;
          this.naming = true;
          this.closing = false;
          this.name = '';
        } else if (this.textDepth > 0 && (byte & 0xc0) !== 0x80 && ++this.characters > this.maxCharacters) {
          this.counter.cellText(this.characters);
        }
      } else if (byte === GREATER_THAN) {
        this.inMarkup = false;
        this.endOfTag(this.previous === SLASH);
      } else if (this.naming) {
        this.readName(byte);
      }
      this.previous = byte;
    }
  }

  private readName(byte: number): void {
    if (byte === SLASH && this.name === '' && !this.closing) {
      this.closing = true;
    } else if (byte === COLON) {
      this.name = '';
    } else if (byte <= 0x20 || byte === SLASH) {
      this.naming = false;
    } else if (this.name.length < 8) {
      this.name += String.fromCharCode(byte);
    }
  }

  private endOfTag(selfClosing: boolean): void {
    this.naming = false;
    if (this.closing) {
      if (TEXT_ELEMENTS.has(this.name) && this.textDepth > 0) this.textDepth--;
      return;
    }
    if (this.isWorksheet && this.name === 'row' && ++this.rowsOfSheet > 1) this.counter.row(this.rowsOfSheet - 1);
    if (this.isWorksheet && this.name === 'c') this.counter.cell();
    if (TEXT_ELEMENTS.has(this.name) && !selfClosing) {
      if (this.textDepth === 0) this.characters = 0;
      this.textDepth++;
    }
  }
}
