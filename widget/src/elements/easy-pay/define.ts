// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import '../login/define.js';
import { ArEasyPay } from './easy-pay.js';

if (!customElements.get('ar-easy-pay')) customElements.define('ar-easy-pay', ArEasyPay);

declare global {
  interface HTMLElementTagNameMap {
    'ar-easy-pay': ArEasyPay;
  }
}

export { ArEasyPay };
