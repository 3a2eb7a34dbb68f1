import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { columnWidths, LONGEST_UNBROKEN } from './column-widths';
import { Block, footLine, Frame, Printable } from './printable';

/** A4 portrait in points, and the margins: room at the top and the foot for the marking and the page line. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { side: 40, top: 54, bottom: 62 };
const TEXT_WIDTH = PAGE.width - 2 * MARGIN.side;

/**
 * How closely a document is set. A briefing at reading size, in pdfmake's default table layout (cells padded
 * 4 points each side and 2 above and below); premises cards small and close, so that each fits its one sheet.
 */
interface Setting {
  /** The font sizes of running text, of tables, and of the title, headings and subheadings. */
  size: { text: number; table: number; title: number; heading: number; subheading: number };
  /** A table cell's padding across and up and down; undefined for pdfmake's default layout. */
  padding?: { across: number; down: number };
  /** The room below a table or a list of facts, and the width of a fact's name. */
  after: number;
  factName: number;
}
const REGULAR: Setting = { size: { text: 10, table: 8, title: 16, heading: 13, subheading: 11 }, after: 10, factName: 140 };
const COMPACT: Setting = {
  size: { text: 8, table: 7, title: 13, heading: 10, subheading: 9 },
  padding: { across: 2, down: 1 },
  after: 4,
  factName: 90,
};
/** A cell's padding left and right and its border. */
const cellPadding = (setting: Setting) => 2 * (setting.padding?.across ?? 4) + 1;
/** Roboto's widest glyphs are about this much of the font size: a word this long fits the width it is given. */
const GLYPH_WIDTH = 0.62;

const fontFile = (name: string) => join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto', name);
pdfmake.setFonts({
  Roboto: {
    normal: fontFile('Roboto-Regular.ttf'),
    bold: fontFile('Roboto-Medium.ttf'),
    italics: fontFile('Roboto-Italic.ttf'),
    bolditalics: fontFile('Roboto-MediumItalic.ttf'),
  },
});
// A document is made only of the plan's text: it may read the fonts above and nothing else, on disk or the network.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(dirname(fontFile('x'))));

/** Long words broken into pieces a line may end between (a zero-width space), so they wrap inside a narrow column. */
function breakable(text: string): string {
  return text.replace(new RegExp(`\\S{${LONGEST_UNBROKEN + 1},}`, 'g'), (word) =>
    word.match(new RegExp(`.{1,${LONGEST_UNBROKEN}}`, 'gu'))!.join('\u200b'),
  );
}

/** Widths of each column's text (inside its padding) that, padding and borders included, fill the text width. */
export function tableWidths(header: string[], rows: string[][], width = TEXT_WIDTH, setting = REGULAR): number[] {
  return columnWidths(header, rows, width - header.length * cellPadding(setting) - 1, GLYPH_WIDTH * setting.size.table);
}

/** A table layout with the setting's padding, lined or not; pdfmake's own when the setting keeps the default. */
function layout(setting: Setting, lines: boolean) {
  const padding = setting.padding;
  if (!padding) return lines ? undefined : 'noBorders';
  const line = () => (lines ? 1 : 0);
  const across = () => padding.across;
  const down = () => padding.down;
  return { hLineWidth: line, vLineWidth: line, paddingLeft: across, paddingRight: across, paddingTop: down, paddingBottom: down };
}

const cell = (text: string, header = false): TableCell => ({
  text: breakable(text),
  bold: header,
  fillColor: header ? '#e8e8e8' : undefined,
});

function tableContent(block: Extract<Block, { kind: 'table' }>, setting: Setting): Content {
  if (block.rows.length === 0) return { text: block.empty, italics: true, margin: [0, 2, 0, setting.after - 2] };
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: tableWidths(block.header, block.rows, TEXT_WIDTH, setting),
      body: [block.header.map((h) => cell(h, true)), ...block.rows.map((row) => row.map((c) => cell(c)))],
    },
    layout: layout(setting, true),
    fontSize: setting.size.table,
    margin: [0, 2, 0, setting.after],
  };
}

function factsContent(block: Extract<Block, { kind: 'facts' }>, setting: Setting): Content {
  return {
    table: {
      dontBreakRows: true,
      widths: [setting.factName, TEXT_WIDTH - setting.factName - 2 * cellPadding(setting)],
      body: block.rows.map(([label, value]) => [{ text: label, bold: true }, { text: breakable(value) }]),
    },
    layout: layout(setting, false),
    margin: [0, 2, 0, setting.after],
  };
}

/** A block as pdfmake content; a heading carries a level, so it never ends a page (see `pageBreakBefore`). */
function content(block: Block, setting: Setting): Content[] {
  const { size } = setting;
  switch (block.kind) {
    case 'marking':
      return [];
    case 'title':
      return [{ text: block.text, fontSize: size.title, bold: true, margin: [0, 0, 0, size.title / 2] }];
    case 'heading':
      return [{ text: block.text, fontSize: size.heading, bold: true, margin: [0, setting.after, 0, 4], headlineLevel: 1 }];
    case 'subheading':
      return [{ text: block.text, fontSize: size.subheading, bold: true, margin: [0, setting.after - 4, 0, 3], headlineLevel: 2 }];
    case 'paragraph':
      return [{ text: breakable(block.text), margin: [0, 0, 0, setting.after - 4] }];
    case 'facts':
      return [factsContent(block, setting)];
    case 'table':
      return [tableContent(block, setting)];
  }
}

const MARKING_SIZE = 10;
/** The height of a line of the marking, in points (Roboto's line at 10 points, times the document's line height, rounded up). */
const MARKING_LINE = 14;
/** Where the marking starts below the top edge of the sheet, and below the foot of the text. */
const MARKING_OFFSET = { top: 20, foot: 10 };
/** The foot line under the marking at the foot, with the gap above it, and the room left below it to the sheet's edge. */
const FOOT_LINE = 14;
const EDGE = 12;

/**
 * How many lines the marking takes across the text width: a handling instruction may run to 200 characters,
 * so the marking may need three. Words are laid greedily at the width of Roboto's widest glyphs, so the count
 * is never less than pdfmake's.
 */
export function markingLines(marking: string): number {
  const perLine = Math.floor(TEXT_WIDTH / (GLYPH_WIDTH * MARKING_SIZE));
  let lines = 1;
  let used = 0;
  for (const word of marking.split(/\s+/)) {
    const length = Math.min(word.length, perLine);
    if (used > 0 && used + 1 + length > perLine) {
      lines += 1;
      used = length;
    } else used += used > 0 ? 1 + length : length;
  }
  return lines;
}

/** The sheet's margins, with room at the top for the whole marking and at the foot for the marking and the foot line. */
function margins(frame: Frame): [number, number, number, number] {
  const marking = markingLines(frame.marking) * MARKING_LINE;
  const top = Math.max(MARGIN.top, MARKING_OFFSET.top + marking + EDGE);
  const bottom = Math.max(MARGIN.bottom, MARKING_OFFSET.foot + marking + FOOT_LINE + EDGE);
  return [MARGIN.side, top, MARGIN.side, bottom];
}

const marking = (frame: Frame, top: number): Content => ({
  text: frame.marking,
  bold: true,
  alignment: 'center',
  fontSize: MARKING_SIZE,
  margin: [MARGIN.side, top, MARGIN.side, 0],
});

/**
 * A printable as an A4 PDF: the marking at the top and the foot of every page, under it at the foot
 * "OP-2026-0012 — page 3 of 7", the version and when it was produced; tables as wide as the text,
 * their header repeated on each page and no row split; a heading never the last thing on a page. A compact
 * printable is set smaller and closer (premises cards, a sheet each).
 */
export function renderPdf(printable: Printable): Promise<Buffer> {
  const { frame } = printable;
  const setting = printable.compact ? COMPACT : REGULAR;
  const pages = printable.pages
    .map((blocks) => blocks.flatMap((block) => content(block, setting)))
    .filter((body) => body.length > 0)
    .map((body, at) => (at === 0 ? body : [{ stack: body, pageBreak: 'before' as const }]));
  const doc = pdfmake.createPdf({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: margins(frame),
    info: { title: frame.title, subject: frame.marking, creator: 'Joint day-of-action planner' },
    defaultStyle: { font: 'Roboto', fontSize: setting.size.text, lineHeight: 1.15 },
    header: () => marking(frame, MARKING_OFFSET.top),
    footer: (page, count) => ({
      stack: [
        marking(frame, MARKING_OFFSET.foot),
        { text: footLine(frame, page, count), fontSize: 8, alignment: 'center', margin: [MARGIN.side, 3, MARGIN.side, 0] },
      ],
    }),
    // A heading moves to the next page when nothing but headings would follow it on this one.
    pageBreakBefore: (node, following) =>
      node.headlineLevel !== undefined && following.getFollowingNodesOnPage().every((next) => next.headlineLevel !== undefined),
    content: pages.flat(),
  });
  return doc.getBuffer();
}
