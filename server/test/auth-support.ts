/**
 * Shared setup for the magic link and session tests (auth, auth-links, auth-exchange and auth-sessions.test.ts): one
 * server per suite, on a clock moved between tests.
 */
import { after, before, beforeEach } from 'node:test';
import { startTestServer, type TestServer } from './helpers';

export let t: TestServer;

/** One server for the suite that calls it; each test starts an hour after the previous one. */
export function useAuthServer(): void {
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());
  beforeEach(() => {
    // Each test starts outside the previous one's rate-limit and cooldown windows.
    t.clock.advance(60 * 60_000);
  });
}
