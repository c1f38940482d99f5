import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { markingLine, type ReportDocument, type ReportSection } from './document';
import { columnShares, type PaperTable } from './layout';

/** A4 in twentieths of a point, with margins of 1.5 cm: the width a table or picture may take. */
const PAGE = { width: 11906, height: 16838, margin: 850 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Font sizes in half-points: body 10 pt, tables 9 pt. */
const BODY_SIZE = 20;
const TABLE_SIZE = 18;
/** The picture's width on the page in pixels at 96 to the inch (about 17 cm); `withPictures` draws it at twice that. */
export const FIGURE_WIDTH = 640;

/** The same document as a Word file (the paper the meeting edits), the marking in header and footer. */
export async function toDocx(document: ReportDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: document.title, heading: HeadingLevel.TITLE }),
    ...detailsOf(document),
  ];
  for (const section of document.sections) children.push(...sectionOf(section));
  const file = new Document({
    title: document.title,
    creator: 'peermap',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: BODY_SIZE }, paragraph: { spacing: { after: 80 } } },
        title: {
          run: { font: 'Arial', size: 32, bold: true, color: '111111' },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: {
          run: { font: 'Arial', size: 24, bold: true, color: '111111' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: { default: new Header({ children: [markingOf(document)] }) },
        footers: { default: new Footer({ children: footerOf(document) }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

const markingOf = (document: ReportDocument) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: markingLine(document.marking), bold: true, size: TABLE_SIZE })],
  });

function footerOf(document: ReportDocument): Paragraph[] {
  // A footnote written as a sentence keeps its own full stop; one written as a phrase gets one.
  const footnote = document.footnote?.replace(/[.!?]$/u, '');
  const version = footnote ? `${footnote}. ` : '';
  return [
    markingOf(document),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ text: `${version}Page `, size: TABLE_SIZE }),
        new TextRun({ children: [PageNumber.CURRENT], size: TABLE_SIZE }),
        new TextRun({ text: ' of ', size: TABLE_SIZE }),
        new TextRun({ children: [PageNumber.TOTAL_PAGES], size: TABLE_SIZE }),
      ],
    }),
  ];
}

/** Whose paper it is, one line each under the title: "Partnership: …", "Meeting: …". */
const detailsOf = (document: ReportDocument) =>
  (document.details ?? []).map(
    ({ label, value }) =>
      new Paragraph({
        spacing: { after: 40 },
        children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: value })],
      }),
  );

function sectionOf(section: ReportSection): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 })];
  for (const text of section.paragraphs ?? []) parts.push(new Paragraph({ text }));
  if (section.figure?.png) parts.push(figureOf({ ...section.figure, png: section.figure.png }));
  if (section.figure) parts.push(captionOf(section.figure.caption));
  if (section.table) {
    parts.push(tableOf(section.table));
    if (section.table.note) parts.push(captionOf(section.table.note));
  }
  return parts;
}

const captionOf = (text: string) =>
  new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text, italics: true, size: TABLE_SIZE })] });

/** The picture as a PNG drawn on the server, sized to the page, with its caption as its alternative text. */
function figureOf(figure: { svg: string; caption: string; png: Uint8Array }): Paragraph {
  const [width, height] = svgSize(figure.svg);
  return new Paragraph({
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: figure.png,
        transformation: { width: FIGURE_WIDTH, height: Math.round((FIGURE_WIDTH * height) / width) },
        altText: { name: 'The group', title: 'The group', description: figure.caption },
      }),
    ],
  });
}

/** The drawing size an SVG of peermap's states on its root element. */
function svgSize(svg: string): [number, number] {
  const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1]);
  return width > 0 && height > 0 ? [width, height] : [4, 3];
}

function tableOf(table: PaperTable): Table {
  const widths = columnShares(table).map((share) => Math.round(share * TEXT_WIDTH));
  const cell = (text: string, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      margins: { top: 30, bottom: 30, left: 70, right: 70 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            spacing: { after: 0 },
            children: [new TextRun({ text: line, bold: header, size: TABLE_SIZE })],
          }),
      ),
    });
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((text, index) => cell(text, index, header)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(table.header, true), ...table.rows.map((cells) => row(cells, false))],
  });
}
