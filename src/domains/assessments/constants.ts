// Assessment rules the web app shows too; free of zod and Drizzle so it can import them.

export const ASSESSMENT_STATUSES = ['open', 'submitted'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
