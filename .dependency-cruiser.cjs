/**
 * The layer rule (docs/architecture.md, Layers): dependencies point down the folder table and
 * never back up; nothing outside electron/ imports `electron`; nothing outside
 * renderer/ imports React; hardware/ and db/ know nothing of HTTP; host/api/ reaches the database
 * only through services. tests/tooling/layer-rule.test.ts proves each rule fails on a forbidden
 * import. "Only db/ holds SQL" is about strings, which dependency-cruiser cannot see:
 * tests/tooling/sql-outside-db.test.ts enforces it.
 */
const layer = (from, allowed) => ({
  name: `layer-${from}`,
  comment: `${from}/ may import only: ${allowed.join(', ') || 'nothing of ours'}`,
  severity: 'error',
  from: { path: `^${from}/` },
  to: {
    path: '^(electron|host|hardware|db|contracts|renderer|platform|scripts|tests)/',
    pathNot: [`^${from}/`, ...allowed.map((a) => `^${a}/`)],
  },
});

module.exports = {
  forbidden: [
    layer('electron', ['host', 'hardware', 'db', 'contracts']),
    layer('host', ['hardware', 'db', 'contracts']),
    layer('hardware', ['contracts']),
    layer('db', ['contracts']),
    layer('contracts', []),
    layer('renderer', ['contracts']),
    // The district platform is a program of its own on PostgreSQL: it shares the contracts with the
    // hosts and nothing else (not the hall's SQLite layer, not the host).
    layer('platform', ['contracts']),
    {
      name: 'electron-only-in-electron',
      comment: 'Only electron/ may import electron: vitest and the host run on plain Node.',
      severity: 'error',
      from: { pathNot: '^electron/' },
      to: { path: '^electron$|node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'react-only-in-renderer',
      comment: "React belongs to renderer/ (and to its component tests, which render the renderer's screens).",
      severity: 'error',
      from: { pathNot: '^(renderer|tests/renderer)/' },
      to: { path: 'node_modules/(react|react-dom|react-router|react-i18next|@tanstack/react-query)/' },
    },
    {
      name: 'no-db-in-host-api',
      comment:
        'host/api/ handlers translate HTTP to a service call and back: the services (host/auth, host/devices, host/cases…) hold the rules, transactions and audit, and only they reach db/.',
      severity: 'error',
      from: { path: '^host/api/' },
      to: { path: '^db/' },
    },
    {
      name: 'no-http-in-hardware-or-db',
      comment: 'hardware/ and db/ know nothing of HTTP.',
      severity: 'error',
      from: { path: '^(hardware|db)/' },
      to: { path: '^(http|https|http2|net)$|node_modules/(fastify|@fastify/[^/]+|ws|undici)/' },
    },
    {
      name: 'contracts-only-zod',
      comment: 'contracts/ has no runtime dependency but zod.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'], pathNot: 'node_modules/zod/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
