import { ArAdmin } from './admin.js';

if (!customElements.get('ar-admin')) customElements.define('ar-admin', ArAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'ar-admin': ArAdmin;
  }
}

export { ArAdmin };
