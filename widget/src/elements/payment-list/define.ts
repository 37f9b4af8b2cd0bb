import { ArPaymentList } from './payment-list.js';

if (!customElements.get('ar-payment-list')) customElements.define('ar-payment-list', ArPaymentList);

declare global {
  interface HTMLElementTagNameMap {
    'ar-payment-list': ArPaymentList;
  }
}

export { ArPaymentList };
