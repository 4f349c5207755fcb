import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/**
 * The one error shape of the API: `{error: {code, message, fields}}`. `fields` maps a field's
 * path (e.g. "email" or "rows.3.email") to the rule it broke, so clients can show it in place.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; fields?: Record<string, string> } } {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(body)';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function invalidInput(error: z.ZodError, where: string): ApiError {
  const fields = fieldsFromZod(error);
  const first = Object.entries(fields)[0];
  const message = first ? `invalid ${where}: ${first[0]}: ${first[1]}` : `invalid ${where}`;
  return new ApiError(400, 'invalid_input', message, fields);
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, fields?: Record<string, string>) =>
  new ApiError(409, 'conflict', message, fields);
