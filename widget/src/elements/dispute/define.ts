// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArDispute } from './dispute.js';

if (!customElements.get('ar-dispute')) customElements.define('ar-dispute', ArDispute);

declare global {
  interface HTMLElementTagNameMap {
    'ar-dispute': ArDispute;
  }
}

export { ArDispute };
