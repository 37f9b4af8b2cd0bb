// The console's words come with the shell (locales/admin/en.ts); this chunk defines the view.
import { ArAdminSettings } from './settings.js';

if (!customElements.get('ar-admin-settings')) customElements.define('ar-admin-settings', ArAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ar-admin-settings': ArAdminSettings;
  }
}
