// Every table, for Drizzle's query builder and drizzle-kit. Each domain owns its own schema file.
export * from '../../domains/assessments/schema.ts';
export * from '../../domains/feedback/schema.ts';
export * from '../../domains/framework/schema.ts';
export * from '../../domains/organisations/schema.ts';
export * from '../../domains/people/schema.ts';
export * from '../auth/schema.ts';
export * from '../jobs/schema.ts';
export * from '../mail/schema.ts';
