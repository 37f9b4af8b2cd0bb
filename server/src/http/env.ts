import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { JobWorker } from '../domain/jobs';
import type { AuthSession } from '../domain/auth';
import type { Logger } from '../logger';
import type { RunningCharges } from '../domain/payments';
import type { Providers } from '../payments/registry';
import type { SettingsReader } from '../domain/settings';
import type { PdfPool } from '../pdf/pool';

/** What every handler can reach through `c.var`: injected per app, so tests run side by side. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  worker: JobWorker;
  /** Payment providers by method, from configuration. */
  providers: Providers;
  /** Payment provider calls in progress in this process (see domain/payments). */
  charges: RunningCharges;
  /** The company settings, read through one cache per app (domain/settings.ts). */
  settings: SettingsReader;
  /** The PDF worker pool the app owns and closes (pdf/pool.ts). */
  pdf: PdfPool;
  /** Code hashes computed by sign-in code tries (domain/auth/codes.ts). */
  codeHashes: { computed: number };
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    ip: string;
    session: AuthSession;
    /** The ERP API key a `/erp` request authenticated with. */
    erpKeyId: string;
  };
}
