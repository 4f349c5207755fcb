/**
 * Raised for a policy or campaign input the disclosure module cannot release safely. `field` names
 * the offending setting or input path and the message states the rule, so an HTTP route can turn it
 * into a 400 naming the field (DESIGN §3.4) instead of guessing.
 */
export class DisclosureError extends Error {
  readonly field: string;

  constructor(field: string, rule: string) {
    super(`${field} ${rule}`);
    this.name = 'DisclosureError';
    this.field = field;
  }
}
