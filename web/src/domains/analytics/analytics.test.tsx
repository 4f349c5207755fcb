// The analytics pages' pieces against fixture responses (test/support/analytics-fixtures.ts, which
// the contracts must accept): released figures with their n, every withheld cell marked in words,
// the filters read from and written to the URL, and download links carrying the same filters.
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  analyticsClimate,
  balance,
  derailers,
  funnel,
  heatmap,
  impact,
} from '../../../../src/domains/analytics/contracts.ts';
import { analyticsFixtures as fx } from '../../../../test/support/analytics-fixtures.ts';
import { contrast } from '../../ui/charts/colour-scale.ts';
import { balanceRows, derailerRows, funnelRows } from './bar-views.tsx';
import { climateSeries } from './climate-view.tsx';
import { queryFromSearch, withFilter } from './filters.ts';
import { HeatmapView, heatDomain, heatmapLines } from './heatmap-view.tsx';
import { forestRows, ImpactView, shareRows } from './impact-view.tsx';
import { Downloads, Provenance } from './page-parts.tsx';

describe('fixtures', () => {
  it('are responses the contracts accept', () => {
    expect(() => heatmap.parse(fx.heatmap)).not.toThrow();
    expect(() => balance.parse(fx.balance)).not.toThrow();
    expect(() => derailers.parse(fx.derailers)).not.toThrow();
    expect(() => funnel.parse(fx.funnel)).not.toThrow();
    expect(() => analyticsClimate.parse(fx.climate)).not.toThrow();
    expect(() => impact.parse(fx.impact)).not.toThrow();
  });
});

describe('heatmap', () => {
  const html = renderToStaticMarkup(
    <MemoryRouter>
      <HeatmapView data={fx.heatmap} />
    </MemoryRouter>,
  );
  const cells = [...html.matchAll(/<td class="heat-cell([^"]*)"([^>]*)>(.*?)<\/td>/g)];

  it('prints each released mean with its n, coloured, text readable on its colour', () => {
    const shown = cells.filter((c) => !c[1]);
    const released = fx.heatmap.rows.flatMap((r) => r.cells).filter((c) => c !== null);
    expect(shown).toHaveLength(released.length);
    expect(shown[0]![3]).toContain('<strong>3.62</strong>');
    expect(shown[0]![3]).toContain('n = 64');
    for (const cell of shown) {
      const [, background, colour] = /background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})/.exec(cell[2]!)!;
      expect(contrast(background!, colour!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('marks withheld cells with the word and no colour', () => {
    const withheld = cells.filter((c) => c[1] === ' heat-withheld');
    expect(withheld).toHaveLength(fx.heatmap.rows.flatMap((r) => r.cells).filter((c) => c === null).length);
    for (const cell of withheld) {
      expect(cell[2]).not.toContain('style');
      expect(cell[3]).toContain('withheld');
    }
  });

  it('names rows by team path and stage, the total as everyone in view', () => {
    expect(html).toContain('Everyone in view');
    expect(html).toContain('>Customer Success</a></strong>');
    expect(html).toMatch(
      /Executive Office \/ Product &amp; Engineering<\/span><strong><a href="\/\?team=[0-9a-f-]+"[^>]*>Engineering<\/a><\/strong>/,
    );
    expect(html).toContain('Individual contributor');
    expect(heatDomain(fx.heatmap)).toEqual([2, 5]);
  });
});

describe('bars', () => {
  it('balance: observed mean with n, the expected value kept for withheld stages', () => {
    const rows = balanceRows(fx.balance);
    expect(rows[0]).toMatchObject({ value: 0.34, reference: 0.3, valueText: '0.34 (n = 31)' });
    expect(rows[3]).toMatchObject({ value: null, reference: 0.65, withheld: true, note: 'withheld' });
  });

  it('derailers: the scope total row, share of the assessed base', () => {
    const rows = derailerRows(fx.derailers);
    expect(rows[0]).toMatchObject({ value: 14 / 58, valueText: '24 % of 58' });
    expect(rows[2]).toMatchObject({ value: null, withheld: true });
  });

  it('funnel: each step against the people in view, withheld steps marked', () => {
    const rows = funnelRows(fx.funnel);
    expect(rows.map((r) => r.value)).toEqual([1, 0.8, 41 / 80, 27 / 80, null]);
    expect(rows[1]!.valueText).toBe('64 (80 %)');
    expect(rows[4]).toMatchObject({ label: 'Re-rated', withheld: true });
  });
});

describe('climate', () => {
  it('a factor series has a gap for a withheld round and joins only released changes', () => {
    const view = fx.climate.views[1]!;
    const [meaning] = climateSeries(fx.climate, view);
    expect(meaning!.values).toEqual([3.6, null, 3.9]);
    expect(meaning!.joined).toEqual([false, false, false]);
  });
});

describe('impact', () => {
  const programme = fx.impact.programmes[0]!;

  it('forest rows: d_rm with n in the label; withheld and no-variance say why', () => {
    const rows = forestRows(programme);
    expect(rows[0]).toMatchObject({ label: 'Building relationships (n = 18)', interval: { estimate: 0.58 } });
    expect(rows[2]).toMatchObject({ interval: null, note: 'no change to measure' });
    expect(rows[2]!.withheld).toBeUndefined();
    expect(rows[3]).toMatchObject({ label: 'Strategic thinking', interval: null, withheld: true });
    expect(shareRows(programme)[0]!.shares).toEqual({ improved: 9 / 18, noChange: 7 / 18, declined: 2 / 18 });
  });

  it('the page draws the forest plot against the labelled external benchmark and tabulates every figure', () => {
    const html = renderToStaticMarkup(<ImpactView data={fx.impact} />);
    expect(html).toContain('external benchmark (Lacerenza et al. 2017)');
    expect(html).toContain('transfer 0.82');
    expect(html).toContain('0.58 [0.24, 0.92]');
    expect(html).toContain('0.34 [−0.02, 0.70]');
    expect(html).toContain('an association, not a cause');
    expect(html.match(/role="img"/g)).toHaveLength(2);
  });
});

describe('filters and downloads', () => {
  it('reads only well-formed filters from the URL', () => {
    const search = new URLSearchParams(
      `period=2026-13&programme=${fx.heatmap.choices.programmes[0]!.id}&stage=manager&team=not-a-uuid`,
    );
    expect(queryFromSearch(search)).toEqual({
      programme: fx.heatmap.choices.programmes[0]!.id,
      stage: 'manager',
    });
    expect(withFilter(search, 'stage', '').has('stage')).toBe(false);
    expect(withFilter(search, 'period', '2026-10').get('period')).toBe('2026-10');
  });

  it('export links carry the page, the format and the same filters; PDF only on impact', () => {
    const query = { period: '2026-10', stage: 'manager' };
    const html = (page: 'balance' | 'impact', tables = fx.balance.tables) =>
      renderToStaticMarkup(<Downloads page={page} query={query} tables={tables} />);
    const balanceLinks = html('balance');
    expect(balanceLinks).toContain(
      'href="/api/analytics/balance/export?period=2026-10&amp;stage=manager&amp;format=csv"',
    );
    expect(balanceLinks).toContain('format=xlsx');
    expect(balanceLinks).not.toContain('report.pdf');
    const derailerLinks = renderToStaticMarkup(
      <Downloads page="impact" query={{}} tables={fx.derailers.tables} />,
    );
    expect(derailerLinks).toContain('format=csv&amp;table=by-stage');
    expect(derailerLinks).toContain('href="/api/analytics/impact/report.pdf"');
  });

  it('says the minimum, when the figures were decided, and what withheld means', () => {
    const html = renderToStaticMarkup(
      <Provenance minimum={5} decidedAt={fx.heatmap.decidedAt} period="2026-11" scope="line" />,
    );
    expect(html).toContain('at least 5 people');
    expect(html).toContain('Figures for 2026-11');
    expect(html).toContain('withheld — too few people, or it would let a smaller group be worked out');
    expect(html).toContain('the teams you lead');
  });
});

describe('heatmap lines', () => {
  it('folds a team’s stage rows with nothing released into one line, and keeps every row with a figure', () => {
    const team = { id: '00000000-0000-4000-8000-000000000001', name: 'Sales', path: 'Sales' };
    const empty = (stage: string) => ({ team, stage, people: null, cells: [null, null] });
    const lines = heatmapLines([
      { team, stage: null, people: 40, cells: [{ n: 40, mean: 3.2 }, null] },
      empty('team-lead'),
      empty('manager'),
      { team, stage: 'individual-contributor', people: 30, cells: [null, null] },
      empty('executive'),
    ]);
    expect(
      lines.map((l) => (l.kind === 'row' ? `row:${l.row.stage}` : `withheld:${l.stages.join('+')}`)),
    ).toEqual(['row:null', 'withheld:team-lead+manager', 'row:individual-contributor', 'withheld:executive']);
  });
});
