/**
 * Raised when data cannot support a statistic (a constant item, too few items or respondents, an
 * out-of-range parameter). The message is one line and names the offending item or parameter, so a
 * CLI or an HTTP route can show it as is; `field`, when set, is that parameter's name, for a route
 * that reports bad input per field.
 */
export class PsychometricsError extends Error {
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'PsychometricsError';
    this.field = field;
  }
}
