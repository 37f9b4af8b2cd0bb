// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArStatement } from './statement.js';

if (!customElements.get('ar-statement')) customElements.define('ar-statement', ArStatement);

declare global {
  interface HTMLElementTagNameMap {
    'ar-statement': ArStatement;
  }
}

export { ArStatement };
