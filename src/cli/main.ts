// `lodestar …`: the command-line entry point (bin/lodestar.js runs this through tsx).
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../config.ts';
import { DEMO_PASSWORD, DEMO_SLUG, demoEmail, seedDemo } from '../demo/seed-demo.ts';
import {
  SYNTHETIC_MAX,
  SYNTHETIC_MIN,
  SyntheticOptionError,
  type SyntheticOptions,
  syntheticOptions,
} from '../demo/synthetic/options.ts';
import { seedSynthetic } from '../demo/synthetic/seed-synthetic.ts';
import { importPeople } from '../identity/people/import-people.ts';
import { ImportFileError } from '../identity/people/import-plan.ts';
import { openDatabase } from '../platform/db/database.ts';
import { organisations } from '../platform/tenancy/schema.ts';
import { createServices, startServer } from '../server.ts';
import { registerStatsCommands } from './stats.ts';

function fail(message: string): never {
  console.error(`lodestar: ${message}`);
  process.exit(1);
}

function config() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

const program = new Command('lodestar')
  .description('Lodestar: human leadership development at every career stage')
  .showHelpAfterError();

program
  .command('serve')
  .description('Run the web app and API (migrates, and seeds the demo organisation into an empty database)')
  .action(async () => {
    const running = await startServer(config());
    const demo = await running.services.db.asSystem((tx) =>
      tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_SLUG)),
    );
    const lines = [``, `  Lodestar is running at ${running.url}`];
    if (demo.length) {
      lines.push(
        `  Demo organisation "Northwind Collective"${running.demo ? ' (just seeded)' : ''}. Sign in as:`,
        `    admin        ${demoEmail('Amara Okafor')}  /  ${DEMO_PASSWORD}`,
        `    participant  ${demoEmail('Sam Taylor')}  /  ${DEMO_PASSWORD}`,
      );
    }
    lines.push(`  Press Ctrl+C to stop.`, ``);
    console.error(lines.join('\n'));
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) process.exit(1);
      stopping = true;
      running.services.log.info({ signal }, 'shutting down');
      await running.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    const c = config();
    const db = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.dataDir });
    await db.close();
    console.log('migrations applied');
  });

program
  .command('seed')
  .description('Seed data: the demo organisation, or a synthetic one of N people (give one of the two)')
  .option('--demo', 're-create the demo organisation (other organisations are left alone)')
  .option(
    '--synthetic <N>',
    `re-create a synthetic organisation of N people (${SYNTHETIC_MIN}–${SYNTHETIC_MAX}) with a year of activity`,
  )
  .option('--organisation <slug>', 'slug of the synthetic organisation (default synthetic-N)')
  .action(async (options: { demo?: boolean; synthetic?: string; organisation?: string }) => {
    if (options.demo && options.synthetic !== undefined)
      fail('seed: give either --demo or --synthetic N, not both');
    if (!options.demo && options.synthetic === undefined) fail('seed: give --demo or --synthetic N');
    if (options.demo && options.organisation !== undefined) {
      fail('seed: --organisation goes with --synthetic N (the demo is always "demo")');
    }
    if (options.demo) {
      const services = await createServices(config());
      const demo = await seedDemo(services);
      await services.db.close();
      console.log(
        `demo organisation seeded; admin ${demo.admin.email}, participant ${demo.participant.email}, password ${DEMO_PASSWORD}`,
      );
      return;
    }
    let parsed: SyntheticOptions;
    try {
      parsed = syntheticOptions({ synthetic: options.synthetic!, organisation: options.organisation });
    } catch (err) {
      if (err instanceof SyntheticOptionError) fail(err.message);
      throw err;
    }
    const services = await createServices(config());
    try {
      const t0 = performance.now();
      const result = await seedSynthetic(services, parsed, (step) =>
        console.error(`  ${((performance.now() - t0) / 1000).toFixed(1)} s: seeding ${step}…`),
      );
      const counts = Object.entries(result.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      console.log(
        `synthetic organisation "${parsed.slug}" seeded in ${result.seconds.toFixed(1)} s: ${counts}\n` +
          `admin ${result.admin.email}, password ${result.admin.password}`,
      );
    } finally {
      await services.db.close();
    }
  });

program
  .command('import-people')
  .description(
    'Create or update people from a CSV file (columns: email, name, career_stage, team, manager_email, roles, leads_team; a team may be a path such as "Engineering / Platform")',
  )
  .argument('<file>', 'CSV file, UTF-8')
  .option('--dry-run', 'report what would change, write nothing')
  .option('--skip-invalid', 'import the valid rows even if some rows are invalid')
  .option('--organisation <slug>', 'organisation to import into (needed when there are several)')
  .action(
    async (file: string, options: { dryRun?: boolean; skipInvalid?: boolean; organisation?: string }) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const services = await createServices(config());
      try {
        const orgs = await services.db.asSystem((tx) =>
          tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations),
        );
        const org = options.organisation
          ? orgs.find((o) => o.slug === options.organisation)
          : orgs.length === 1
            ? orgs[0]
            : undefined;
        if (!org) {
          fail(
            options.organisation
              ? `no organisation "${options.organisation}" (have: ${orgs.map((o) => o.slug).join(', ') || 'none'})`
              : `choose an organisation with --organisation (have: ${orgs.map((o) => o.slug).join(', ') || 'none'})`,
          );
        }
        const result = await importPeople(services.db, org.id, bytes, {
          dryRun: !!options.dryRun,
          skipInvalid: !!options.skipInvalid,
        });
        for (const e of result.errors) console.error(`line ${e.line}, ${e.column}: ${e.message}`);
        const c = result.changes;
        const summary = `${result.rows} rows: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.skipped} invalid${c.newTeams.length ? `; new teams: ${c.newTeams.join(', ')}` : ''}`;
        if (result.applied) console.log(`imported. ${summary}`);
        else if (result.dryRun) console.log(`dry run, nothing written. ${summary}`);
        else
          console.log(
            `nothing written: fix the rows above, or pass --skip-invalid to import the valid rows. ${summary}`,
          );
        process.exitCode = result.errors.length && !result.applied ? 1 : 0;
      } catch (err) {
        if (err instanceof ImportFileError) fail(err.message);
        throw err;
      } finally {
        await services.db.close();
      }
    },
  );

registerStatsCommands(program);

await program.parseAsync(process.argv);
