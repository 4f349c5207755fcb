import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; one logger per process, children carry request ids. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'lodestar' }, timestamp: pino.stdTimeFunctions.isoTime });
}
