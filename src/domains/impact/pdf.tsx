// The impact report as a PDF that looks like the page (docs/decisions/0029): pdfkit lays out the
// text and tables; the page's own chart components (web/src/ui/charts, visx) render to SVG with
// react-dom/server and svg-to-pdfkit draws that SVG as vectors. No browser at run time. Everything
// comes from the released report (service.ts): a withheld figure is null there and is written as
// "withheld", never as a number.
import PDFDocument from 'pdfkit';
import { renderToStaticMarkup } from 'react-dom/server';
import SVGtoPDF from 'svg-to-pdfkit';
import { ForestPlot } from '../../../web/src/ui/charts/forest-plot.tsx';
import { ShareBars } from '../../../web/src/ui/charts/share-bars.tsx';
import type { Impact, ImpactCell } from '../analytics/contracts.ts';

const WIDTH = 495; // A4 (595 pt) less two 50 pt margins
const f2 = (x: number) => x.toFixed(2);
const WITHHELD = 'withheld (too few people, or it would single out a smaller group)';

/** Which Lacerenza et al. criterion a self-assessed capability is set beside: behaviour at work. */
export const BENCHMARK_CRITERION = 'transfer' as const;

export async function impactPdf(report: Impact, organisation: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Impact report - ${organisation}`, Author: 'Lodestar' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.fontSize(20).font('Helvetica-Bold').text('Impact report');
  doc.moveDown(0.3).fontSize(11).font('Helvetica').text(organisation);
  doc.text(
    `Decided ${report.decidedAt.slice(0, 10)} - every group shown has at least ${report.minimum} people.`,
  );
  doc
    .moveDown(0.5)
    .fontSize(9)
    .fillColor('#374151')
    .text(
      "Before: each person's latest self-assessment up to two weeks after the programme started; after: their latest " +
        'one since. d_rm is the repeated-measures effect size (Hedges-corrected) with its 95 % confidence interval. ' +
        'Improved / declined: a reliable change (Jacobson & Truax). A figure over fewer people than the minimum, or ' +
        'one that would let a smaller group be worked out, is withheld.',
    )
    .fillColor('black');
  const benchmark = report.benchmark[BENCHMARK_CRITERION];
  doc
    .moveDown(0.5)
    .text(
      `External benchmark (not this organisation's data): ${report.benchmark.citation} ` +
        `Leadership training, ${BENCHMARK_CRITERION}: ${f2(benchmark)}.`,
    );

  for (const programme of report.programmes) {
    doc.addPage();
    doc.fontSize(15).font('Helvetica-Bold').text(programme.name);
    doc
      .fontSize(10)
      .font('Helvetica')
      .text(
        `${programme.startsOn} to ${programme.endsOn} - enrolled: ${programme.enrolled === null ? 'withheld' : programme.enrolled}`,
      );
    doc.moveDown(0.5);
    table(doc, programme.capabilities);
    chart(
      doc,
      renderToStaticMarkup(
        <ForestPlot
          text={{
            id: `forest-${programme.id}`,
            title: `${programme.name}: change per capability`,
            description: 'Hedges-corrected d_rm per capability with its 95 % CI; dashed: external benchmark.',
          }}
          axisLabel="d_rm (Hedges) with 95 % CI"
          reference={{ value: benchmark, label: `External: Lacerenza et al. 2017 (${f2(benchmark)})` }}
          rows={programme.capabilities.map((c) =>
            c.status === 'shown' && c.dRm
              ? { key: c.key, label: labelOf(c), interval: c.dRm }
              : { key: c.key, label: labelOf(c), interval: null, ...whyNot(c) },
          )}
          width={WIDTH}
        />,
      ),
    );
    chart(
      doc,
      renderToStaticMarkup(
        <ShareBars
          text={{
            id: `shares-${programme.id}`,
            title: `${programme.name}: who changed reliably`,
            description: 'Share of people with reliable improvement, no reliable change and decline.',
          }}
          legend={{ improved: 'Improved', noChange: 'No reliable change', declined: 'Declined' }}
          rows={programme.capabilities.map((c) =>
            c.status === 'shown' && c.shares
              ? {
                  key: c.key,
                  label: labelOf(c),
                  shares: {
                    improved: c.shares.improved.share,
                    noChange: c.shares.noChange.share,
                    declined: c.shares.declined.share,
                  },
                }
              : { key: c.key, label: labelOf(c), shares: null, ...whyNot(c) },
          )}
          width={WIDTH}
        />,
      ),
    );
    association(doc, programme.capabilities);
  }
  if (!report.programmes.length) doc.moveDown().fontSize(11).text('No programmes yet.');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function table(doc: PDFKit.PDFDocument, cells: ReadonlyArray<ImpactCell>) {
  const columns = [
    { title: 'Capability', width: 150 },
    { title: 'Pairs', width: 40 },
    { title: 'Before', width: 45 },
    { title: 'After', width: 45 },
    { title: 'd_rm [95 % CI]', width: 110 },
    { title: 'Improved / same / declined', width: 105 },
  ];
  const row = (values: string[], bold = false) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const heights = values.map((v, i) => doc.heightOfString(v, { width: columns[i]!.width - 4 }));
    values.forEach((v, i) => {
      doc.text(v, x, y, { width: columns[i]!.width - 4 });
      x += columns[i]!.width;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + Math.max(...heights) + 3;
  };
  row(
    columns.map((c) => c.title),
    true,
  );
  for (const c of cells) {
    if (c.status === 'withheld') {
      row([c.name, 'withheld', '', '', '', '']);
      continue;
    }
    row([
      c.name,
      String(c.n),
      c.meanBefore === null ? '' : f2(c.meanBefore),
      c.meanAfter === null ? '' : f2(c.meanAfter),
      c.dRm ? `${f2(c.dRm.estimate)} [${f2(c.dRm.low)}, ${f2(c.dRm.high)}]` : 'no variance',
      c.shares
        ? `${c.shares.improved.count} / ${c.shares.noChange.count} / ${c.shares.declined.count}`
        : 'withheld',
    ]);
  }
  doc.moveDown(0.3).fontSize(8).fillColor('#4b5563').text(`"withheld": ${WITHHELD}.`).fillColor('black');
}

/**
 * The page's charts print a true minus sign (U+2212) and ≥/≤; the standard PDF fonts (WinAnsi) have
 * none of them and drop them silently, so "−0.40" became "0.40" on the axis.
 */
const OUTSIDE_WINANSI: Record<string, string> = { '\u2212': '-', '\u2265': '>=', '\u2264': '<=' };

function chart(doc: PDFKit.PDFDocument, page: string) {
  const svg = page.replace(/[\u2212\u2265\u2264]/g, (c) => OUTSIDE_WINANSI[c]!);
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 200);
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  SVGtoPDF(doc, svg, doc.page.margins.left, doc.y, { width: WIDTH, height, assumePt: true });
  doc.y += height + 8;
  doc.x = doc.page.margins.left;
}

/** The building-blocks comparison, worded as an association: never "the blocks caused". */
function association(doc: PDFKit.PDFDocument, cells: ReadonlyArray<ImpactCell>) {
  const shown = cells.filter((c) => c.blocks);
  doc
    .fontSize(10)
    .font('Helvetica-Bold')
    .text('All three building blocks in place vs fewer (an association)');
  doc.font('Helvetica').fontSize(9);
  if (!shown.length) {
    doc.text('Withheld for every capability: one of the two groups is too small to show.');
    return;
  }
  for (const c of shown) {
    const b = c.blocks!;
    const more = b.difference.estimate >= 0 ? 'more' : 'less';
    doc.text(
      `${c.name}: people with all three building blocks in place changed ${more} (mean change ${f2(b.all.mean)}, ` +
        `n = ${b.all.n}) than people with fewer (${f2(b.fewer.mean)}, n = ${b.fewer.n}); difference ` +
        `${f2(b.difference.estimate)} [${f2(b.difference.low)}, ${f2(b.difference.high)}].`,
    );
  }
  doc
    .moveDown(0.3)
    .fillColor('#4b5563')
    .text(
      'This is an association, not an effect of the building blocks: people who put all three in place may differ ' +
        'in other ways that also go with changing more.',
    )
    .fillColor('black');
}

/** The chart's row label: the capability and, when shown, its n (as on the page). */
function labelOf(c: ImpactCell): string {
  return c.n === null ? c.name : `${c.name} (n = ${c.n})`;
}

/** Why a capability has no mark, as the page says it: withheld (marked) or no variance. */
function whyNot(c: ImpactCell): { note: string; withheld?: boolean } {
  return c.status === 'no-variance'
    ? { note: 'not computed: no variance' }
    : { note: 'withheld', withheld: true };
}
