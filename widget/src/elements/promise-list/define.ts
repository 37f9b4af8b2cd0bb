// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArPromiseList } from './promise-list.js';

if (!customElements.get('ar-promise-list')) customElements.define('ar-promise-list', ArPromiseList);

declare global {
  interface HTMLElementTagNameMap {
    'ar-promise-list': ArPromiseList;
  }
}

export { ArPromiseList };
