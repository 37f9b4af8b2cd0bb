/** The staff console's French words (a chunk of its own), checked key for key against English. */
import type { AdminCatalog } from './en.js';
import { frAudit } from './fr-audit.js';
import { frCustomer } from './fr-customer.js';
import { frOverview } from './fr-overview.js';
import { frQueues } from './fr-queues.js';
import { frSettings } from './fr-settings.js';
import { frShell } from './fr-shell.js';
import { frWorklist } from './fr-worklist.js';

export const adminFr: AdminCatalog = {
  ...frShell,
  ...frOverview,
  ...frWorklist,
  ...frCustomer,
  ...frQueues,
  ...frSettings,
  ...frAudit,
};
