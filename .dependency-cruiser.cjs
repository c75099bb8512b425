/**
 * Layers point one way (`npm run lint:layers`, run by CI after the type check):
 * server/db/ knows no feature folder, shared/ knows neither side, the widget never reaches into the
 * server, and no module of server/, shared/ or widget/ imports itself back through others.
 * Type-only imports count: a cycle through types is still two modules that must change together.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'db-knows-no-feature',
      comment: 'server/db/ is the layer features stand on: it may use itself and the top-level server files (config, errors), never a feature folder.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: '^server/(?!db/)[^/]+/' },
    },
    {
      name: 'shared-stands-alone',
      comment: 'shared/ holds the wire format both sides import; it imports neither side.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|widget)/' },
    },
    {
      name: 'widget-knows-no-server',
      comment: 'The widget is bundled for browsers: it takes wire types from shared/, never code from server/.',
      severity: 'error',
      from: { path: '^widget/' },
      to: { path: '^server/' },
    },
    {
      name: 'console-knows-no-server',
      comment: 'The console is bundled for browsers and calls only the public API, through client/.',
      severity: 'error',
      from: { path: '^console/' },
      to: { path: '^server/' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules that import each other, directly or through others, cannot be read, tested or moved one at a time.',
      severity: 'error',
      from: { path: '^(server|shared|widget|console)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^(server|shared|widget|console|client)/',
  },
};
