// Test and benchmark seeding: an open climate round with `count` invitations (their links returned,
// hashed in the database as in production), without people or email, for the submit path alone.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import { issueRaterLink } from '../../../platform/http/rater-link.ts';
import { CURRENT_INSTRUMENT } from '../instrument.ts';
import { CLIMATE_LINK_KIND } from '../launch.ts';

const BATCH = 2000;

/** Returns the tokens (the part after /rate/climate/) of the seeded invitations. */
export async function seedOpenRound(db: Database, organisationId: string, count: number): Promise<string[]> {
  const leaders = Array.from({ length: Math.max(1, Math.ceil(count / 8)) }, () => crypto.randomUUID());
  const teams = Array.from({ length: Math.max(1, Math.ceil(count / 20)) }, () => crypto.randomUUID());
  const [round] = (await db
    .inOrganisation(organisationId, (tx) =>
      tx.execute(sql`
      INSERT INTO climate_rounds (organisation_id, period, instrument_version, item_keys, minimum, snapshot, deadline)
      VALUES (${organisationId}, ${`manual:${crypto.randomUUID()}`}, ${CURRENT_INSTRUMENT.version},
              ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(CURRENT_INSTRUMENT.items.map((i) => i.key))}::jsonb)),
              3, '{"teams":[],"leaders":[]}'::jsonb, now() + interval '1 day')
      RETURNING id`),
    )
    .then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows)) as Array<{ id: string }>;
  const tokens: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const rows: SQL[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const link = issueRaterLink('', organisationId, CLIMATE_LINK_KIND);
      tokens.push(link.url.slice(`/rate/${CLIMATE_LINK_KIND}/`.length));
      rows.push(
        sql`(${organisationId}::uuid, ${round!.id}::uuid, ${crypto.randomUUID()}::uuid, ${leaders[i % leaders.length]!}::uuid,
             ${teams[i % teams.length]!}::uuid, 'Respondent', ${`r${i}@bench.test`}, ${link.hash})`,
      );
    }
    await db.inOrganisation(organisationId, (tx) =>
      tx.execute(sql`INSERT INTO climate_invitations
        (organisation_id, round_id, respondent_id, leader_id, team_id, name, email, token_hash)
        VALUES ${sql.join(rows, sql`, `)}`),
    );
  }
  return tokens;
}
