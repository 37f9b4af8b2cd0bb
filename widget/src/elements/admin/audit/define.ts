// The console's words come with the shell (locales/admin/en.ts); this chunk defines the view.
import { ArAdminAudit } from './audit.js';

if (!customElements.get('ar-admin-audit')) customElements.define('ar-admin-audit', ArAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'ar-admin-audit': ArAdminAudit;
  }
}
