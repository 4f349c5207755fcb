// The digest's background work, on the app's job queue (docs/decisions/0003, 0011):
// - `nudges.digest-scan`, every 5 minutes: for each organisation, the people whose digest is due now
//   (schedule.ts on their own wall clock, so a 5-minute tick meets every zone, :30 and :45 ones
//   included) go out as batches of `nudges.send-digests`. It writes nothing else, so it may run
//   twice, or in two processes at once: the batches would overlap, and digest_sends lets each
//   period's digest through once.
// - `nudges.send-digests`: one batch. It reads its people's choices again and decides again with the
//   time it runs (someone may have turned the digest off, or the queue may have been slow), composes
//   each due digest as its person, then records them all in one transaction (send-digest.ts).
//   Batches run in parallel on the queue's workers, and in every server process that runs the queue.
//
// After a crash (kill -9) mid-run, recorded batches are committed with their digest_sends rows and
// the batch being recorded is not; the next scan, at most 5 minutes later, finds the unsent people still within
// their grace window and sends them; the batch that was running is requeued once stale and finds
// nothing left to do. Nothing here logs a name, an address or any text of a person's.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { Services } from '../../platform/services.ts';
import { digestDecision } from './schedule.ts';
import { type ComposedDigest, composeDigest, readRecipients, recordDigests } from './send-digest.ts';

/** People per batch job: small enough that a retried batch redoes little, large enough to amortise. */
export const DIGEST_BATCH = 100;
/** People the scan reads and decides at once. */
const SCAN_PAGE = 1000;

/**
 * Digests composed at once within one batch (reads only). PGlite runs one statement at a time
 * anyway; on PostgreSQL a few overlap their round trips, leaving most of the pool (10) to requests.
 */
const parallelism = (services: Services) => (services.db.kind === 'postgres' ? 2 : 1);

export const sendDigestsJob = defineJob({
  name: 'nudges.send-digests',
  payload: z.object({
    organisationId: z.uuid(),
    personIds: z.array(z.uuid()).min(1).max(DIGEST_BATCH),
  }),
  async handler({ organisationId, personIds }, { services }) {
    const result = await sendBatch(services, organisationId, personIds);
    if (result.failed > 0) {
      // Retried with backoff: the sent ones are recorded and are skipped then.
      throw new Error(`${result.failed} of ${personIds.length} digests failed (see the log for each)`);
    }
  },
});

export const digestScanJob = defineJob({
  name: 'nudges.digest-scan',
  payload: z.object({}),
  schedule: { cron: '*/5 * * * *' },
  async handler(_payload, { services }) {
    await scanDigests(services);
  },
});

export const nudgesJobs = [digestScanJob, sendDigestsJob];

/** Enqueues a batch job for every DIGEST_BATCH people due now, per organisation; returns how many are due. */
export async function scanDigests(services: Services): Promise<{ due: number; batches: number }> {
  const organisations = await services.db.asSystem((tx) =>
    queryRows(tx, sql`SELECT id::text AS id FROM organisations ORDER BY id`, z.object({ id: col.text })),
  );
  let due = 0;
  let batches = 0;
  for (const { id: organisationId } of organisations) {
    // A page at a time: the first batches go out while the rest of the organisation is read.
    for (let after: string | null = null; ; ) {
      const page = await readRecipients(services, organisationId, { after, limit: SCAN_PAGE });
      if (page.length === 0) break;
      after = page.at(-1)!.personId;
      const now = services.clock();
      const ids = page
        .filter((r) => digestDecision(r.schedule, now, r.lastSentAt).due)
        .map((r) => r.personId);
      if (ids.length > 0) {
        due += ids.length;
        await services.db.inOrganisation(organisationId, async (tx) => {
          for (let i = 0; i < ids.length; i += DIGEST_BATCH) {
            await services.jobs.enqueue(tx, sendDigestsJob, {
              organisationId,
              personIds: ids.slice(i, i + DIGEST_BATCH),
            });
            batches++;
          }
        });
      }
      if (page.length < SCAN_PAGE) break;
    }
  }
  if (due > 0) services.log.info({ due, batches }, 'digests due: batches queued');
  return { due, batches };
}

/**
 * Sends the digests of `personIds` that are due at the time it runs: composes each (reads only, a
 * few at once), then records them all in one transaction. One person's failure to compose does not
 * stop the others; it is logged (the person's id and the error's message only) and counted.
 */
export async function sendBatch(
  services: Services,
  organisationId: string,
  personIds: readonly string[],
): Promise<{ sent: number; skipped: number; failed: number }> {
  const now = services.clock();
  const queue = (await readRecipients(services, organisationId, { personIds })).flatMap((r) => {
    const decision = digestDecision(r.schedule, now, r.lastSentAt);
    return decision.due ? [{ r, decision }] : [];
  });
  const notDue = personIds.length - queue.length;
  const composed: ComposedDigest[] = [];
  let failed = 0;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { r, decision } = next;
      try {
        composed.push(await composeDigest(services, r, decision.period, decision.localDate, now));
      } catch (err) {
        failed++;
        services.log.error(
          { organisationId, personId: r.personId, error: err instanceof Error ? err.message : String(err) },
          'digest not composed',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: parallelism(services) }, worker));
  const { sent, skipped } = await recordDigests(services, organisationId, composed, now);
  return { sent, skipped: skipped + notDue, failed };
}
