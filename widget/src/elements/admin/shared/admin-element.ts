/**
 * What every element of the staff console shares: `PorticoElement` (the `api` and `locale` attributes,
 * the client `<ar-admin>` provides and its session) and the console's own words, `this.w`, from the
 * console's catalog (`locales/admin/`), which customer pages never download. Updates wait for both
 * catalogs of a new `locale`, so nothing paints in the wrong language.
 */
import { PorticoElement } from '../../../internal/portico-element.js';
import type { StaffRole } from '../../../internal/types.js';
import { adminCatalogFor, adminCatalogLoading, type AdminCatalog } from '../../../locales/admin/catalog.js';
import { emitNavigate } from './navigate.js';

export class AdminElement extends PorticoElement {
  /** The console's words for `locale`. */
  protected get w(): AdminCatalog {
    return adminCatalogFor(this.locale);
  }

  /** The signed-in staff member's role; `undefined` when signed out. */
  protected get staffRole(): StaffRole | undefined {
    return this.client.session.info?.user.role;
  }

  /** Admins and collectors act; viewers read only. The server enforces this; the console only hides what would be refused. */
  protected get canAct(): boolean {
    return this.staffRole === 'admin' || this.staffRole === 'collector';
  }

  /**
   * Asks `<ar-admin>` to go to a console route (`customers/cus_1`, `disputes/dsp_1` …); `replace` for a
   * change of the same page (filters, a currency) that should not add a Back step.
   */
  protected navigate(route: string, replace = false): void {
    emitNavigate(this, route, replace);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = adminCatalogLoading(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
