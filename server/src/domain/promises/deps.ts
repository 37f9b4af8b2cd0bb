/** What the promises slice is given: the app's database, config, clock and settings reader. */
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { PaymentDeps } from '../payments';
import type { SettingsReader } from '../settings';

export interface PromiseDeps {
  db: Db;
  config: Config;
  clock: Clock;
  settings: SettingsReader;
  /** The payment providers, by method: which may pay a promise automatically on its date. */
  providers: PaymentDeps['providers'];
}
