// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArInvoiceDetail } from './invoice-detail.js';

if (!customElements.get('ar-invoice-detail')) customElements.define('ar-invoice-detail', ArInvoiceDetail);

declare global {
  interface HTMLElementTagNameMap {
    'ar-invoice-detail': ArInvoiceDetail;
  }
}

export { ArInvoiceDetail };
