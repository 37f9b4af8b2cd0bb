/**
 * The staff console's English words, the reference its other catalogs are checked against
 * (`AdminCatalog`): one file per area, so each view's words sit together (`en-overview.ts` …).
 */
import type { Words } from '../en.js';
import { enAudit } from './en-audit.js';
import { enCustomer } from './en-customer.js';
import { enOverview } from './en-overview.js';
import { enQueues } from './en-queues.js';
import { enSettings } from './en-settings.js';
import { enShell } from './en-shell.js';
import { enWorklist } from './en-worklist.js';

export const adminEn = {
  ...enShell,
  ...enOverview,
  ...enWorklist,
  ...enCustomer,
  ...enQueues,
  ...enSettings,
  ...enAudit,
};

/** Every locale's console catalog has this shape: the same keys, a string or the same function at each leaf. */
export type AdminCatalog = Words<typeof adminEn>;
