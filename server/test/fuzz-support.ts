/** Shared by the fuzz (fuzz.test.ts): its settings from the environment, and the server and world it runs on. */
import { after, before } from 'node:test';
import { enumerateRoutes, knownErrorCodes, type RouteRef } from './route-matrix-routes';
import { WORLD_ENV, buildWorld, type World } from './route-matrix-world';
import { startTestServer, type TestServer } from './helpers';

export const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261122);
export const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 3000);
/** A request the server leaves unanswered this long is a failure too (a hung handler). */
export const REQUEST_TIMEOUT_MS = 10_000;
/** `FUZZ_ONLY=<route key>` fuzzes one route; `FUZZ_TRACE=1` prints every request and answer. */
export const ONLY = process.env.FUZZ_ONLY;
export const TRACE = process.env.FUZZ_TRACE === '1';
/** Whoever signs out everywhere in the fuzz does it as this contact, so the other sessions live on. */
export const THROWAWAY_EMAIL = 'compta@lumiere.test';

export let t: TestServer;
export let w: World;
export let routes: RouteRef[];
export const codes = knownErrorCodes();

/** One server for the file on the route matrix world, with its routes read from the router. */
export function useFuzzServer(): void {
  before(async () => {
    t = await startTestServer({ env: WORLD_ENV });
    w = await buildWorld(t);
    routes = enumerateRoutes(t.app);
  });
  after(() => t?.close());
}
