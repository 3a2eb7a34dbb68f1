import { scaleBand, scaleLinear } from 'd3-scale';
import { line, stack } from 'd3-shape';

/**
 * The dashboard's charts, drawn on the server as SVG markup: d3-scale maps the numbers to
 * positions and d3-shape lays out the stacks and lines, so no path is worked out by hand; the
 * markup around them is ours. d3 rather than vega-lite: two small pure libraries with no
 * canvas, font or DOM to emulate, each call a pure function of its input, fast enough to draw a
 * page per request. Each chart is an image with a title and a description for assistive
 * technology; the page puts the same numbers in a table beside it. Every text is escaped;
 * colours come from the GOV.UK palette and are never the only way to tell series apart (legend
 * labels, dash patterns).
 */

export const PALETTE = {
  blue: '#1d70b8',
  darkBlue: '#003078',
  green: '#00703c',
  turquoise: '#28a197',
  orange: '#f47738',
  red: '#d4351c',
  purple: '#4c2c92',
  lightPurple: '#6f72af',
  brown: '#b58840',
  darkGrey: '#505a5f',
  midGrey: '#b1b4b6',
  lightGrey: '#f3f2f1',
  text: '#0b0c0c',
} as const;

export interface ChartText {
  /** Unique on the page: the title's and description's ids derive from it. */
  id: string;
  title: string;
  description: string;
}

export interface Series {
  key: string;
  label: string;
  colour: string;
}

const WIDTH = 640;
const FONT = 13;
const MARGIN = { top: 16, right: 16, left: 56 };
const DASHES = ['', '8 4', '2 4', '12 4 2 4'];

/** Text for XML: markup characters and quotes escaped, control characters dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const number = (value: number) => Number(value.toFixed(2));
const idOf = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');
/** A rough width of a label at FONT px in Arial, enough to lay the legend out. */
const textWidth = (text: string) => Math.ceil(text.length * FONT * 0.56);

function svg(text: ChartText, height: number, body: string[]): string {
  const id = idOf(text.id);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 ${WIDTH} ${number(height)}" width="100%" role="img" focusable="false" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-size="${FONT}" fill="${PALETTE.text}">`,
    `<title id="${id}-title">${escapeXml(text.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(text.description)}</desc>`,
    ...body,
    '</svg>',
  ].join('');
}

function label(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end' = 'start', extra = ''): string {
  return `<text x="${number(x)}" y="${number(y)}" text-anchor="${anchor}"${extra}>${escapeXml(content)}</text>`;
}

/** A legend under the plot, wrapped into rows: each series' swatch (or line) beside its name. */
function legend(
  series: { label: string; colour: string; dash?: string }[],
  top: number,
  asLine: boolean,
): { markup: string[]; height: number } {
  const markup: string[] = [];
  let x = MARGIN.left;
  let y = top;
  for (const item of series) {
    const width = 22 + textWidth(item.label) + 20;
    if (x + width > WIDTH - MARGIN.right && x > MARGIN.left) {
      x = MARGIN.left;
      y += 24;
    }
    markup.push(
      asLine
        ? `<line x1="${x}" y1="${y - 5}" x2="${x + 16}" y2="${y - 5}" stroke="${item.colour}" stroke-width="3"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`
        : `<rect x="${x}" y="${y - 12}" width="14" height="14" fill="${item.colour}"/>`,
      label(x + 22, y, item.label),
    );
    x += width;
  }
  return { markup, height: y - top + 24 };
}

/** A value axis: gridlines and labels at whole-number ticks. */
function valueAxis(y: ReturnType<typeof scaleLinear<number, number>>, left: number, right: number): string[] {
  return y
    .ticks(5)
    .filter((tick) => Number.isInteger(tick))
    .flatMap((tick) => [
      `<line x1="${left}" x2="${right}" y1="${number(y(tick))}" y2="${number(y(tick))}" stroke="${PALETTE.midGrey}" stroke-width="1"/>`,
      label(left - 8, y(tick) + 5, tick.toLocaleString('en-GB'), 'end'),
    ]);
}

/** Category labels under the plot; when there are many, every n-th, so that none overlap. */
function categoryAxis(categories: { key: string; label: string }[], x: ReturnType<typeof scaleBand<string>>, top: number): string[] {
  const every = Math.max(1, Math.ceil(categories.length / 12));
  return categories
    .filter((_, index) => index % every === 0)
    .map((category) => label((x(category.key) ?? 0) + x.bandwidth() / 2, top + 18, category.label, 'middle'));
}

/** The y scale of a plot of counts: from 0 to a round number above the largest (1 when all are 0). */
function countScale(max: number, bottom: number, top: number) {
  return scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(5)
    .range([bottom, top]);
}

/** Bars per category (months, buckets), each stacked by series. */
export function stackedBarChart(
  text: ChartText,
  input: { categories: { key: string; label: string }[]; series: Series[]; values: Record<string, number>[] },
): string {
  const plotHeight = 220;
  const bottom = MARGIN.top + plotHeight;
  const x = scaleBand<string>()
    .domain(input.categories.map((category) => category.key))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const layers = stack<Record<string, number>>().keys(input.series.map((series) => series.key))(input.values);
  const max = Math.max(0, ...input.values.map((values) => input.series.reduce((sum, series) => sum + (values[series.key] ?? 0), 0)));
  const y = countScale(max, bottom, MARGIN.top);
  const bars = layers.flatMap((layer, index) =>
    layer.flatMap(([from, to], at) => {
      if (to - from <= 0) return [];
      const top = y(to);
      return [
        `<rect x="${number(x(input.categories[at].key) ?? 0)}" y="${number(top)}" width="${number(x.bandwidth())}" height="${number(y(from) - top)}" fill="${input.series[index].colour}" stroke="#ffffff" stroke-width="1"/>`,
      ];
    }),
  );
  const key = legend(input.series, bottom + 52, false);
  return svg(text, bottom + 52 + key.height, [
    ...valueAxis(y, MARGIN.left, WIDTH - MARGIN.right),
    ...bars,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}" stroke="${PALETTE.text}" stroke-width="1"/>`,
    ...categoryAxis(input.categories, x, bottom),
    ...key.markup,
  ]);
}

/** One line per series over the categories (months), a dot at each value and a dash pattern of its own. */
export function lineChart(
  text: ChartText,
  input: { categories: { key: string; label: string }[]; series: (Series & { values: number[] })[] },
): string {
  const plotHeight = 220;
  const bottom = MARGIN.top + plotHeight;
  const x = scaleBand<string>()
    .domain(input.categories.map((category) => category.key))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const y = countScale(Math.max(0, ...input.series.flatMap((series) => series.values)), bottom, MARGIN.top);
  const centre = (index: number) => (x(input.categories[index].key) ?? 0) + x.bandwidth() / 2;
  const path = line<number>()
    .x((_, index) => centre(index))
    .y((value) => y(value));
  const lines = input.series.flatMap((series, index) => {
    const dash = DASHES[index % DASHES.length];
    return [
      `<path d="${path(series.values) ?? ''}" fill="none" stroke="${series.colour}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      ...series.values.map((value, at) => `<circle cx="${number(centre(at))}" cy="${number(y(value))}" r="3.5" fill="${series.colour}"/>`),
    ];
  });
  const key = legend(
    input.series.map((series, index) => ({ ...series, dash: DASHES[index % DASHES.length] })),
    bottom + 52,
    true,
  );
  return svg(text, bottom + 52 + key.height, [
    ...valueAxis(y, MARGIN.left, WIDTH - MARGIN.right),
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}" stroke="${PALETTE.text}" stroke-width="1"/>`,
    ...lines,
    ...categoryAxis(input.categories, x, bottom),
    ...key.markup,
  ]);
}

/**
 * One horizontal bar per row, its label above it (labels can be long) and its value written at its
 * end; optionally a marker on each bar (a 90th percentile beside a median).
 */
export function horizontalBarChart(
  text: ChartText,
  input: {
    rows: { label: string; value: number; valueText: string; marker?: number }[];
    colour: string;
    markerLabel?: string;
    empty: string;
  },
): string {
  if (input.rows.length === 0) return svg(text, 48, [label(MARGIN.left, 30, input.empty)]);
  const rowHeight = 52;
  const left = 16;
  const right = WIDTH - 150;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...input.rows.map((row) => Math.max(row.value, row.marker ?? 0)))])
    .nice(5)
    .range([left, right]);
  const y = scaleBand<number>()
    .domain(input.rows.map((_, index) => index))
    .range([MARGIN.top, MARGIN.top + rowHeight * input.rows.length]);
  const rows = input.rows.flatMap((row, index) => {
    const top = y(index) ?? 0;
    const end = x(row.value);
    return [
      label(left, top + 14, row.label),
      `<rect x="${left}" y="${number(top + 22)}" width="${number(Math.max(0, end - left))}" height="18" fill="${input.colour}"/>`,
      ...(row.marker === undefined
        ? []
        : [
            `<line x1="${number(x(row.marker))}" x2="${number(x(row.marker))}" y1="${number(top + 18)}" y2="${number(top + 44)}" stroke="${PALETTE.text}" stroke-width="3"/>`,
          ]),
      label(Math.max(end, row.marker === undefined ? end : x(row.marker)) + 8, top + 36, row.valueText),
    ];
  });
  const height = MARGIN.top + rowHeight * input.rows.length;
  const key = input.markerLabel
    ? [
        `<rect x="${left}" y="${height + 4}" width="14" height="14" fill="${input.colour}"/>`,
        label(left + 22, height + 16, 'Bar: median'),
        `<line x1="${left + 140}" x2="${left + 140}" y1="${height + 2}" y2="${height + 20}" stroke="${PALETTE.text}" stroke-width="3"/>`,
        label(left + 150, height + 16, input.markerLabel),
      ]
    : [];
  return svg(text, height + (key.length ? 32 : 8), [...rows, ...key]);
}
