// The console's words come with the shell (locales/admin/en.ts); this chunk defines the view.
import { ArAdminDisputes } from './disputes.js';
import { ArAdminPromises } from './promises.js';
import { ArAdminPayments } from './payments.js';

if (!customElements.get('ar-admin-disputes')) customElements.define('ar-admin-disputes', ArAdminDisputes);
if (!customElements.get('ar-admin-promises')) customElements.define('ar-admin-promises', ArAdminPromises);
if (!customElements.get('ar-admin-payments')) customElements.define('ar-admin-payments', ArAdminPayments);

declare global {
  interface HTMLElementTagNameMap {
    'ar-admin-disputes': ArAdminDisputes;
    'ar-admin-promises': ArAdminPromises;
    'ar-admin-payments': ArAdminPayments;
  }
}
