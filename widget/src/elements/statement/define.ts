import { ArStatement } from './statement.js';

if (!customElements.get('ar-statement')) customElements.define('ar-statement', ArStatement);

declare global {
  interface HTMLElementTagNameMap {
    'ar-statement': ArStatement;
  }
}

export { ArStatement };
