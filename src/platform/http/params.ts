// Path parameters that name something: an id, or an emailed link. Whether a string is shaped like
// an id must not be something a caller can learn by asking, so a malformed one is not refused with
// a 400: it is read as an id (or link) that exists nowhere, and the route answers it exactly as it
// answers any unknown one — its own 404 (or 410), after the same checks and the same work.
import { z } from 'zod';

/** No row has this id (ids are random version-4 UUIDs): what a malformed id parameter becomes. */
export const NO_SUCH_ID = '00000000-0000-0000-0000-000000000000';

/** Shaped like a link token (`organisationId.secret`), in an organisation that does not exist. */
export const NO_SUCH_LINK = `${NO_SUCH_ID}.no-such-link-no-such-link`;

/** An id path parameter; a malformed one reads as an unknown one. */
export const idParam = z.uuid().catch(NO_SUCH_ID);

/** `{ id }` path parameters, the common case. */
export const idParams = z.object({ id: idParam });

/** A link token path parameter checked by `shape`; a malformed one reads as an unknown link. */
export const linkParam = (shape: z.ZodString) => shape.catch(NO_SUCH_LINK);
