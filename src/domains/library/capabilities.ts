// Which capabilities modules can belong to, and their names: those of the organisation's current
// framework version (cached, immutable), so a module about an organisation's own value shows that
// value's name, and renaming a capability in a new version renames it here too.
import type { OrganisationScope } from '../../platform/scope.ts';
import { currentVersion } from '../framework/service.ts';

export type CapabilityScope = Pick<OrganisationScope, 'tx' | 'kind' | 'organisationId'>;

export interface CapabilityInfo {
  key: string;
  name: string;
  blockName: string;
  /** Position in the framework, for ordering lists the way the framework reads. */
  position: number;
}

export interface Capabilities {
  list: CapabilityInfo[];
  get(key: string): CapabilityInfo | undefined;
  /** The capability's name, or its key when the current framework no longer has it. */
  nameOf(key: string): string;
  /** Framework order; capabilities the framework no longer has come last. */
  positionOf(key: string): number;
}

export async function capabilitiesOf(scope: CapabilityScope): Promise<Capabilities> {
  const { definition } = await currentVersion(scope.tx, scope.kind, scope.organisationId);
  const blockNames = new Map(definition.blocks.map((b) => [b.key, b.name]));
  const list = definition.capabilities.map((c, position) => ({
    key: c.key,
    name: c.name,
    blockName: blockNames.get(c.block) ?? c.block,
    position,
  }));
  const byKey = new Map(list.map((c) => [c.key, c]));
  return {
    list,
    get: (key) => byKey.get(key),
    nameOf: (key) => byKey.get(key)?.name ?? key,
    positionOf: (key) => byKey.get(key)?.position ?? list.length,
  };
}
