// Builds the browser bundle: widget/src/index.ts → dist/portico.js, one self-contained ES module
// (Lit included) that a page loads with a single <script type="module">.
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const serverDir = fileURLToPath(new URL('./server/', import.meta.url));

/** The widget may import the server's types only; fail the build if server code would ship. */
const noServerCode = {
  name: 'portico-no-server-code',
  load(id) {
    if (id.startsWith(serverDir)) {
      this.error(`${id} is server code and must not reach the browser bundle; import it with \`import type\`.`);
    }
    return null;
  },
};

export default {
  input: 'widget/src/index.ts',
  output: {
    file: 'dist/portico.js',
    format: 'es',
    sourcemap: true,
    // One file for pages to load: the virtualizer's lazily imported default layout goes inline.
    inlineDynamicImports: true,
    banner: '/*! Portico widget. Includes Lit (https://lit.dev), BSD-3-Clause, Copyright Google LLC. */',
  },
  plugins: [
    noServerCode,
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2022, module: true, format: { comments: /^!/ } }),
  ],
  onwarn(warning, warn) {
    // Lit's own `this` at module top level is harmless; everything else should be looked at.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
