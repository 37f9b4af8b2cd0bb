// Browser tests of the widget's elements: widget/src/**/*.test.ts in a real headless Chromium, with
// msw's service worker standing in for the Portico server at the network boundary.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Chromium at ${executablePath}. Install one (on Debian: \`apt-get install -y chromium\`) ` +
      'or set CHROME_PATH to a Chrome or Chromium executable.',
  );
}

export default {
  files: 'widget/src/**/*.test.ts',
  nodeResolve: true,
  // Two cores here: one browser page per core.
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
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
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};
