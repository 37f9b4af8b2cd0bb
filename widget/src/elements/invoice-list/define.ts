import '../login/define.js';
import { ArInvoiceList } from './invoice-list.js';

if (!customElements.get('ar-invoice-list')) customElements.define('ar-invoice-list', ArInvoiceList);

declare global {
  interface HTMLElementTagNameMap {
    'ar-invoice-list': ArInvoiceList;
  }
}

export { ArInvoiceList };
