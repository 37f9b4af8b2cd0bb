// A quick size check of one staff console view while it is being built, without touching dist/
// (several people may build at once): bundles elements/admin/<view>/define.ts with esbuild, Lit and
// what portico.js already carries left out, minified, and prints its gzip size. `npm run size`, after
// `npm run build`, is the real budget (the console's chunks ≤ 40 KB gzip together).
//   node scripts/admin-view-size.mjs overview
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const view = process.argv[2];
if (!view) {
  console.error('usage: node scripts/admin-view-size.mjs <view folder under widget/src/elements/admin>');
  process.exit(2);
}
const result = await build({
  entryPoints: [`widget/src/elements/admin/${view}/define.ts`],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  target: 'es2022',
  external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'],
  plugins: [
    {
      // The shell and the shared widget internals are in other chunks: count the view's own code.
      name: 'outside-the-view',
      setup(b) {
        b.onResolve({ filter: /internal\/|shared\/|locales\/|elements\/login\// }, (args) =>
          args.importer.includes(`/admin/${view}/`) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});
const code = result.outputFiles[0].contents;
console.log(
  `${view}: ${(code.length / 1024).toFixed(1)} KB min, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB gzip (its own code, without its words)`,
);
