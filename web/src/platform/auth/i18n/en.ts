// English messages of signing in, invitations and password resets. Keys are flat and namespaced by page so translators see the
// context; `{name}` marks an interpolated value; keys ending in `.one` / `.other` are plural
// forms (see `tn` in web/src/i18n/index.ts, which composes every domain's catalogue).
export const authEn = {
  'signIn.title': 'Sign in',
  'signIn.intro': 'Welcome back. Sign in to continue your development journey.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.organisation': 'Organisation',
  'signIn.organisationHint':
    'This email belongs to more than one organisation. Enter the one to sign in to ({choices}).',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.forgot': 'Forgot your password?',
  'signIn.expired': 'Your session ended. Please sign in again.',

  'forgot.title': 'Reset your password',
  'forgot.intro':
    'Enter the email you use for Lodestar and we will send you a link to choose a new password.',
  'forgot.email': 'Email',
  'forgot.submit': 'Send reset link',
  'forgot.submitting': 'Sending…',
  'forgot.sent':
    'If that email has an account, a link is on its way. It is valid for a limited time; check your spam folder if it does not arrive.',
  'forgot.back': 'Back to sign in',

  'reset.title': 'Choose a new password',
  'reset.intro': 'Choose a new password for your account. You will be signed out on your other devices.',
  'reset.password': 'New password',
  'reset.confirm': 'Repeat the new password',
  'reset.submit': 'Save password and sign in',
  'reset.submitting': 'Saving…',
  'reset.requestNew': 'Request a new link',

  'invitation.title': 'Accept your invitation',
  'invitation.checking': 'Checking your invitation…',
  'invitation.welcome': 'Welcome, {name}. You have been invited to join {organisation} on Lodestar.',
  'invitation.account': 'You will sign in with {email}.',
  'invitation.expired':
    'This invitation has expired or was already used. Ask your administrator to send a new one, or sign in if you already chose a password.',
  'invitation.password': 'Choose a password',
  'invitation.confirm': 'Repeat the password',
  'invitation.submit': 'Join and sign in',
  'invitation.submitting': 'Joining…',
  'invitation.signIn': 'Go to sign in',
} as const;
