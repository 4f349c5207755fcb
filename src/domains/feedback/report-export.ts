// CSV and printable HTML of a 360 report. Pure: both render the FeedbackReport, which is built
// from the frozen released report only, so they can show nothing the JSON does not.
import type { FeedbackReport, ReportCapability, ReportItem } from './contracts.ts';

const GROUP_LABELS: Record<string, string> = {
  manager: 'Manager',
  peers: 'Peers',
  direct_reports: 'Direct reports',
  others: 'Others',
  combined: 'All raters',
};

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote always-risky cells, and defuse spreadsheet formulas in free text (comments).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per capability and item with self, each shown column, all raters and others; then response rates and comments. */
export function reportCsv(report: FeedbackReport): string {
  const columns = report.columns.map((c) => c.group);
  const header = [
    'kind',
    'capability',
    'item',
    'wording',
    'self',
    ...columns.flatMap((g) => [`${g}_n`, `${g}_mean`]),
    'all_raters_n',
    'all_raters_mean',
    'others',
    'gap',
  ];
  const lines = [header.join(',')];
  const figures = (x: ReportCapability | ReportItem) =>
    columns.flatMap((g) => {
      const f = x.groups.find((fg) => fg.group === g);
      return f ? [f.n, f.mean] : [null, null];
    });
  for (const c of report.capabilities) {
    lines.push(
      [
        'capability',
        c.key,
        '',
        c.name,
        c.self,
        ...figures(c),
        c.allRaters?.n ?? null,
        c.allRaters?.mean ?? null,
        c.others,
        c.gap,
      ]
        .map(csvCell)
        .join(','),
    );
    for (const i of c.items) {
      lines.push(
        [
          'item',
          c.key,
          i.key,
          i.text,
          i.self,
          ...figures(i),
          i.allRaters?.n ?? null,
          i.allRaters?.mean ?? null,
          i.others,
          i.self !== null && i.others !== null ? Math.round((i.self - i.others) * 100) / 100 : null,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  lines.push('');
  lines.push('kind,group,invited,responded,disclosure');
  for (const g of report.groups) {
    lines.push(['response_rate', g.group, g.invited, g.responded, g.disclosure].map(csvCell).join(','));
  }
  lines.push('');
  lines.push('kind,question,group,text');
  for (const q of report.comments) {
    for (const b of q.buckets) {
      for (const t of b.texts) lines.push(['comment', q.question, b.group, t].map(csvCell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number | null) => (x === null ? '–' : x.toFixed(2));

function bar(value: number | null, min: number, max: number, cls: string): string {
  if (value === null) return '';
  const pct = Math.max(0, Math.min(100, ((value - min) / (max - min)) * 100));
  return `<span class="bar ${cls}" style="width:${pct.toFixed(1)}%"></span>`;
}

/** What the `others` column counts: all raters together, the average of the groups shown, or either. */
function othersHeading(report: FeedbackReport): string {
  const bases = new Set(report.capabilities.map((c) => c.othersBasis).filter((b) => b !== null));
  if (bases.size > 1) return 'All raters / group average';
  return bases.has('mean-of-groups') ? 'Average of groups' : 'All raters';
}

/** The thresholds sentence (the server's speaks to the subject) for another reader. */
const statementAbout = ({ subject, thresholds }: FeedbackReport) =>
  `A blind spot is a capability ${subject.name} rates at least ${thresholds.gap} points higher than others do; ` +
  `a hidden strength one they rate at least ${thresholds.gap} points lower. “Others” is the all-raters figure ` +
  `where it can be shown, otherwise the average of the groups shown. Raters disagree strongly where r_wg is ` +
  `below ${thresholds.agreementFlagBelow}.`;

/**
 * A self-contained page (inline CSS, no scripts) that prints well; the PDF is this page. `own` is
 * whether its reader is the subject ("you"); anyone else reads about the subject by name.
 */
export function reportHtml(report: FeedbackReport, { own }: { own: boolean }): string {
  const cols = report.columns.map((c) => c.group);
  const who = own ? 'you' : esc(report.subject.name);
  const capRows = report.capabilities
    .map((c) => {
      const cells = cols
        .map((g) => {
          const f = c.groups.find((x) => x.group === g);
          return `<td>${f ? `${num(f.mean)} <small>n=${f.n}</small>` : '–'}</td>`;
        })
        .join('');
      const items = c.items
        .map((i) => {
          const ic = cols
            .map((g) => {
              const f = i.groups.find((x) => x.group === g);
              return `<td>${f ? `${num(f.mean)} <small>n=${f.n}</small>` : '–'}</td>`;
            })
            .join('');
          return `<tr class="item"><td>${esc(i.text)}${i.lowAgreement ? ' <em>(raters disagree)</em>' : ''}</td><td>${num(i.self)}</td>${ic}<td>${num(i.others)}</td></tr>`;
        })
        .join('');
      return (
        `<tr class="cap"><th>${esc(c.name)}${c.derailer ? ' <small>(derailer: how often seen)</small>' : ''}</th>` +
        `<td>${num(c.self)}<div class="track">${bar(c.self, c.scale.min, c.scale.max, 'self')}</div></td>${cells}` +
        `<td>${num(c.others)}<div class="track">${bar(c.others, c.scale.min, c.scale.max, 'others')}</div></td></tr>${items}`
      );
    })
    .join('');
  const gapList = (title: string, list: FeedbackReport['blindSpots']) =>
    `<h2>${title}</h2>${
      list.length
        ? `<ul>${list.map((g) => `<li>${esc(g.name)}: ${own ? 'you' : 'self'} ${num(g.self)}, others ${num(g.others)}</li>`).join('')}</ul>`
        : '<p>None.</p>'
    }`;
  const behaviours = (title: string, list: FeedbackReport['highest']) =>
    `<h2>${title}</h2><ol>${list.map((b) => `<li>${esc(b.text)} (${num(b.others)})</li>`).join('')}</ol>`;
  const comments = report.comments
    .map(
      (q) =>
        `<h3>${esc(q.text)}</h3>${q.buckets
          .map(
            (b) =>
              `<h4>${esc(GROUP_LABELS[b.group] ?? b.group)}</h4><ul>${b.texts.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`,
          )
          .join(
            '',
          )}${q.someWithheld ? '<p><small>Some comments are withheld to protect anonymity.</small></p>' : ''}`,
    )
    .join('');
  const rates = report.groups
    .map(
      (g) =>
        `<li>${esc(GROUP_LABELS[g.group] ?? g.group)}: ${g.responded} of ${g.invited ?? '–'} responded${g.disclosure === 'shown' ? '' : ` (${g.disclosure.replace(/-/g, ' ')})`}</li>`,
    )
    .join('');
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>360° feedback — ${esc(report.subject.name)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;color:#1d2433;margin:2rem;max-width:60rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #d6dbe4}
table{border-collapse:collapse;width:100%}th,td{padding:.3rem .4rem;text-align:left;vertical-align:top;border-bottom:1px solid #eef0f4}
tr.cap{background:#f5f7fb}tr.item td:first-child{padding-left:1.2rem;color:#3b4456}
.track{height:6px;background:#eef0f4;border-radius:3px;width:6rem}.bar{display:block;height:6px;border-radius:3px}
.bar.self{background:#7a5af8}.bar.others{background:#1f8a70}small{color:#667085}
@media print{body{margin:0}tr{break-inside:avoid}}
</style></head><body>
<h1>360° feedback: ${esc(report.subject.name)}</h1>
<p>Released ${esc(report.releasedAt.slice(0, 10))} · ${esc(report.version.name)} (version ${report.version.number})</p>
<h2>Who responded</h2><ul>${rates}</ul><p><small>Invited counts everyone who was asked, including raters taken off the list later; answers they gave before that are part of this report.</small></p>
<p><small>${esc(own ? report.thresholds.statement : statementAbout(report))}</small></p>
${gapList('Blind spots', report.blindSpots)}
${gapList('Hidden strengths', report.hiddenStrengths)}
${gapList(`Derailers others see more than ${who} ${own ? 'do' : 'does'}`, report.derailerBlindSpots)}
${behaviours('Highest rated behaviours', report.highest)}
${behaviours('Lowest rated behaviours', report.lowest)}
<h2>Managing and leading</h2><p>Lead share as ${who} ${own ? 'see' : 'sees'} it: ${pct(report.balance.self)}; as others see it: ${pct(report.balance.others)}.</p><p><small>${esc(report.balance.definition)}</small></p>
<h2>By capability</h2>
<table><thead><tr><th>Capability / behaviour</th><th>Self</th>${cols.map((g) => `<th>${esc(GROUP_LABELS[g] ?? g)}</th>`).join('')}<th>${othersHeading(report)}</th></tr></thead><tbody>${capRows}</tbody></table>
<h2>Comments</h2>${comments || '<p>No comments can be shown.</p>'}
</body></html>`;
}
