import { type AnyRoute, route } from '../../platform/http/route.ts';
import { reflectionApi as api } from './endpoints.ts';
import { createEntry, deleteEntry, setEntrySharing, updateEntry } from './entries.ts';
import { getEntry, journalOptions, myJournal, sharedWithMe } from './read-entries.ts';

// Every route acts for the signed-in person on their own journal, or reads what was shared with
// them. None lists or counts entries for an organisation: the journal has no admin view at all.
const tag = 'reflection';

export const reflectionRoutes: AnyRoute[] = [
  route(api.mine, {
    summary: 'Your journal, newest first, a page at a time; optionally only entries about one experiment',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, query }) => myJournal(scope, query),
  }),
  route(api.create, {
    summary: 'Write a journal entry: text, optional mood and energy (1–5), about one experiment or module',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, body }) => createEntry(scope, body),
  }),
  route(api.options, {
    summary: 'What your entries can be about (your experiments, library modules) and who a share reaches',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => journalOptions(scope),
  }),
  route(api.sharedWithMe, {
    summary: 'Journal entries your reports or coachees shared with you, newest first',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, query }) => sharedWithMe(scope, query),
  }),
  route(api.entry, {
    summary: 'One journal entry: yours, or one shared with you as the manager or coach',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => getEntry(scope, params.id),
  }),
  route(api.update, {
    summary: 'Change one of your journal entries',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => updateEntry(scope, { ...params, ...body }),
  }),
  route(api.remove, {
    summary: 'Delete one of your journal entries',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => deleteEntry(scope, params.id),
  }),
  route(api.share, {
    summary: 'Share one of your journal entries with your manager and/or coach, or stop sharing it',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params, body }) => setEntrySharing(scope, { ...params, ...body }),
  }),
];
