// Limits of the reflection journal that the web app shows as the person types, so both sides read
// them from this zod-free file (docs/adding-a-domain.md).

/** Room for a page of honest thought; past this it is a document, not a journal entry. */
export const ENTRY_BODY_MAX = 10_000;
/** Mood and energy are 1 (low) … 5 (high), both optional. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Entries per page of the journal, and the most one request may ask for. */
export const JOURNAL_PAGE_SIZE = 20;
export const JOURNAL_PAGE_MAX = 100;
