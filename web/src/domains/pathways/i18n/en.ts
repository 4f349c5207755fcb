// English messages of learning pathways. Keys are flat and namespaced by page so translators see the
// context; `{name}` marks an interpolated value; keys ending in `.one` / `.other` are plural
// forms (see `tn` in web/src/i18n/index.ts, which composes every domain's catalogue).
export const pathwaysEn = {
  'nav.pathways': 'Pathways',

  'pathways.title': 'My pathways',
  'pathways.intro':
    'Choose modules from the library and put them in the order you want to work through them. Your pathways are private to you.',
  'pathways.empty': 'You have no pathway yet. Start one below, or add a recommended module.',
  'pathways.browseLibrary': 'Browse the library',

  'pathways.new.title': 'New pathway',
  'pathways.new.name': 'Name',
  'pathways.new.nameHint': 'At most {max} characters, e.g. “Building trust in my new team”.',
  'pathways.new.focus': 'Focus of your plan (optional)',
  'pathways.new.noFocus': 'Not tied to a focus',
  'pathways.new.submit': 'Create pathway',
  'pathways.new.busy': 'Creating…',
  'pathways.new.created': 'Pathway “{title}” created.',

  'pathways.card.focus': 'Focus: {title}',
  'pathways.card.noSteps': 'No modules yet. Add one from the recommendations or the library.',
  'pathways.card.archive': 'Archive pathway',
  'pathways.card.archiveTitle': 'Archive “{title}”?',
  'pathways.card.archiveBody': 'It leaves your list. Your progress is kept.',
  'pathways.card.archiveConfirm': 'Archive',
  'pathways.card.keep': 'Keep it',
  'pathways.card.archived': 'Pathway “{title}” archived.',
  'pathways.card.steps.one': '{count} module, {done} reflected on',
  'pathways.card.steps.other': '{count} modules, {done} reflected on',

  'pathways.step.minutes': '{minutes} min',
  'pathways.step.unavailable': 'No longer in the library',
  'pathways.step.progress': 'Progress on {title}',
  'pathways.step.started': 'Started',
  'pathways.step.practised': 'Practised',
  'pathways.step.reflected': 'Reflected',
  'pathways.step.moveUp': 'Move up',
  'pathways.step.moveDown': 'Move down',
  'pathways.step.remove': 'Remove',
  'pathways.step.practise': 'Practise as an experiment',
  'pathways.step.moved': '{title} moved to position {position}.',
  'pathways.step.removed': '{title} removed.',

  'pathways.rec.title': 'Recommended for you',
  'pathways.rec.intro':
    'Suggestions from your focus areas, your profile and your career stage. They are only suggestions: every module in the library is open to you.',
  'pathways.rec.empty': 'Nothing to recommend right now. Browse the library for anything that interests you.',
  'pathways.rec.forFocus': 'Recommend for',
  'pathways.rec.allFocus': 'All my focus areas',
  'pathways.rec.reasons': 'Why',
  'pathways.rec.yourFocus': 'Matches your focus: {capability}',
  'pathways.rec.growthEdge': 'Builds a growth edge from your profile: {capability}',
  'pathways.rec.stage': 'Suits your career stage',
  'pathways.rec.stageNamed': 'Suits your career stage ({stage})',
  'pathways.rec.short': 'Takes {minutes} minutes',

  'pathways.add.button': 'Add to pathway',
  'pathways.add.buttonLabel': 'Add {title} to a pathway',
  'pathways.add.choose': 'Pathway',
  'pathways.add.newPathway': 'A new pathway: “{title}”',
  'pathways.add.confirm': 'Add',
  'pathways.add.cancel': 'Cancel',
  'pathways.add.added': 'Added “{module}” to “{pathway}”.',
  'pathways.add.toMine': 'Add to my pathway',
  'pathways.add.myFirst': 'My pathway',
} as const;
