// The page-only charts and the heatmap's colour scale: bars where the scale puts them, references
// joined into a curve, gaps where a step may not be shown, and text that keeps AA contrast on
// every fill of the scale.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarRows } from './bar-rows.tsx';
import { contrast, HEAT_HIGH, HEAT_LOW, heatScale, inkOn } from './colour-scale.ts';
import { LineChart } from './line-chart.tsx';

const text = (id: string) => ({ title: 'T', description: 'D', id });

describe('heatmap colour scale', () => {
  it('runs from the light to the dark end and clamps outside the domain', () => {
    const fill = heatScale([1, 5]);
    expect(fill(1)).toBe(HEAT_LOW);
    expect(fill(5)).toBe(HEAT_HIGH);
    expect(fill(0)).toBe(HEAT_LOW);
    expect(fill(9)).toBe(HEAT_HIGH);
    expect(fill(3)).not.toBe(fill(3.5));
  });

  it('gives every fill along the scale text with at least 4.5:1 contrast', () => {
    const fill = heatScale([0, 100]);
    for (let v = 0; v <= 100; v += 1) {
      expect(contrast(fill(v), inkOn(fill(v)))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes WCAG contrast (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 6);
  });
});

describe('bar rows', () => {
  const svg = renderToStaticMarkup(
    <BarRows
      text={text('b')}
      width={520}
      domain={[0, 1]}
      barLabel="observed"
      referenceLabel="expected"
      rows={[
        { key: 'a', label: 'Early', value: 0.5, valueText: '0.50 (n = 12)', reference: 0.4 },
        { key: 'b', label: 'Senior', value: null, note: 'withheld', withheld: true, reference: 0.7 },
        { key: 'c', label: 'Exec', value: 1, valueText: '1.00 (n = 8)', reference: 0.8 },
      ]}
    />,
  );

  it('draws a bar per shown row, as long as its value', () => {
    const widths = [...svg.matchAll(/class="visx-bar" x="4" y="\d+" width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    const plot = 520 - 12 - 120 - 4;
    expect(widths).toEqual([expect.closeTo(plot / 2, 9), expect.closeTo(plot, 9)]);
    expect(svg).toContain('0.50 (n = 12)');
  });

  it('puts the key on two lines when it does not fit on one', () => {
    const narrow = renderToStaticMarkup(
      <BarRows
        text={text('n')}
        width={300}
        domain={[0, 1]}
        barLabel="observed (share of leading over managing)"
        referenceLabel="expected"
        rows={[{ key: 'a', label: 'Early', value: 0.5, valueText: '0.50', reference: 0.4 }]}
      />,
    );
    expect(narrow).toContain('transform="translate(4 18)"');
    expect(svg).not.toContain('transform="translate(4 18)"');
  });

  it('joins the references of every row (also withheld ones) into one dashed curve', () => {
    expect(svg.match(/visx-linepath/g)).toHaveLength(1);
    expect(svg.match(/d="M0 -7 L7 0 L0 7 L-7 0 Z"/g)).toHaveLength(3);
    expect(svg).toContain('>withheld</text>');
  });
});

describe('line chart', () => {
  const svg = renderToStaticMarkup(
    <LineChart
      text={text('l')}
      xLabels={['Jan', 'Apr', 'Jul']}
      domain={[1, 5]}
      series={[
        { key: 'm', label: 'Meaning', values: [3, 3.5, 4], joined: [false, true, false] },
        { key: 'g', label: 'Growth', values: [2, null, 4], joined: [false, true, true] },
      ]}
    />,
  );

  it('draws a step only where it may be shown and both ends are there', () => {
    const steps = svg.match(/<line class="visx-line"[^>]*stroke="#(1d4ed8|047857)" stroke-width="2"/g);
    expect(steps).toHaveLength(1);
  });

  it('marks each shown point with its series shape and names each series in the legend', () => {
    expect(svg.match(/M-5.5 0 A5.5/g)).toHaveLength(3 + 1);
    expect(svg.match(/M-5 -5 H5 V5 H-5 Z/g)).toHaveLength(2 + 1);
    expect(svg).toContain('>Growth</text>');
  });
});
