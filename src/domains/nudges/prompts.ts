// The digest's reflection prompt: one question a period, from a short list written for Lodestar
// around the three building blocks (DESIGN §1) — knowing yourself, the empowering skills, leading
// yourself — and the old behaviours to unlearn. Chosen by the period, not at random: everyone in the
// organisation reflects on the same question that week (something to talk about at a check-in),
// and weekly digests go through every question before one comes back. Only the question is in the
// email: answers belong in the person's own journal, in the app.

export const REFLECTION_PROMPTS = [
  'When did you feel most like yourself at work this week, and what were you doing?',
  'What did you do this week because it was the right thing, not just the thing done right?',
  'Where did you hold on to having the answer when a question would have served better?',
  'Who did you help to do their best work this week, and how could you tell?',
  'What did you try for the first time? What did it teach you, whatever the result?',
  'When did someone react differently from how you expected? What might they have seen that you did not?',
  'What would you do differently if you faced this week’s hardest conversation again?',
  'Where did you choose winning the point over building the relationship?',
  'What part of the bigger picture did you help someone else see this week?',
  'When did you show a little vulnerability, or hold it back? What happened?',
  'What is one thing you are doing out of habit that no longer helps you or your team?',
  'Whose view did you ask for this week that you would not normally ask?',
  'What gave you energy this week, and what drained it?',
  'Which of your experiments felt most natural, and which felt forced? Why?',
  'What did you notice about the environment you create: did people find meaning, growth and belonging?',
  'If next week went exactly as you hope, what would you have done differently from this one?',
] as const;

const DAY_MS = 86_400_000;

/** Weeks since Monday 29 December 1969 of an ISO week label (`2026-W24`); 0 for anything else. */
function weekNumber(period: string): number {
  const match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!match) return 0;
  // 4 January is always in week 1.
  const jan4 = Date.UTC(Number(match[1]), 0, 4) / DAY_MS;
  const monday = jan4 - ((jan4 + 3) % 7) + 7 * (Number(match[2]) - 1);
  return (monday + 3) / 7;
}

/** The prompt of a period (`2026-W24`): consecutive weeks take the prompts in turn. */
export function promptFor(period: string): string {
  const n = REFLECTION_PROMPTS.length;
  return REFLECTION_PROMPTS[((weekNumber(period) % n) + n) % n]!;
}
