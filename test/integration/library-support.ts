// A valid body for creating an organisation module, with fields to override per test.
import type { ModuleContentInput } from '../../src/domains/library/contracts.ts';

export function libraryModuleInput(
  change: Partial<ModuleContentInput> & { capabilityKey?: string } = {},
): ModuleContentInput & { capabilityKey: string } {
  return {
    capabilityKey: 'building-relationships',
    title: 'Our value: care',
    summary: 'We look after each other, our customers and our neighbours.',
    body: '## Why it matters\n\nWe show **care** in small things, every day.\n\n1. Ask how someone is.\n2. Listen.',
    practice: {
      action: 'I will ask one colleague how they really are',
      situation: 'At the start of a one-to-one',
      frequency: 'Twice this week',
      signal: 'They tell me something I did not know',
    },
    reflection: 'What changed when I asked and waited for the answer?',
    minutes: 10,
    stages: ['individual-contributor', 'manager'],
    ...change,
  };
}
