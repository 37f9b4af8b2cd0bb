/** What the disputes slice is given: the app's database, config, clock and settings reader. */
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { SettingsReader } from '../settings';

export interface DisputeDeps {
  db: Db;
  config: Config;
  clock: Clock;
  settings: SettingsReader;
}
