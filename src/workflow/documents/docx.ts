import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ISectionOptions,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { columnWidths } from './column-widths';
import { Block, footPieces, Frame, Printable } from './printable';

/** A4 portrait in twips (twentieths of a point), with the PDF's margins: room at the top and foot for the marking and the page line. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { side: 800, top: 1080, bottom: 1240, header: 400, footer: 320 };
const TEXT_WIDTH = PAGE.width - 2 * MARGIN.side;
/** Font sizes in half-points, as Word counts them: the PDF's 10 point text, 8 point tables and foot line. */
const SIZE = { text: 20, small: 16 };
/** The width of a facts list's labels, in twips. */
const LABEL_WIDTH = 2800;

/** Someone's text with its line breaks kept: one run a line, each after the first on a new line. */
function runs(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, at) => new TextRun({ text: line, break: at > 0 ? 1 : undefined, ...options }));
}

/** A paragraph of text as typed: a blank line starts a new paragraph, a single line break stays one. */
function paragraphs(text: string): Paragraph[] {
  return text.split(/(?:\r?\n){2,}/).map((part) => new Paragraph({ children: runs(part), spacing: { after: 120 } }));
}

const cell = (text: string, width: number, options: { bold?: boolean; size?: number; shaded?: boolean } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: runs(text, { bold: options.bold, size: options.size }) })],
    width: { size: width, type: WidthType.DXA },
    shading: options.shaded ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } : undefined,
  });

/**
 * Two tables one after the other are one table to Word, so each is followed by a paragraph; it is
 * also the space under it.
 */
const afterTable = () => new Paragraph({ children: [], spacing: { after: 80 } });

/** A character of 8 point table text, in twips: Roboto's widest glyphs, as the PDF measures them. */
const CHAR_TWIPS = 0.62 * 8 * 20;

/** Widths in twips that fill the text width, measured as the PDF measures the same columns. */
function twips(header: string[], rows: string[][]): number[] {
  return columnWidths(header, rows, TEXT_WIDTH, CHAR_TWIPS).map(Math.floor);
}

/** A table as wide as the text: its header row repeated at the top of each page it runs onto, and no row split across two. */
function table(block: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  if (block.rows.length === 0) return [new Paragraph({ children: runs(block.empty, { italics: true }), spacing: { after: 160 } })];
  const widths = twips(block.header, block.rows);
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          keepNext: true,
          children: block.header.map((text, column) => cell(text, widths[column], { bold: true, size: SIZE.small, shaded: true })),
        }),
        ...block.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: widths.map((width, column) => cell(row[column] ?? '', width, { size: SIZE.small })),
            }),
        ),
      ],
    }),
    afterTable(),
  ];
}

/** Label and value, side by side and without borders. */
function facts(block: Extract<Block, { kind: 'facts' }>): (Paragraph | Table)[] {
  const widths = [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH];
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: block.rows.map(
        ([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, widths[0], { bold: true }), cell(value, widths[1])] }),
      ),
    }),
    afterTable(),
  ];
}

/** A block as Word paragraphs and tables; a heading is kept with what follows it, so it never ends a page. */
function content(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'marking':
      return [];
    case 'title':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.TITLE, keepNext: true })];
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1, keepNext: true, keepLines: true })];
    case 'subheading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2, keepNext: true, keepLines: true })];
    case 'paragraph':
      return paragraphs(block.text);
    case 'facts':
      return facts(block);
    case 'table':
      return table(block);
  }
}

const marking = (frame: Frame) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: frame.marking, bold: true, size: SIZE.text })] });

/** Every page's top and foot: the marking, and under it at the foot "OP-2026-0012 — page 3 of 7" with the version and when it was produced. */
function frameOf(frame: Frame): Pick<ISectionOptions, 'headers' | 'footers' | 'properties'> {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: MARGIN.top,
          bottom: MARGIN.bottom,
          left: MARGIN.side,
          right: MARGIN.side,
          header: MARGIN.header,
          footer: MARGIN.footer,
        },
      },
    },
    headers: { default: new Header({ children: [marking(frame)] }) },
    footers: {
      default: new Footer({
        children: [
          marking(frame),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 60 },
            children: [new TextRun({ size: SIZE.small, children: footPieces(frame, PageNumber.CURRENT, PageNumber.TOTAL_PAGES) })],
          }),
        ],
      }),
    },
  };
}

const heading = (size: number, before: number) => ({
  run: { size, bold: true, color: '000000', font: 'Arial' },
  paragraph: { spacing: { before, after: 80 }, keepNext: true },
});

/**
 * A printable as an A4 Word document: the marking at the top and the foot of every page, under it at the
 * foot the reference with page N of M (Word's own page fields), the version and when it was produced;
 * tables as wide as the text, their header repeated on each page and no row split; a heading never the
 * last thing on a page. Each of the printable's pages is a section, so it starts on a new sheet.
 */
export function renderDocx(printable: Printable): Promise<Buffer> {
  const { frame } = printable;
  const pages = printable.pages.map((blocks) => blocks.flatMap(content)).filter((children) => children.length > 0);
  const document = new Document({
    title: frame.title,
    subject: frame.marking,
    creator: 'Joint day-of-action planner',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: SIZE.text } },
        title: heading(32, 0),
        heading1: heading(26, 240),
        heading2: heading(22, 160),
      },
    },
    sections: (pages.length ? pages : [[]]).map((children) => ({ ...frameOf(frame), children })),
  });
  return Packer.toBuffer(document);
}
