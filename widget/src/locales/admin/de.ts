/** The staff console's German words (a chunk of its own), checked key for key against English. */
import type { AdminCatalog } from './en.js';
import { deAudit } from './de-audit.js';
import { deCustomer } from './de-customer.js';
import { deOverview } from './de-overview.js';
import { deQueues } from './de-queues.js';
import { deSettings } from './de-settings.js';
import { deShell } from './de-shell.js';
import { deWorklist } from './de-worklist.js';

export const adminDe: AdminCatalog = {
  ...deShell,
  ...deOverview,
  ...deWorklist,
  ...deCustomer,
  ...deQueues,
  ...deSettings,
  ...deAudit,
};
