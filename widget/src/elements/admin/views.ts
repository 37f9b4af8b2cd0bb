/**
 * The console's views, each a chunk fetched the first time a person opens it (the disputes, promises
 * and payments queues share one), so signing in costs the shell alone.
 */
import type { AdminSection } from './routes.js';

const queues = () => import('./queues/define.js');

const chunks: Record<AdminSection, () => Promise<unknown>> = {
  overview: () => import('./overview/define.js'),
  worklist: () => import('./worklist/define.js'),
  customers: () => import('./customer/define.js'),
  disputes: queues,
  promises: queues,
  payments: queues,
  settings: () => import('./settings/define.js'),
  audit: () => import('./audit/define.js'),
};

/** The element that draws each section. */
export const viewTags = {
  overview: 'ar-admin-overview',
  worklist: 'ar-admin-worklist',
  customers: 'ar-admin-customer',
  disputes: 'ar-admin-disputes',
  promises: 'ar-admin-promises',
  payments: 'ar-admin-payments',
  settings: 'ar-admin-settings',
  audit: 'ar-admin-audit',
} as const satisfies Record<AdminSection, string>;

const loading = new Map<AdminSection, Promise<unknown>>();

/** Loads a section's chunk once; a failed load (the network, a deploy in between) is tried again next time. */
export function loadView(section: AdminSection): Promise<unknown> {
  let pending = loading.get(section);
  if (!pending) {
    pending = chunks[section]().catch((error: unknown) => {
      loading.delete(section);
      throw error;
    });
    loading.set(section, pending);
  }
  return pending;
}
