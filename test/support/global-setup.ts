import { ensurePgliteTemplate, ensurePostgresTemplate } from './databases.ts';

export default async function setup(): Promise<void> {
  await ensurePgliteTemplate();
  if (process.env.DATABASE_URL) await ensurePostgresTemplate(process.env.DATABASE_URL);
}
