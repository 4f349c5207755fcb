// What the demo seeds of the feedback domain share: the organisation as read once, and a released
// demo 360 as the pulse that follows it needs it.
import type { DatabaseKind, Tx } from '../../platform/db/database.ts';
import type { RaterGroupKey } from './contracts.ts';
import type { Instrument } from './instrument.ts';
import type { ResolvedSettings } from './settings.ts';

/** What the demo seeds read once per organisation. */
export interface DemoContext {
  tx: Tx;
  kind: DatabaseKind;
  organisationId: string;
  byName: ReadonlyMap<string, { id: string; name: string; email: string }>;
  versionId: string;
  instrument: Instrument;
  settings: ResolvedSettings;
  now: number;
}

export interface DemoRater {
  name: string;
  group: RaterGroupKey;
  answers: boolean;
}

/** A released demo 360: its id, and each rater's row and raw answers (for the pulse that follows). */
export interface Released360 {
  campaignId: string;
  subjectId: string;
  raters: Array<{ id: string; name: string; group: RaterGroupKey; answers: Record<string, number | null> }>;
}
