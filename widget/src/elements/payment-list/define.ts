// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArPaymentList } from './payment-list.js';

if (!customElements.get('ar-payment-list')) customElements.define('ar-payment-list', ArPaymentList);

declare global {
  interface HTMLElementTagNameMap {
    'ar-payment-list': ArPaymentList;
  }
}

export { ArPaymentList };
