// The console's words come with the shell (locales/admin/en.ts); this chunk defines the view.
import { ArAdminWorklist } from './worklist.js';

if (!customElements.get('ar-admin-worklist')) customElements.define('ar-admin-worklist', ArAdminWorklist);

declare global {
  interface HTMLElementTagNameMap {
    'ar-admin-worklist': ArAdminWorklist;
  }
}
