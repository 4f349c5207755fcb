// The demo organisation's own library module: one about a Northwind value, published, with a second
// version left as a draft, so admins see an organisation module, a version history and a draft.
import type { DemoPerson } from '../../platform/module.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import type { ModuleContent } from './contracts.ts';
import { createModule, publishDraft, saveDraft, startDraft } from './edit-modules.ts';

const AUTHOR = 'Amara Okafor';

const SAY_IT_EARLY: ModuleContent = {
  title: 'Our value: say it early',
  summary: 'At Northwind we raise a worry while it is still small, and we thank people who do.',
  minutes: 15,
  stages: ['individual-contributor', 'team-lead', 'manager', 'senior-leader', 'executive'],
  // One line per paragraph, as an admin would type it in the editor.
  body: [
    'Northwind’s first value is **say it early**. A risk named on Monday is a conversation; the same risk ' +
      'found on Friday is a crisis. Most problems we have had as a company were known to someone weeks ' +
      'before they became expensive — they just did not feel safe, or sure enough, to say so.',
    '## Why it matters',
    'Saying it early is a leadership act at every career stage. It protects customers, it gives the people ' +
      'who decide more options, and it shows others that doubts are welcome here. How you *receive* an early ' +
      'warning matters as much as how you give one: a sigh or a defensive answer teaches people to wait next time.',
    '## Try this week',
    [
      '1. Name one worry you have been carrying, to the person who can act on it, before Friday.',
      '2. When someone brings you bad news, thank them first and ask questions second.',
      '3. Notice what made it easy or hard, and tell your team.',
    ].join('\n'),
  ].join('\n\n'),
  practice: {
    action: 'I will raise one worry I have been holding back, with the person who can act on it',
    situation: 'In my next one-to-one or team meeting',
    frequency: 'Once this week',
    signal: 'The worry is discussed and a next step is agreed before it grows',
  },
  reflection: 'What made me wait before, and what would make saying it early easier for me and for others?',
};

export async function seedDemoLibrary(
  services: Services,
  organisationId: string,
  people: DemoPerson[],
): Promise<void> {
  const authorId = people.find((p) => p.name === AUTHOR)?.id ?? null;
  await inOrganisationScope(services, organisationId, async (scope) => {
    const editor = { ...scope, authorId };
    const id = await createModule(editor, { capabilityKey: 'values-motivations', ...SAY_IT_EARLY });
    await publishDraft(scope, id);
    // A second version in progress: the admin is tightening the practice.
    await startDraft(editor, id);
    await saveDraft(editor, id, {
      ...SAY_IT_EARLY,
      summary: 'Raise a worry while it is still small — and thank the people who raise theirs.',
      practice: { ...SAY_IT_EARLY.practice, frequency: 'Once this week, and once next week' },
    });
  });
}
