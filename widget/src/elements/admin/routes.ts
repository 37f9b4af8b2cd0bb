/**
 * The console's routes: `<section>[/<more>…]`, e.g. `worklist`, `customers/cus_1/payments`,
 * `disputes/dsp_1`, `settings/staff`. In the page's address they ride in the fragment as
 * `#admin/<route>`, so a staff member can bookmark or share a customer's page.
 */
import type { StaffRole } from '../../internal/types.js';

export const sections = [
  'overview',
  'worklist',
  'customers',
  'disputes',
  'promises',
  'payments',
  'settings',
  'audit',
] as const;

export type AdminSection = (typeof sections)[number];

export interface AdminRoute {
  section: AdminSection;
  /** What follows the section, for the view: `cus_1/payments` in `customers/cus_1/payments`. */
  path: string;
}

const prefix = '#admin/';

export function parseAdminRoute(text: string | null | undefined): AdminRoute | null {
  const [section = '', ...rest] = (text ?? '').replace(/^#?(admin\/)?/, '').split('/');
  if (!(sections as readonly string[]).includes(section)) return null;
  return { section: section as AdminSection, path: rest.filter(Boolean).join('/') };
}

export function formatAdminRoute(route: AdminRoute): string {
  return route.path ? `${route.section}/${route.path}` : route.section;
}

/** The route in the page's fragment (`#admin/…`), if it holds one. */
export function routeInLocation(): AdminRoute | null {
  return location.hash.startsWith(prefix) ? parseAdminRoute(location.hash) : null;
}

export function locationFor(route: AdminRoute): string {
  return `${location.pathname}${location.search}${prefix}${formatAdminRoute(route)}`;
}

/** Settings, staff and API keys are for admins; the server refuses the rest too. */
export function allowed(section: AdminSection, role: StaffRole | undefined): boolean {
  return section === 'settings' ? role === 'admin' : role !== undefined;
}

/** Where a staff member lands: the worklist for collectors, the overview for the others. */
export function landing(role: StaffRole | undefined): AdminRoute {
  return { section: role === 'collector' ? 'worklist' : 'overview', path: '' };
}
