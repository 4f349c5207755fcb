// The impact charts render to a self-contained SVG string with react-dom/server (what the impact
// PDF does): marks where the figures put them, the withheld marker and its word for withheld rows,
// the dashed external benchmark with its label, and a title and description for assistive technology.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ForestPlot, type ForestRow, forestDomain } from './forest-plot.tsx';
import { ShareBars } from './share-bars.tsx';

const rows: ForestRow[] = [
  { key: 'coaching', label: 'Coaching (n = 14)', interval: { estimate: 0.42, low: 0.11, high: 0.73 } },
  { key: 'vision', label: 'Vision', interval: null, note: 'withheld', withheld: true },
  { key: 'focus', label: 'Focus (n = 9)', interval: null, note: 'no change to measure' },
];
const text = { title: 'Change per capability', description: 'Effect sizes; the table below.', id: 'fp' };
const reference = { value: 0.82, label: 'external benchmark (Lacerenza et al. 2017)' };

describe('forest plot', () => {
  const svg = renderToStaticMarkup(
    <ForestPlot text={text} rows={rows} reference={reference} axisLabel="d_rm" width={600} />,
  );

  it('is one standalone, labelled SVG', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="fp-title fp-desc"');
    expect(svg).toContain('<title id="fp-title">Change per capability</title>');
    expect(svg).not.toContain('class="chart-'); // styling is in attributes, not page CSS
  });

  it('draws the estimate and its interval where the scale puts them', () => {
    const [low, high] = forestDomain(rows, reference.value);
    expect([low, high]).toEqual([-0.5, 1]);
    const at = (v: number) => 10 + ((v - low) / (high - low)) * (600 - 12 - 10);
    const square = /<rect x="([\d.]+)" y="26" width="10" height="10"/.exec(svg);
    expect(Number(square![1]) + 5).toBeCloseTo(at(0.42), 6);
    expect(svg).toContain('0.42 [0.11, 0.73]');
  });

  it('marks the benchmark dashed and labelled as external', () => {
    expect(svg).toMatch(/stroke-dasharray="6 4"/);
    expect(svg).toContain('external benchmark (Lacerenza et al. 2017)');
  });

  it('writes why a row has no mark: withheld with its marker, no variance as text', () => {
    expect(svg).toContain('>withheld</text>');
    expect(svg).toContain('no change to measure');
    expect(svg.match(/<rect x=/g)).toHaveLength(1); // only the shown row has a point
  });

  it('widens the axis to hold every interval and the benchmark', () => {
    expect(
      forestDomain([{ key: 'a', label: 'a', interval: { estimate: 1.4, low: 1.1, high: 1.9 } }], 0.82),
    ).toEqual([-0.5, 2]);
    expect(
      forestDomain([{ key: 'a', label: 'a', interval: { estimate: -1, low: -1.3, high: -0.6 } }], 0.82),
    ).toEqual([-1.5, 1]);
  });
});

describe('improved / no change / declined bars', () => {
  const legend = { improved: 'improved', noChange: 'no change', declined: 'declined' };
  const svg = renderToStaticMarkup(
    <ShareBars
      text={{ ...text, id: 'sb' }}
      legend={legend}
      width={500}
      rows={[
        { key: 'coaching', label: 'Coaching', shares: { improved: 0.5, noChange: 0.3, declined: 0.2 } },
        { key: 'vision', label: 'Vision', shares: null, note: 'withheld', withheld: true },
      ]}
    />,
  );

  it('splits the bar by the shares, each segment with its symbol and percentage', () => {
    const widths = [...svg.matchAll(/<rect class="visx-bar" x="[\d.]+" y="\d+" width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    const full = 500 - 12 - 4;
    expect(widths.map((w) => w / full)).toEqual([0.5, 0.3, 0.2].map((s) => expect.closeTo(s, 9)));
    for (const words of ['↑ 50 %', '= 30 %', '↓ 20 %']) expect(svg).toContain(words);
  });

  it('shows the withheld marker instead of a bar for a withheld row', () => {
    expect(svg).toContain('>withheld</text>');
    expect(svg.match(/visx-bar/g)).toHaveLength(3);
  });
});
