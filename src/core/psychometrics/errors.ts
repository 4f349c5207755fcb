/**
 * Raised when data cannot support a statistic (a constant item, too few items or respondents, an
 * out-of-range parameter). The message is one line and names the offending item or parameter, so a
 * CLI or an HTTP route can show it as is.
 */
export class PsychometricsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PsychometricsError';
  }
}
