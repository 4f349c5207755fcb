// The library's public face for other domains (pathways, the development plan): what they read and
// the shape they get. Everything else in the folder is the library's own business.
export type { LibraryFilters, ModuleDetail, ModuleSummary, Practice } from './contracts.ts';
export { getPublishedModule, type LibraryScope, listPublishedModules } from './read-modules.ts';
