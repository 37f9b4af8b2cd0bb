// The portal's other views (detail, pay, payments, statement) are chunks it loads on first use
// (internal/lazy.ts); sign-in and the invoice list are its first view, so they come with it.
import '../invoice-list/define.js';
import '../login/define.js';
import { ArPortal } from './portal.js';

if (!customElements.get('ar-portal')) customElements.define('ar-portal', ArPortal);

declare global {
  interface HTMLElementTagNameMap {
    'ar-portal': ArPortal;
  }
}

export { ArPortal };
