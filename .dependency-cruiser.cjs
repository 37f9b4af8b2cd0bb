/**
 * The import rules the build enforces (issue 9, "What must hold" item 3). `npm run depcruise` runs it
 * and `npm run lint` (so `npm test`) fails on any violation. Type-only imports count: the TypeScript
 * source is read before compilation (`tsPreCompilationDeps`), so an `import type` cycle is a cycle.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle, type-only imports included. Break it by moving the shared piece (a type, a ' +
        'registration) into a module both sides import, or by registering from app.ts.',
      from: {},
      to: {
        circular: true,
      },
    },
    {
      name: 'widget-not-to-server-runtime',
      severity: 'error',
      comment:
        'The widget runs in the browser: of the server it may only name the HTTP contract, and only its ' +
        'types (`import type` / `export type … from`), so nothing of the server reaches the bundle.',
      from: { path: '^widget/' },
      to: {
        path: '^server/',
        // server/src/contract/ is the runtime-neutral contract (issue 9 item 1), meant for the bundle.
        pathNot: ['^server/src/contract/'],
      },
    },
    {
      name: 'widget-contract-types-only',
      severity: 'error',
      comment:
        'The widget names the contract entry (server/src/contract/index.ts, which re-exports every module) ' +
        'as types only; runtime values (lists, money) it imports from their own module, so the bundle ' +
        'takes only those. The zod request schemas stay out of the bundle altogether.',
      from: { path: '^widget/' },
      to: {
        path: '^server/src/contract/(index|schemas)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'contract-runtime-neutral',
      severity: 'error',
      comment:
        'server/src/contract/ goes into the browser bundle as well as the server: it imports neither Node ' +
        'nor server code outside itself (types excepted).',
      from: { path: '^server/src/contract/' },
      to: {
        path: '^server/',
        pathNot: ['^server/src/contract/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'contract-no-node',
      severity: 'error',
      comment: 'server/src/contract/ runs in the browser too: no Node built-ins (node:fs, node:crypto …).',
      from: { path: '^server/src/contract/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-modules-without-zod',
      severity: 'error',
      comment:
        'The contract modules beside schemas/ (types, lists, money, dates, email, locale) may go into the ' +
        'browser bundle: they name the zod request schemas and zod itself as types only (a request type is ' +
        '`z.input<typeof schema>`), so zod stays on the server.',
      from: { path: '^server/src/contract/', pathNot: '^server/src/contract/schemas/' },
      to: {
        path: ['^server/src/contract/schemas/', '(^|/)node_modules/zod/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'routes-validate-with-contract',
      severity: 'error',
      comment:
        "Routes validate requests with the contract's zod schemas (server/src/contract/schemas/) and write " +
        'none of their own: a request schema written in a route is one the widget and the ERP guide cannot see.',
      from: { path: '^server/src/routes/' },
      to: { path: '(^|/)node_modules/zod/' },
    },
    {
      name: 'domain-not-to-http',
      severity: 'error',
      comment:
        'Business rules are plain functions over a db handle, testable without HTTP: the domain does not ' +
        'import routes, the http helpers or Hono. Throw a domain error; the app maps it to HTTP.',
      from: { path: '^server/src/domain/' },
      to: {
        path: ['^server/src/routes/', '^server/src/http/', '^server/src/app[.]ts$', '(^|/)node_modules/hono/'],
      },
    },
    {
      name: 'slice-through-its-index',
      severity: 'error',
      comment:
        'A domain slice (server/src/domain/<slice>/) is entered through its index.ts only: code outside the ' +
        'slice imports what the index exports, so what a slice keeps private stays private. Inside a slice, ' +
        'files import each other directly. Tests may reach a slice file to test it on its own.',
      from: {
        path: '^(server/src|bench|bin)/',
        pathNot:
          '^server/src/domain/(auth|invoices|ledger|payments|dunning|promises|disputes|erp|metrics|worklist|audit|staff-customers|customer-actions|staff-money|notifications|jobs)/',
      },
      to: {
        path: '^server/src/domain/(auth|invoices|ledger|payments|dunning|promises|disputes|erp|metrics|worklist|audit|staff-customers|customer-actions|staff-money|notifications|jobs)/',
        pathNot: ['^server/src/domain/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'slice-inside-stays-inside',
      severity: 'error',
      comment:
        'A slice reaches another slice through that slice index.ts only, as the rest of the server does; files ' +
        'of one slice import each other directly (through their own index would be a cycle).',
      from: {
        path: '^server/src/domain/(auth|invoices|ledger|payments|dunning|promises|disputes|erp|metrics|worklist|audit|staff-customers|customer-actions|staff-money|notifications|jobs)/',
      },
      to: {
        path: '^server/src/domain/(auth|invoices|ledger|payments|dunning|promises|disputes|erp|metrics|worklist|audit|staff-customers|customer-actions|staff-money|notifications|jobs)/',
        pathNot: ['^server/src/domain/$1/', '^server/src/domain/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'db-not-upward',
      severity: 'error',
      comment:
        'The database layer sits on the contract alone: server/src/db imports nothing of ours outside itself but server/src/contract (its closed lists).',
      from: { path: '^server/src/db/' },
      to: {
        dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'core'],
        pathNot: ['^server/src/db/', '^server/src/contract/'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file: a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.d.ts', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
