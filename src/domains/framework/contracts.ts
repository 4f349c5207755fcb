// Framework API contracts, shared by the server and the web app.
import { z } from 'zod';
import { FILE_FORMATS, VERSION_STATUSES } from './constants.ts';
import { frameworkDefinition } from './definition.ts';

export {
  type BlockDefinition,
  type CapabilityDefinition,
  type FrameworkDefinition,
  type FrameworkDefinitionInput,
  frameworkDefinition,
  type ItemDefinition,
  type ResponseScaleDefinition,
} from './definition.ts';

import { idParams } from '../../platform/http/params.ts';

export const versionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  name: z.string(),
  /** Number of the version a draft was copied from; null for the first version and imports. */
  sourceVersionNumber: z.number().int().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  capabilityCount: z.number().int(),
  /** Items that are asked (not retired), team climate included. */
  itemCount: z.number().int(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const versionDetail = versionSummary.extend({ definition: frameworkDefinition });
export type VersionDetail = z.infer<typeof versionDetail>;

export const exportQuery = z.object({
  format: z.enum(FILE_FORMATS, `must be one of: ${FILE_FORMATS.join(', ')}`).default('json'),
});

export { idParams };
