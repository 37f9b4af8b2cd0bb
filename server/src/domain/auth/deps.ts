/** What the auth functions the routes call take, and the window their rate limits count in. */
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { SettingsReader } from '../settings';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** The app's settings reader (see `SettingsReader`). */
  settings: SettingsReader;
  /** Code hashes `exchangeCode` has computed in this app (see `codeHashesComputed`). */
  codeHashes: { computed: number };
}

export interface RequestMeta {
  ip: string;
  requestId: string | null;
}

/** The window sign-in rate limits (links, previews, codes) count in. */
export const WINDOW_MS = 15 * 60_000;
