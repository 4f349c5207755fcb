import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Impact, ImpactCell } from '../analytics/contracts.ts';
import { impactPdf } from './pdf.tsx';

const shown: ImpactCell = {
  key: 'vision',
  name: 'Creating a vision',
  n: 24,
  status: 'shown',
  meanBefore: 2.91,
  meanAfter: 3.47,
  dRm: { estimate: 0.87, low: 0.52, high: 1.21 },
  dAv: { estimate: 0.8, low: 0.45, high: 1.1 },
  shares: {
    improved: { count: 11, share: 11 / 24, low: 0.28, high: 0.65 },
    noChange: { count: 8, share: 8 / 24, low: 0.18, high: 0.53 },
    declined: { count: 5, share: 5 / 24, low: 0.09, high: 0.4 },
  },
  blocks: {
    kind: 'association',
    all: { n: 9, mean: 0.71 },
    fewer: { n: 15, mean: 0.43 },
    difference: { estimate: 0.28, low: -0.05, high: 0.61 },
  },
};
const withheld: ImpactCell = {
  key: 'trust',
  name: 'Building trust',
  n: null,
  status: 'withheld',
  meanBefore: null,
  meanAfter: null,
  dRm: null,
  dAv: null,
  shares: null,
  blocks: null,
};
const report: Impact = {
  decidedAt: '2026-06-01T09:00:00.000Z',
  minimum: 5,
  scope: 'organisation',
  benchmark: {
    source: 'external',
    citation: 'Lacerenza et al. (2017).',
    reactions: 0.63,
    learning: 0.73,
    transfer: 0.82,
    results: 0.72,
  },
  programmes: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Spring cohort',
      startsOn: '2026-01-05',
      endsOn: '2026-07-04',
      enrolled: 24,
      capabilities: [shown, withheld],
    },
  ],
  tables: [],
};

async function textOf(pdf: Buffer): Promise<string> {
  const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  return text;
}

describe('the impact PDF', () => {
  it('holds the title, organisation, minimum, the shown figures, the external benchmark and the association wording', async () => {
    const pdf = await impactPdf(report, 'Northwind');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    for (const expected of [
      'Impact report',
      'Northwind',
      'at least 5 people',
      'Spring cohort',
      '0.87 [0.52, 1.21]',
      '11 / 8 / 5',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/External benchmark \(not this organisation's data\)/);
    expect(text).toMatch(/people with all three building blocks in place changed more/);
    expect(text).toMatch(/an association, not an effect/);
    expect(text).not.toMatch(/caused|because of the building blocks/i);
  });

  it('prints the negative ticks of the axis (the charts draw U+2212, which the PDF fonts lack)', async () => {
    const crossing = { ...shown, dRm: { estimate: 0.1, low: -0.35, high: 0.55 } };
    const pdf = await impactPdf(
      { ...report, programmes: [{ ...report.programmes[0]!, capabilities: [crossing] }] },
      'Northwind',
    );
    const ticks = (await textOf(pdf)).split(/\s+/).filter((token) => /^-0\.\d+$/.test(token));
    expect(ticks.length).toBeGreaterThan(0);
  });
});
