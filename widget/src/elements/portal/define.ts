import '../easy-pay/define.js';
import '../invoice-detail/define.js';
import '../invoice-list/define.js';
import '../login/define.js';
import '../payment-list/define.js';
import '../statement/define.js';
import { ArPortal } from './portal.js';

if (!customElements.get('ar-portal')) customElements.define('ar-portal', ArPortal);

declare global {
  interface HTMLElementTagNameMap {
    'ar-portal': ArPortal;
  }
}

export { ArPortal };
