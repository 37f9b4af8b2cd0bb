// Browser tests of the widget's elements: widget/src/**/*.test.ts in a real headless Chromium, with
// msw's service worker standing in for the Portico server at the network boundary.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromePath } from './test/support/chromium.mjs';

export default {
  files: 'widget/src/**/*.test.ts',
  nodeResolve: true,
  // Two cores here: one browser page per core. A busier CI box can run one at a time with
  // WTR_CONCURRENCY=1 (slower overall, but each file gets a whole core).
  concurrency: Number(process.env.WTR_CONCURRENCY) || 2,
  // The runner's limits are for hangs, not for speed: a file that finishes early is not held back,
  // so generous limits cost a quiet machine nothing. Its defaults (30 s to start the browser, 20 s
  // for a file to load, 120 s for a file to finish) were overrun on a loaded 2-core machine, where
  // easy-pay.test.ts alone can take more than two minutes: allow five.
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  // One test (mocha): 20 s, for the slowest ones (the 10,000-invoice list, axe) when the machine is busy.
  testFramework: { config: { timeout: 20000 } },
  // The virtualizer's ResizeObserver makes Chromium report a harmless "ResizeObserver loop" error,
  // which the runner logs as a bare `null` (the event has no error object). Keep those out of the output.
  filterBrowserLogs: ({ type, args }) => !(type === 'error' && args.length === 1 && args[0] === null),
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [
    // The service worker must be served from the root to control the test pages under it.
    function serveMockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') context.path = '/widget/test/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
      // Two test pages run at once. As tabs of one window only the front one renders, and the
      // virtualized invoice list lays out from ResizeObserver and animation frames; a context of its
      // own gives each page its own window, so both render.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
};
