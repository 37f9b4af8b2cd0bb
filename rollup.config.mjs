// Builds the browser bundle: widget/src/index.ts → dist/portico.js, the ES module (Lit, the portal,
// sign-in and the invoice list) that a page loads with a single <script type="module">, and beside it
// dist/chunks/*.js, the other elements, which portico.js imports on first use (widget/src/internal/lazy.ts);
// and for npm users one entry per element, dist/elements/<name>.js, which leave Lit to their bundler.
import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { shareEsbuildHelpers } from './scripts/share-esbuild-helpers.mjs';

const serverDir = fileURLToPath(new URL('./server/', import.meta.url));
const contractDir = fileURLToPath(new URL('./server/src/contract/', import.meta.url));

/**
 * The widget may import the server's types, and the runtime-neutral contract (server/src/contract/);
 * fail the build if any other server code would ship.
 */
const noServerCode = {
  name: 'portico-no-server-code',
  load(id) {
    if (id.startsWith(serverDir) && !id.startsWith(contractDir)) {
      this.error(`${id} is server code and must not reach the browser bundle; import it with \`import type\`.`);
    }
    return null;
  },
};

/** A build of the npm entries starts without the last one's files, which are named by content hash. */
const clean = (folder) => ({
  name: 'portico-clean',
  buildStart() {
    rmSync(fileURLToPath(new URL(`./dist/${folder}/`, import.meta.url)), { recursive: true, force: true });
  },
});

const elements = [
  'admin',
  'dispute',
  'dispute-editor',
  'dispute-list',
  'easy-pay',
  'invoice-detail',
  'invoice-list',
  'login',
  'payment-list',
  'portal',
  'promise-list',
  'promise-to-pay',
  'statement',
];

const onwarn = (warning, warn) => {
  // Lit's own `this` at module top level is harmless; everything else should be looked at.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/** `chunks/ar-statement-<hash>.js` for an element's chunk, `chunks/<module>-<hash>.js` for code several share. */
function chunkFileName(chunk) {
  const facade = chunk.facadeModuleId;
  if (facade && basename(facade) === 'define.ts') {
    // The staff console's views: chunks/admin-<view>-<hash>.js beside its shell, chunks/ar-admin-<hash>.js.
    const folder = basename(dirname(facade));
    if (basename(dirname(dirname(facade))) === 'admin') return `chunks/admin-${folder}-[hash].js`;
    return `chunks/ar-${folder}-[hash].js`;
  }
  if (chunk.name === 'admin-en') return 'chunks/admin-en-[hash].js';
  if (chunk.moduleIds.some((id) => id.endsWith('/elements/admin/admin.ts'))) return 'chunks/ar-admin-[hash].js';
  const adminWords = /\/locales\/admin\/(fr|es|de)\.ts$/;
  const language = chunk.moduleIds.map((id) => adminWords.exec(id)?.[1]).find(Boolean);
  if (language) return `chunks/admin-${language}-[hash].js`;
  // The lazy elements' English words, with whatever small shared code the build merged into them.
  if (chunk.moduleIds.some((id) => id.endsWith('/locales/en.ts'))) return 'chunks/en-[hash].js';
  return 'chunks/[name]-[hash].js';
}

/**
 * The CSS of a `css` template (the plugin hands over its text with a placeholder for each
 * expression): comments and runs of whitespace go, and the spaces around `{ } ; ,` and after `:`.
 * Nothing else is rewritten, so every fragment (a value, a list of declarations) stays what it
 * was; a general CSS minifier rejects fragments and may reorder what it does not know.
 */
function squeezeCss(css) {
  const parts = css.split(/(@TEMPLATE_EXPRESSION_*\(\);)/);
  return parts
    .map((part, index) =>
      index % 2
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':'),
    )
    .join('')
    .trim();
}

const scriptTag = {
  input: { portico: 'widget/src/index.ts' },
  // The chunks import Lit and the shared helpers from portico.js itself, rather than from a further
  // chunk that portico.js would have to wait for.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: chunkFileName,
    // No chunk under 2 KB: Lit's directive helpers, which the virtualizer needs, ride in portico.js
    // rather than in a chunk the virtualizer's would wait for before the first rows can render.
    experimentalMinChunkSize: 2048,
    // The staff console's English words are a chunk of their own, like the customer elements' (en-*.js):
    // the console's code and each language's words are budgeted apart (scripts/bundle-size.mjs).
    manualChunks(id) {
      if (/\/locales\/admin\/en(-[a-z]+)?\.ts$/.test(id)) return 'admin-en';
      return undefined;
    },
    banner: '/*! Portico widget. Includes Lit (https://lit.dev), BSD-3-Clause, Copyright Google LLC. */',
  },
  // dist/chunks keeps earlier builds' chunks: a page opened before a new build still loads its own
  // (their names carry a hash of their content); `npm run size` follows portico.js's imports only.
  plugins: [
    noServerCode,
    nodeResolve({ browser: true }),
    // Markup and styles without the indentation they have in the source.
    minifyHtmlLiterals({
      include: ['widget/src/**/*.ts'],
      failOnError: true,
      options: { minifyOptions: { minifyCSS: squeezeCss } },
    }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    shareEsbuildHelpers(),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: /^!/ } }),
  ],
  onwarn,
};

/**
 * The package's per-element entry points (`exports` in package.json): each defines its element, the
 * portal's views still load on first use, and Lit is imported, not included, so an app's bundler keeps
 * one copy. Their types are declarations tsc emits into dist/types (tsconfig.types.json).
 */
const npmEntries = {
  input: Object.fromEntries(elements.map((name) => [name, `widget/src/elements/${name}/define.ts`])),
  external: (id) => /^(lit|lit-html|lit-element|@lit|@lit-labs)(\/|$)/.test(id),
  output: {
    dir: 'dist/elements',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'shared/[name]-[hash].js',
  },
  plugins: [
    clean('elements'),
    noServerCode,
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  onwarn,
};

export default [scriptTag, npmEntries];
