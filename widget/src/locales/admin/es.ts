/** The staff console's Spanish words (a chunk of its own), checked key for key against English. */
import type { AdminCatalog } from './en.js';
import { esAudit } from './es-audit.js';
import { esCustomer } from './es-customer.js';
import { esOverview } from './es-overview.js';
import { esQueues } from './es-queues.js';
import { esSettings } from './es-settings.js';
import { esShell } from './es-shell.js';
import { esWorklist } from './es-worklist.js';

export const adminEs: AdminCatalog = {
  ...esShell,
  ...esOverview,
  ...esWorklist,
  ...esCustomer,
  ...esQueues,
  ...esSettings,
  ...esAudit,
};
