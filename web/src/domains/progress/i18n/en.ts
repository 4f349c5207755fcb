// English messages of measured change. Keys are flat and namespaced by page; `{name}` marks an
// interpolated value; keys ending in `.one` / `.other` are plural forms (see `tn`).
export const progressEn = {
  'nav.progress': 'My progress',

  'progress.title': 'My progress',
  'progress.intro':
    'Has your behaviour changed? Each later self-assessment, 360 or pulse is compared with where you started, and the change is called reliable only when it is larger than the measurement’s own error. Only you see this page.',
  'progress.empty':
    'Nothing to compare yet. Take the self-assessment, or ask for 360 feedback; once you have done one twice (or a pulse after a 360), your change shows here.',
  'progress.emptyAssessment': 'Take the self-assessment',
  'progress.emptyFeedback': 'Ask for 360 feedback',

  'progress.kind.self': 'Self-assessment',
  'progress.kind.360': '360 (others)',
  'progress.kind.pulse': 'Pulse (others)',
  'progress.label.improved': 'Improved',
  'progress.label.no-reliable-change': 'No reliable change',
  'progress.label.declined': 'Declined',
  'progress.source.organisation': 'organisation',
  'progress.source.default': 'default',

  'progress.changes.title': 'Changes',
  'progress.changes.caption':
    'Change from your first measurement to your latest, per capability and focus behaviour',
  'progress.changes.none':
    'You have one measurement of each kind so far: the timeline shows it, and a second one will show the change.',
  'progress.col.scale': 'Capability or behaviour',
  'progress.col.kind': 'Measure',
  'progress.col.scores': 'First → latest',
  'progress.col.difference': 'Change',
  'progress.col.rci': 'RCI',
  'progress.col.result': 'Result',
  'progress.col.reliability': 'Reliability used',
  'progress.scores': '{baseline} → {latest}',
  'progress.scoresDates': '{baseline} to {latest}',
  'progress.behaviourOf': 'Behaviour in {capability}',
  'progress.derailerNote': 'less often is better',
  'progress.changes.summary':
    'Reliable improvements: {improved}. Reliable declines: {declined}. No reliable change: {unchanged}.',
  'progress.reliability.organisation': '{value} (organisation, n = {n})',
  'progress.reliability.default': '{value}, default',
  'progress.reliability.defaultWhy': 'Default because: {reason}.',
  'progress.reliability.sd': 'Baseline SD {value} ({source}), S_diff {sDiff}.',
  'progress.reliability.itemBasis':
    'For one behaviour: the share of its scale’s reliability one item has (Spearman–Brown).',
  'progress.raters.one': '{count} rater',
  'progress.raters.other': '{count} raters',

  'progress.method.title': 'How change is measured',

  'progress.timeline.title': 'Timeline',
  'progress.timeline.choose': 'Show',
  'progress.timeline.capability': '{name}',
  'progress.timeline.behaviour': '{capability}: {text}',
  'progress.timeline.summary': '{name}, on a scale of {min} to {max}: {points}.',
  'progress.timeline.point': '{kind} {date}: {score}',
  'progress.timeline.experiments.one': '{count} experiment marked.',
  'progress.timeline.experiments.other': '{count} experiments marked.',
  'progress.timeline.noExperiments': 'No experiments in your plans yet.',
  'progress.timeline.legend': 'Key',
  'progress.timeline.experiment': 'Experiment (start to review)',
  'progress.timeline.focusExperiment': 'Experiment on this capability',
  'progress.timeline.table': 'Scores on the timeline as a table',
  'progress.timeline.caption': 'Scores of {name} over time',
  'progress.col.date': 'Date',
  'progress.col.score': 'Score',
  'progress.col.raters': 'Raters',
  'progress.experiments.title': 'Experiments on the timeline',
  'progress.experiments.item': '{number}. {title}',
  'progress.experiments.dates': '{start} to {review} · {focus}',
  'progress.experiments.status.planned': 'planned',
  'progress.experiments.status.running': 'running',
  'progress.experiments.status.done': 'done',
  'progress.experiments.status.dropped': 'dropped',
} as const;
