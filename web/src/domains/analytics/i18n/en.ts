// English messages of organisation analytics and impact. `{name}` marks an interpolated value.
export const analyticsEn = {
  'analytics.nav': 'Analytics',
  'analytics.navLine': 'Team analytics',
  'analytics.title': 'Analytics',
  'analytics.titleOf': 'Analytics: {page}',
  'analytics.pages': 'Analytics pages',
  'analytics.page.heatmap': 'Heatmap',
  'analytics.page.balance': 'Balance',
  'analytics.page.derailers': 'Derailers',
  'analytics.page.climate': 'Climate',
  'analytics.page.funnel': 'Funnel',
  'analytics.page.impact': 'Impact',
  'analytics.forbidden':
    'Analytics are shown to admins, and to team leaders for the teams they lead. You lead no team.',

  'analytics.filters': 'Filters',
  'analytics.filter.period': 'Month',
  'analytics.filter.programme': 'Programme',
  'analytics.filter.stage': 'Career stage',
  'analytics.filter.team': 'Team (with its sub-teams)',
  'analytics.filter.all': 'All',
  'analytics.filter.allLine': 'All teams I lead',
  'analytics.filter.clear': 'Clear filters',
  'analytics.filter.updating': 'Updating…',

  'analytics.minimum': 'A figure is shown only for at least {minimum} people.',
  'analytics.decided': 'Figures for {period}, decided {date}.',
  'analytics.decidedImpact': 'Figures decided {date}.',
  'analytics.decidedClimate': 'Each round’s figures were decided when it closed; filters do not apply here.',
  'analytics.scopeLine': 'You see the teams you lead and the teams below them.',
  'analytics.withheld': 'withheld',
  'analytics.withheldLegend': 'withheld — too few people, or it would let a smaller group be worked out',
  'analytics.n': 'n = {n}',
  'analytics.allInScope': 'Everyone in view',
  'analytics.allStages': 'All stages',

  'analytics.export': 'Download',
  'analytics.export.csv': 'CSV',
  'analytics.export.csvOf': 'CSV: {table}',
  'analytics.export.xlsx': 'Excel (XLSX), every table',
  'analytics.export.pdf': 'PDF report',
  'analytics.tables': 'The figures as tables',
  'analytics.tablesHint': 'Exactly what the downloads hold: disclosed figures only, withheld cells empty.',
  'analytics.chartHint': 'Every figure of the chart is in the tables below it.',

  'analytics.heatmap.title': 'Capabilities by team and career stage',
  'analytics.heatmap.intro':
    'Average capability scores per team (with its sub-teams) and career stage. Darker is higher; the value and the number of people are printed in each cell.',
  'analytics.heatmap.rowHead': 'Team · stage · people',
  'analytics.heatmap.people': '{n} people',
  'analytics.heatmap.stagesWithheld': '{team}: withheld for {stages}',
  'analytics.heatmap.scale': 'Colour scale',
  'analytics.heatmap.empty': 'No assessments in this selection.',

  'analytics.balance.title': 'Manage/lead balance by career stage',
  'analytics.balance.chart': 'Balance by career stage against the expected curve',
  'analytics.balance.chartDescription':
    'One bar per career stage for the observed average ({label}), a diamond for the expected value, the diamonds joined by a dashed line.',
  'analytics.balance.observed': 'observed',
  'analytics.balance.expected': 'expected',

  'analytics.derailers.title': 'Derailer prevalence',
  'analytics.derailers.chart': 'Share of assessed people flagged for each derailer',
  'analytics.derailers.chartDescription':
    'One bar per derailer: the share flagged among the people assessed.',
  'analytics.derailers.value': '{share} of {base}',

  'analytics.funnel.title': 'Participation',
  'analytics.funnel.chart': 'Participation funnel',
  'analytics.funnel.chartDescription':
    'One bar per step, from invited to re-rated: how many of the {people} people in view reached it.',
  'analytics.funnel.step.invited': 'Invited',
  'analytics.funnel.step.answered': 'Answered',
  'analytics.funnel.step.plan': 'Has a plan',
  'analytics.funnel.step.practising': 'Practising',
  'analytics.funnel.step.re-rated': 'Re-rated',
  'analytics.funnel.value': '{count} ({share})',

  'analytics.climate.title': 'Team climate by team',
  'analytics.climate.latest': 'Latest round by team',
  'analytics.climate.view': 'Team',
  'analytics.climate.trend': 'Over time: {team}',
  'analytics.climate.chartDescription':
    'Factor averages (1–5) over {count} rounds, one line and marker shape per factor; a line joins two rounds only when the change between them can be shown.',
  'analytics.climate.empty': 'No closed climate round in this selection.',

  'analytics.impact.title': 'Impact of programmes',
  'analytics.impact.intro':
    'Change from before to after each programme, per capability, among people with both ratings. d_rm is the repeated-measures effect size with Hedges’ correction, shown with its 95 % confidence interval.',
  'analytics.impact.benchmarks':
    'External benchmarks for leadership training (Lacerenza et al. 2017), from the literature, not your organisation: reactions {reactions}, learning {learning}, transfer {transfer}, results {results}.',
  'analytics.impact.benchmarkLine': 'external benchmark (Lacerenza et al. 2017)',
  'analytics.impact.dates': '{from} to {to}',
  'analytics.impact.enrolled': 'Enrolled: {n}',
  'analytics.impact.forest': 'Change per capability in {programme} (d_rm, 95 % CI)',
  'analytics.impact.forestDescription':
    'One row per capability: the effect size d_rm as a square with its 95 % confidence interval as a line; a solid line at zero, a dashed line at the external benchmark for transfer ({transfer}).',
  'analytics.impact.axis': 'd_rm (Hedges-corrected, 95 % CI)',
  'analytics.impact.shares': 'Improved, no change, declined in {programme}',
  'analytics.impact.sharesDescription':
    'One bar per capability split into the shares of people who reliably improved, did not change and declined.',
  'analytics.impact.improved': 'improved',
  'analytics.impact.noChange': 'no change',
  'analytics.impact.declined': 'declined',
  'analytics.impact.noVariance': 'no change to measure',
  'analytics.impact.notComputed': 'not computed',
  'analytics.impact.capability': 'Capability',
  'analytics.impact.before': 'Before',
  'analytics.impact.after': 'After',
  'analytics.impact.dRm': 'd_rm [95 % CI]',
  'analytics.impact.dAv': 'd_av [95 % CI]',
  'analytics.impact.blocks': 'All three building blocks vs fewer',
  'analytics.impact.blocksHint':
    'The difference in change between people with all three building blocks in place and people with fewer: an association, not a cause.',
  'analytics.impact.table': 'Figures for {programme}',
  'analytics.impact.none': 'No programme with before and after ratings in view.',
} as const;
