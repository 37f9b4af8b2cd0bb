// The console's words come with the shell (locales/admin/en.ts); this chunk defines the view.
import { ArAdminCustomer } from './customer.js';

if (!customElements.get('ar-admin-customer')) customElements.define('ar-admin-customer', ArAdminCustomer);

declare global {
  interface HTMLElementTagNameMap {
    'ar-admin-customer': ArAdminCustomer;
  }
}
