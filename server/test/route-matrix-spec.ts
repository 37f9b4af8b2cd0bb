/** The shape of the authorization matrix's table (route-matrix.ts and its per-area parts). */
import type { Principal, World } from './route-matrix-world';

/**
 * - a status: exactly that status;
 * - `ok`: any 2xx;
 * - `reach`: the request got past authorization (not 401, 403 or 404), whatever the handler said;
 * - `public`: the route asks for no credentials: no 401/403 asking to sign in, whoever calls.
 */
export type Expect = 401 | 403 | 404 | 400 | 'ok' | 'reach' | 'public';

export type Kind = 'public' | 'session' | 'customer' | 'staff' | 'staffAction' | 'erp' | 'signed';

export interface RequestTemplate {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A multipart/form-data body instead of JSON: one file in `file`, and text fields. */
  form?: { file: { bytes: Uint8Array; name: string; type: string }; fields?: Record<string, string> };
  headers?: Record<string, string>;
}

export interface RouteSpec {
  kind: Kind;
  /** A valid request for the owner (or the ERP), with real ids; called once per principal. */
  request?: (w: World) => RequestTemplate;
  /** Overrides of the kind's defaults. */
  expect?: Partial<Record<Principal, Expect>>;
  /**
   * The call changes what it acts on (decides a dispute, say): this makes the world's ids anew before each
   * principal's call, and `request` reads them, so every caller meets the same starting state.
   */
  fresh?: (w: World) => Promise<void>;
  /** The call ends the session it is made with: each principal gets a fresh one. */
  consumesSession?: boolean;
  /** Mounted only in the demo (`DEMO=true`). */
  demoOnly?: boolean;
  /** Shows the outbox to anyone (the demo's mailbox), so the secrets check does not apply. */
  showsEverything?: boolean;
  /** More checks on a 2xx body, per principal. */
  check?: (w: World, principal: Principal, body: unknown) => void;
}
