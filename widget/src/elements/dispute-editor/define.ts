// Its English words, which portico.js does not carry (locales/en-shell.ts has only its own).
import '../../locales/en.js';
import { ArDisputeEditor } from './dispute-editor.js';

if (!customElements.get('ar-dispute-editor')) customElements.define('ar-dispute-editor', ArDisputeEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ar-dispute-editor': ArDisputeEditor;
  }
}

export { ArDisputeEditor };
