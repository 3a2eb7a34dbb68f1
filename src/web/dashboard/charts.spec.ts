import { escapeXml, horizontalBarChart, lineChart, PALETTE, stackedBarChart } from './charts';

const text = { id: 'chart-x', title: 'Plans & <outcomes>', description: 'Said "in words" for O’Brien' };
const months = [
  { key: '2027-01', label: 'Jan 27' },
  { key: '2027-02', label: 'Feb 27' },
  { key: '2027-03', label: 'Mar 27' },
];

/** What every chart must be: an image named by its title and described, no script, no style attribute, no external resource. */
function expectAccessibleSvg(svg: string) {
  expect(svg).toMatch(
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img"[^>]*aria-labelledby="chart-x-title" aria-describedby="chart-x-desc"/,
  );
  expect(svg).toContain('<title id="chart-x-title">Plans &amp; &lt;outcomes&gt;</title>');
  expect(svg).toContain('<desc id="chart-x-desc">Said &quot;in words&quot; for O’Brien</desc>');
  expect(svg).toMatch(/viewBox="0 0 640 \d+(\.\d+)?"/);
  expect(svg).not.toMatch(/<script|style=|href=|url\(|@import|<foreignObject/i);
  expect(svg.endsWith('</svg>')).toBe(true);
}

describe('charts (server-rendered SVG with d3-scale and d3-shape)', () => {
  it('escapes every text it writes into markup', () => {
    expect(escapeXml(`<script>alert('x')</script> & "q"\u0007`)).toBe(
      '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;',
    );
  });

  it('stacks bars per category by series, one rectangle per non-zero value, heights in proportion, with a legend in words', () => {
    const svg = stackedBarChart(text, {
      categories: months,
      series: [
        { key: 'a', label: 'Draft <1>', colour: PALETTE.midGrey },
        { key: 'b', label: 'Completed', colour: PALETTE.green },
      ],
      values: [
        { a: 2, b: 2 },
        { a: 0, b: 1 },
        { a: 0, b: 0 },
      ],
    });
    expectAccessibleSvg(svg);
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="(#[0-9a-f]{6})" stroke/g)].map(
      (m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        height: Number(m[4]),
        fill: m[5],
      }),
    );
    expect(bars.map((bar) => bar.fill)).toEqual([PALETTE.midGrey, PALETTE.green, PALETTE.green]);
    // 2 + 2 stacked in January: the second sits on the first, the same height; February's single 1 is half as high.
    expect(bars[1].y + bars[1].height).toBeCloseTo(bars[0].y, 1);
    expect(bars[0].height).toBeCloseTo(bars[1].height, 1);
    expect(bars[2].height).toBeCloseTo(bars[1].height / 2, 1);
    expect(bars[2].x).toBeGreaterThan(bars[0].x);
    expect(svg).toContain('>Draft &lt;1&gt;</text>');
    expect(svg).toContain('>Jan 27</text>');
  });

  it('labels at most about twelve categories, so that three years of months stay legible', () => {
    const many = Array.from({ length: 36 }, (_, index) => ({ key: String(index), label: `M${index}` }));
    const svg = stackedBarChart(text, {
      categories: many,
      series: [{ key: 'n', label: 'Plans', colour: PALETTE.blue }],
      values: many.map(() => ({ n: 1 })),
    });
    expect([...svg.matchAll(/>M\d+<\/text>/g)].length).toBe(12);
  });

  it('draws a line per series with a path from d3-shape, a dot per value and a dash pattern of its own', () => {
    const svg = lineChart(text, {
      categories: months,
      series: [
        { key: 'arrests', label: 'Arrests', colour: PALETTE.darkBlue, values: [1, 4, 0] },
        { key: 'nrm', label: 'NRM referrals', colour: PALETTE.purple, values: [0, 2, 2] },
      ],
    });
    expectAccessibleSvg(svg);
    const paths = [...svg.matchAll(/<path d="(M[^"]+)"[^>]*stroke="(#[0-9a-f]{6})"([^>]*)\/>/g)];
    expect(paths).toHaveLength(2);
    expect(paths[0][1].split('L')).toHaveLength(3);
    expect(paths[0][3]).not.toContain('dasharray');
    expect(paths[1][3]).toContain('stroke-dasharray="8 4"');
    expect([...svg.matchAll(/<circle /g)]).toHaveLength(6);
    expect(svg).toContain('>NRM referrals</text>');
  });

  it('draws horizontal bars with their labels and values in words, and says when there is nothing to draw', () => {
    const svg = horizontalBarChart(text, {
      rows: [
        { label: 'Engage the CPS early', value: 4, valueText: '4 of 5' },
        { label: 'Have at least one team confirmed', value: 2, valueText: '2 of 5', marker: 3 },
      ],
      colour: PALETTE.blue,
      markerLabel: 'Line: 90th percentile',
      empty: 'Nothing',
    });
    expectAccessibleSvg(svg);
    const widths = [...svg.matchAll(/<rect x="16" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(widths[1] * 2, 1);
    expect(svg).toContain('>4 of 5</text>');
    expect(svg).toContain('>Line: 90th percentile</text>');
    const empty = horizontalBarChart(text, { rows: [], colour: PALETTE.blue, empty: 'No plans start in the next 30 days' });
    expectAccessibleSvg(empty);
    expect(empty).toContain('>No plans start in the next 30 days</text>');
  });
});
