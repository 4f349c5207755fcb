// The layers of docs/decisions/0010, checked in `npm test`. A wrong import fails with the rule's name.
//   core (pure) ← platform ← identity ← domains/* ← modules/server/cli/demo
// and the web app may import only a server domain's contracts and constants.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import loop: modules that need each other are one module, or one of them needs a seam.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core holds pure logic (statistics, scoring, disclosure): no I/O, no other layer.',
      from: { path: '^src/core/' },
      to: {
        path: ['^src/(platform|identity|domains|cli|demo)/', '^src/[^/]+\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-has-no-io',
      severity: 'error',
      comment: 'src/core must not touch files, network, processes or the database.',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(node:)?(fs|net|http|https|child_process|pg|@electric-sql/pglite|drizzle-orm)' },
    },
    {
      name: 'platform-below-identity-and-domains',
      severity: 'error',
      comment:
        'src/platform (db, http, jobs, mail, config) is infrastructure: it imports neither identity nor a domain.',
      from: { path: '^src/platform/' },
      to: { path: ['^src/(identity|domains|cli|demo)/', '^src/(modules|server)\\.ts$'] },
    },
    {
      name: 'identity-below-domains',
      severity: 'error',
      comment:
        'src/identity (organisations, people, auth) is the one writer of people; it imports no domain.',
      from: { path: '^src/identity/' },
      to: { path: ['^src/(domains|cli|demo)/', '^src/(modules|server)\\.ts$'] },
    },
    {
      name: 'domains-below-composition',
      severity: 'error',
      comment:
        'A domain is composed by src/modules.ts; it does not import the composition root, the CLI or the demo.',
      // Test support inside a domain (testing/) builds whole organisations, as the composition does.
      from: { path: '^src/domains/', pathNot: '^src/domains/[^/]+/testing/' },
      to: { path: ['^src/(cli|demo)/', '^src/(modules|server)\\.ts$'] },
    },
    {
      name: 'server-imports-shared-charts-only',
      severity: 'error',
      comment:
        'The server may import from web/ only the shared chart components (web/src/ui/charts: props in, SVG out, no browser API), which the PDF renders with react-dom/server (docs/decisions/0029).',
      from: { path: '^(src|bin)/' },
      to: { path: '^web/', pathNot: '^web/src/ui/charts/[^/]+\\.tsx?$' },
    },
    {
      name: 'shared-charts-are-pure',
      severity: 'error',
      comment:
        'Shared charts are rendered on the server too: they import React and visx only (no app state, i18n, API or CSS).',
      from: { path: '^web/src/ui/charts/' },
      to: { path: '^(web/src/(?!ui/charts/)|src/)' },
    },
    {
      name: 'web-imports-contracts-only',
      severity: 'error',
      comment:
        'The web app may import only contracts, endpoints and constants of the server (no services, no database).',
      from: { path: '^web/' },
      to: {
        path: '^src/',
        pathNot:
          '^src/(core/[^/]+/constants|(identity|domains|platform)/[^/]+/(contracts|endpoints|[a-z-]+-endpoints|[a-z-]+-contracts|constants))\\.ts$|^src/platform/http/(endpoint|contract-types)\\.ts$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|\\.tmp|web/build)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
