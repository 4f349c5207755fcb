// Configuration comes from environment variables only, parsed once with zod so a bad value stops
// start-up with a message naming the variable (README lists every variable and its default).
import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LODESTAR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Lodestar <no-reply@lodestar.local>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LODESTAR_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int('must be a whole number of milliseconds')
    .min(0, 'must be 0 or more')
    .max(600_000, 'must be at most 600000 (10 minutes)')
    .default(10_000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  production: boolean;
  /** Base of links in emails; defaults to the local server. */
  publicUrl: string;
  logLevel: string;
  seedDemo: boolean;
  /** Parse every JSON response against its route's contract (NODE_ENV=test). */
  checkResponses: boolean;
  /** On SIGTERM/SIGINT, how long requests in flight may take before their connections are cut. */
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

// Used only outside production: sessions then survive restarts of a local trial, and production
// refuses to start without a real secret.
const DEVELOPMENT_SECRET = 'lodestar-development-secret-not-for-production-use';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET must be set (32+ characters) when NODE_ENV=production');
  }
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.LODESTAR_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    production,
    publicUrl: (e.PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    seedDemo: e.LODESTAR_SEED_DEMO === 'auto',
    checkResponses: e.NODE_ENV === 'test',
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
