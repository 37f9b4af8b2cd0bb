/**
 * The session for one API base: its bearer token and `SessionInfo`, in memory and in sessionStorage
 * (so a reload in the same tab stays signed in and closing the tab forgets it). Never localStorage
 * and never a cookie: a session token must not outlive the tab or travel with other sites' requests.
 *
 * Also the magic-link binding nonce, which *is* kept in localStorage: the link usually opens in a new
 * tab, and the nonce alone grants nothing (it only lets this browser skip the "Continue as" click).
 */
import type { SessionCreated, SessionInfo } from './types.js';

/** Why a session ended: the person logged out (here or everywhere), or the server stopped accepting it. */
export type SessionEndReason = 'logout' | 'logout-everywhere' | 'expired';

interface StoredSession {
  token: string;
  info: SessionInfo;
}

/** Fires `change` whenever the session starts, is refreshed or ends. */
export class SessionStore extends EventTarget {
  private session: StoredSession | null;
  /** Why the last session ended, so the login view can say so; cleared when a new one starts. */
  endReason: SessionEndReason | null = null;

  constructor(readonly apiBase: string) {
    super();
    this.session = this.read();
  }

  get storageKey(): string {
    return `portico:session:${this.apiBase}`;
  }

  get token(): string | null {
    return this.session?.token ?? null;
  }

  get info(): SessionInfo | null {
    return this.session?.info ?? null;
  }

  /** Starts a session from `POST /auth/sessions`. */
  start(created: SessionCreated): void {
    const { token, ...info } = created;
    this.session = { token, info };
    this.endReason = null;
    this.write();
    this.notify();
  }

  /** Replaces the info of the current session (after `GET /auth/session`). */
  refresh(info: SessionInfo): void {
    if (!this.session) return;
    this.session = { token: this.session.token, info };
    this.write();
    this.notify();
  }

  end(reason: SessionEndReason): void {
    if (!this.session) return;
    this.session = null;
    this.endReason = reason;
    this.write();
    this.notify();
  }

  private notify(): void {
    this.dispatchEvent(new Event('change'));
  }

  private read(): StoredSession | null {
    try {
      const raw = sessionStorage.getItem(this.storageKey);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredSession>;
      return typeof parsed.token === 'string' && parsed.info ? { token: parsed.token, info: parsed.info } : null;
    } catch {
      return null;
    }
  }

  private write(): void {
    try {
      if (this.session) sessionStorage.setItem(this.storageKey, JSON.stringify(this.session));
      else sessionStorage.removeItem(this.storageKey);
    } catch {
      // Storage can be disabled (privacy settings); the session then lives in memory only.
    }
  }
}

const stores = new Map<string, SessionStore>();

/** The one store per API base, shared by every element on the page that talks to that server. */
export function sessionStoreFor(apiBase: string): SessionStore {
  let store = stores.get(apiBase);
  if (!store) {
    store = new SessionStore(apiBase);
    stores.set(apiBase, store);
  }
  return store;
}

/** Forgets every in-memory store (tests start each case from sessionStorage alone). */
export function resetSessionStores(): void {
  stores.clear();
}

// ---- Binding nonce for magic links --------------------------------------------------------------

const nonceLifetimeMs = 24 * 60 * 60 * 1000;

interface StoredNonce {
  nonce: string;
  savedAt: number;
}

function nonceKey(apiBase: string): string {
  return `portico:link-nonce:${apiBase}`;
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The nonce this browser sent with its latest link request, if that was less than 24 hours ago. */
export function currentLinkNonce(apiBase: string, now = Date.now()): string | undefined {
  try {
    const raw = localStorage.getItem(nonceKey(apiBase));
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as Partial<StoredNonce>;
    if (
      typeof stored.nonce === 'string' &&
      typeof stored.savedAt === 'number' &&
      now - stored.savedAt < nonceLifetimeMs
    ) {
      return stored.nonce;
    }
    localStorage.removeItem(nonceKey(apiBase));
  } catch {
    // No storage: links then always ask "Continue as …", which is the safe side.
  }
  return undefined;
}

/**
 * The nonce to send with a new link request. A still-fresh one is reused, so every link this
 * browser asked for today opens here without the extra click; its 24 hours start again.
 */
export function issueLinkNonce(apiBase: string, now = Date.now()): string {
  const nonce = currentLinkNonce(apiBase, now) ?? randomNonce();
  try {
    localStorage.setItem(nonceKey(apiBase), JSON.stringify({ nonce, savedAt: now } satisfies StoredNonce));
  } catch {
    // See currentLinkNonce.
  }
  return nonce;
}
