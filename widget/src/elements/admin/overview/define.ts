// The console's words come with the shell (locales/admin/en.ts); this chunk defines the view.
import { ArAdminOverview } from './overview.js';

if (!customElements.get('ar-admin-overview')) customElements.define('ar-admin-overview', ArAdminOverview);

declare global {
  interface HTMLElementTagNameMap {
    'ar-admin-overview': ArAdminOverview;
  }
}
