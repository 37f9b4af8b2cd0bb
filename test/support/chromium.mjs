// Where the tests find Chromium and how they start it, shared by web-test-runner's config (plain
// JavaScript) and the end-to-end tests. Debian's `chromium` or CHROME_PATH; no browser is downloaded.
import { existsSync } from 'node:fs';

/** Headless flags that keep Chromium off the closed network (no background fetches, no QUIC). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {string} the Chromium binary, or throws saying what to install */
export function chromePath() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p) => Boolean(p && existsSync(p)));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian: `apt-get install chromium`) or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  return found;
}
