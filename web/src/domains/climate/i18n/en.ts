// English messages of team climate. Keys are flat and namespaced by page; `{name}` marks an
// interpolated value.
export const climateEn = {
  'nav.climate': 'Team climate',

  'climate.title': 'Team climate',
  'climate.intro':
    'How your direct reports experience the environment you create: meaning, growth, belonging and how safe it is to speak up. Figures are averages on a scale from 1 (strongly disagree) to 5 (strongly agree), shown only for groups where at least {minimum} people answered, and checked together so no smaller group can be worked out.',
  'climate.introAdmin':
    'How people across the organisation experience the environment their leaders create: meaning, growth, belonging and how safe it is to speak up. Figures are averages on a scale from 1 (strongly disagree) to 5 (strongly agree), shown only for groups where at least {minimum} people answered, and checked together so no smaller group can be worked out.',
  'climate.empty':
    'No team climate results for you yet. Once a round has closed, the views of your direct reports and the teams you lead appear here.',
  'climate.view': 'View',
  'climate.latest': 'Latest round, closed {date}',
  'climate.withheld': 'Not enough responses to show.',
  'climate.factor': 'Factor',
  'climate.mean': 'Average (1–5)',
  'climate.n': 'Answered',
  'climate.items': 'Each statement',
  'climate.statement': 'Statement',
  'climate.trend': 'Over time',
  'climate.trendSummary':
    'Averages per factor over {count} rounds; a line joins two rounds only when the change between them can be shown.',
  'climate.round': 'Round closed {date}',
  'climate.notShown': 'not shown',
  'climate.takeFocusIntro': 'Work on one of these in your own development plan:',
  'climate.takeFocus': 'Add “{factor}” to my plan',
  'climate.focusAdded': '“{factor}” is now a focus area of your plan.',
  'climate.noPlan': 'Start a development plan to take a factor into it.',

  'climate.admin.title': 'Rounds',
  'climate.admin.schedule': 'Send a round automatically',
  'climate.admin.off': 'Off (only when sent by hand)',
  'climate.admin.every': 'Every {weeks} weeks',
  'climate.admin.window': 'Days a round stays open',
  'climate.admin.save': 'Save settings',
  'climate.admin.saved': 'Settings saved.',
  'climate.admin.sendNow': 'Send a round now',
  'climate.admin.sent': 'The round is on its way: everyone with a manager gets a link by email.',
  'climate.admin.none': 'No rounds yet.',
  'climate.admin.roundOpen': 'Open until {date}',
  'climate.admin.roundClosed': 'Closed {date}',
  'climate.admin.counts': '{answered} of {invited} answered',
  'climate.admin.when': 'Sent',
  'climate.admin.status': 'Status',
  'climate.admin.answered': 'Answers',

  'climate.form.title': 'Team climate',
  'climate.form.intro':
    'These statements are about working with {leader} at {organisation}. Say how far you agree with each. It takes about two minutes.',
  'climate.form.deadline': 'Open until {date}.',
  'climate.form.submit': 'Send my answers',
  'climate.form.missing': 'Please answer every statement: {count} still open.',
  'climate.form.thanks': 'Thank you',
  'climate.form.thanksBody': 'Your answers are in. They will only ever be shown combined with others’.',
  'climate.form.closed': 'This round is closed and no longer takes answers.',
  'climate.form.invalid':
    'This link is not valid: it may have been replaced by a newer one (check your latest email).',
  'climate.form.privacy': 'Who sees what',
} as const;
