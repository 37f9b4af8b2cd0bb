import '../login/define.js';
import { ArEasyPay } from './easy-pay.js';

if (!customElements.get('ar-easy-pay')) customElements.define('ar-easy-pay', ArEasyPay);

declare global {
  interface HTMLElementTagNameMap {
    'ar-easy-pay': ArEasyPay;
  }
}

export { ArEasyPay };
