// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArDisputeList } from './dispute-list.js';

if (!customElements.get('ar-dispute-list')) customElements.define('ar-dispute-list', ArDisputeList);

declare global {
  interface HTMLElementTagNameMap {
    'ar-dispute-list': ArDisputeList;
  }
}

export { ArDisputeList };
