// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArPromiseToPay } from './promise-to-pay.js';

if (!customElements.get('ar-promise-to-pay')) customElements.define('ar-promise-to-pay', ArPromiseToPay);

declare global {
  interface HTMLElementTagNameMap {
    'ar-promise-to-pay': ArPromiseToPay;
  }
}

export { ArPromiseToPay };
