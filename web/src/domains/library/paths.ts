// Addresses of the library's pages, and small helpers the pages share.

export const LIBRARY_PATH = '/library';
export const MODULE_PATH = '/library/:id';
export const ADMIN_LIBRARY_PATH = '/admin/library';
export const NEW_MODULE_PATH = '/admin/library/new';
export const EDIT_MODULE_PATH = '/admin/library/:id';

export const modulePath = (id: string): string => `${LIBRARY_PATH}/${encodeURIComponent(id)}`;
export const editModulePath = (id: string): string => `${ADMIN_LIBRARY_PATH}/${encodeURIComponent(id)}`;
/** The plan's "new experiment" page, started from a module's practice (built by the plan domain). */
export const experimentFromModule = (id: string): string =>
  `/plan/experiments/new?module=${encodeURIComponent(id)}`;

/** A career stage's name by its key (the key itself for a stage the organisation no longer has). */
export function stageNames(stages: readonly { key: string; name: string }[]): (key: string) => string {
  const names = new Map(stages.map((s) => [s.key, s.name]));
  return (key) => names.get(key) ?? key;
}
