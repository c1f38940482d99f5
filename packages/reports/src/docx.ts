import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { markingLine, type ReportDocument } from './document';

/** The same document as a Word file (the paper the meeting edits), the marking in header and footer. */
export async function toDocx(document: ReportDocument): Promise<Uint8Array> {
  const marking = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: markingLine(document.marking), bold: true })],
    });
  const children: (Paragraph | Table)[] = [new Paragraph({ text: document.title, heading: HeadingLevel.TITLE })];
  for (const section of document.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    for (const text of section.paragraphs ?? []) children.push(new Paragraph({ text }));
    if (section.figure)
      children.push(new Paragraph({ children: [new TextRun({ text: section.figure.caption, italics: true })] }));
    if (section.table) children.push(tableOf(section.table));
  }
  const file = new Document({
    title: document.title,
    creator: 'peermap',
    sections: [
      {
        headers: { default: new Header({ children: [marking()] }) },
        footers: { default: new Footer({ children: [marking()] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

function tableOf(table: { header: string[]; rows: string[][] }): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(table.header, true), ...table.rows.map((cells) => row(cells, false))],
  });
}
