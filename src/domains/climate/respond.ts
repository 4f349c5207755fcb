// The respondent's side, by link alone: read the form, submit once. The link's organisation part
// picks the tenant (row-level security applies); its secret is looked up by SHA-256 only.
// The answers are checked before anything is written; the submit is then ONE prepared statement
// (docs/decisions/0008) that spends the invitation and inserts the response, checking its own
// preconditions (still invited, round open, deadline not passed, exactly the round's items). The
// response row gets the leader and team from the invitation and nothing that points back to it.
// When the statement matches nothing, a second look at the link says why.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { col } from '../../platform/db/rows.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { readRaterLink } from '../../platform/http/rater-link.ts';
import { CLIMATE_SCALE } from './constants.ts';
import type { ClimateForm, ClimateSubmit } from './contracts.ts';
import { climateItem } from './instrument.ts';

const linkInvalid = () =>
  new ApiError(404, 'link_invalid', 'this link is not valid: it may have been replaced by a newer one');
const linkClosed = () =>
  new ApiError(410, 'link_closed', 'this team climate round is closed and no longer takes answers');
const alreadyDone = () => new ApiError(409, 'conflict', 'your answers have already been submitted');

function linkOf(token: string) {
  const link = readRaterLink(token);
  if (!link) throw linkInvalid();
  return link;
}

const linkRow = z.object({
  status: z.enum(['invited', 'submitted']),
  open: z.boolean(),
  deadline: col.timestamp,
  itemKeys: z.array(z.string()),
  minimum: col.number,
  leaderName: z.string().nullable(),
  organisationName: col.text,
});

async function lookup(db: Database, token: string) {
  const { organisationId, hash } = linkOf(token);
  const [row] = await db.statementInOrganisation(
    organisationId,
    sql`SELECT i.status, (r.status = 'open' AND r.deadline > now()) AS open, r.deadline,
               r.item_keys AS "itemKeys", r.minimum, m.name AS "leaderName", o.name AS "organisationName"
          FROM climate_invitations i
          JOIN climate_rounds r ON r.organisation_id = i.organisation_id AND r.id = i.round_id
          LEFT JOIN people m ON m.organisation_id = i.organisation_id AND m.id = i.leader_id
          JOIN organisations o ON o.id = i.organisation_id
         WHERE i.organisation_id = ${organisationId} AND i.token_hash = ${hash}`,
    linkRow,
  );
  if (!row) throw linkInvalid();
  return row;
}

export function privacyStatements(leader: string, minimum: number): string[] {
  return [
    `Your name is never stored with your answers: the answers are kept apart from the invitation, with only the leader and team you were in when the round was sent.`,
    `${leader} and the administrators see averages of a group only when at least ${minimum} people in it answered; every group shown is checked together with the others, so no group too small can be worked out by subtracting one figure from another.`,
    'No one ever sees one person’s answers. There is no free-text question: in a small team, words can give away who wrote them.',
  ];
}

export async function climateForm(db: Database, token: string): Promise<ClimateForm> {
  const row = await lookup(db, token);
  if (row.status === 'invited' && !row.open) throw linkClosed();
  const leader = row.leaderName ?? 'your manager';
  return {
    organisation: { name: row.organisationName },
    leader: { name: leader },
    deadline: row.deadline.toISOString(),
    status: row.status,
    scale: CLIMATE_SCALE.map((label, i) => ({ value: i + 1, label })),
    items: row.itemKeys.map((key) => ({ key, text: climateItem(key)?.text ?? key })),
    privacy: privacyStatements(leader, row.minimum),
  };
}

function invalid(fields: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(fields)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, fields);
}

/** Items the request names that no climate instrument has, or names twice. */
function answerProblems(request: ClimateSubmit): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  request.answers.forEach((a, i) => {
    if (!climateItem(a.item)) problems[`answers.${i}.item`] = 'is not a question of this form';
    else if (seen.has(a.item)) problems[`answers.${i}.item`] = 'appears more than once';
    seen.add(a.item);
  });
  return problems;
}

export async function submitClimate(
  db: Database,
  token: string,
  request: ClimateSubmit,
): Promise<{ status: 'submitted' }> {
  const { organisationId, hash } = linkOf(token);
  const problems = answerProblems(request);
  if (Object.keys(problems).length) throw invalid(problems);
  const keys = JSON.stringify(request.answers.map((a) => a.item));
  const answers = JSON.stringify(Object.fromEntries(request.answers.map((a) => [a.item, a.value])));
  const written = await db.statementInOrganisation(
    organisationId,
    sql`WITH spent AS (
          UPDATE climate_invitations i SET status = 'submitted'
            FROM climate_rounds r
           WHERE i.organisation_id = ${organisationId} AND i.token_hash = ${hash} AND i.status = 'invited'
             AND r.organisation_id = i.organisation_id AND r.id = i.round_id
             AND r.status = 'open' AND r.deadline > now()
             AND r.item_keys @> ARRAY(SELECT jsonb_array_elements_text(${keys}::jsonb))
             AND r.item_keys <@ ARRAY(SELECT jsonb_array_elements_text(${keys}::jsonb))
          RETURNING i.round_id, i.leader_id, i.team_id)
        INSERT INTO climate_responses (organisation_id, round_id, leader_id, team_id, answers)
        SELECT ${organisationId}, round_id, leader_id, team_id, ${answers}::jsonb FROM spent
        RETURNING id`,
    z.object({ id: z.string() }),
    undefined,
    { prepared: 'climate_submit' },
  );
  if (written.length) return { status: 'submitted' };

  // Nothing written: the link says why.
  const row = await lookup(db, token);
  if (row.status !== 'invited') throw alreadyDone();
  if (!row.open) throw linkClosed();
  const asked = new Set(row.itemKeys);
  const fields: Record<string, string> = {};
  request.answers.forEach((a, i) => {
    if (!asked.has(a.item)) fields[`answers.${i}.item`] = 'is not a question of this round';
  });
  const sent = new Set(request.answers.map((a) => a.item));
  for (const key of row.itemKeys) if (!sent.has(key)) fields[`items.${key}`] = 'needs an answer';
  if (Object.keys(fields).length) throw invalid(fields);
  throw new ApiError(409, 'conflict', 'this round changed while saving; reload the page and try again');
}
