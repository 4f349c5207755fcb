// English messages of the digest settings and the unsubscribe page. Keys are flat and namespaced by
// page; `{name}` marks an interpolated value (see web/src/i18n/index.ts).
export const nudgesEn = {
  'nav.digestSettings': 'Email digest',

  'digest.title': 'Email digest',
  'digest.intro':
    'A short email with the experiments due, a question to reflect on, a module to read and your next check-in. It never contains anything from your journal.',
  'digest.defaults': 'You have not chosen yet: these are the defaults. Check the time zone before you save.',
  'digest.frequency': 'How often',
  'digest.frequency.weekly': 'Every week',
  'digest.frequency.fortnightly': 'Every two weeks',
  'digest.frequency.off': 'Never (the digest is off)',
  'digest.weekday': 'Day',
  'digest.hour': 'Time',
  'digest.timeZone': 'Time zone',
  'digest.timeZoneHint': 'Day and time are on this clock, summer time included.',
  'digest.useBrowserZone': 'Use my time zone ({zone})',
  'digest.quiet': 'Quiet hours: never send between',
  'digest.quietStart': 'From',
  'digest.quietEnd': 'Until',
  'digest.quietHint': 'If your digest falls in them, it waits until they end.',
  'digest.summary.on': 'Your digest comes {when} at {time} ({zone}).',
  'digest.summary.weekly': 'every {weekday}',
  'digest.summary.fortnightly': 'every other {weekday}',
  'digest.summary.quiet': 'Never between {start} and {end}.',
  'digest.summary.off': 'You get no digest. Choose a frequency to start it again.',
  'digest.save': 'Save',
  'digest.saving': 'Saving…',
  'digest.saved': 'Saved.',
  'digest.ruleQuietSame': 'must end at another hour than it starts',

  'unsubscribe.title': 'Stop the email digest',
  'unsubscribe.checking': 'Checking your link…',
  'unsubscribe.ask':
    'Stop the Lodestar digest email? You will get no more digests until you turn it on again in your settings.',
  'unsubscribe.button': 'Stop the digest',
  'unsubscribe.busy': 'Stopping…',
  'unsubscribe.done': 'Done: you will get no more digests.',
  'unsubscribe.already': 'Your digest is already off.',
  'unsubscribe.settings': 'Change your digest settings',
  'unsubscribe.settingsHint':
    'To turn it back on or choose another day, sign in and open your digest settings.',
  'unsubscribe.noToken': 'This page needs the link from a digest email.',
} as const;
