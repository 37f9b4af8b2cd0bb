import { ArLogin } from './login.js';

if (!customElements.get('ar-login')) customElements.define('ar-login', ArLogin);

declare global {
  interface HTMLElementTagNameMap {
    'ar-login': ArLogin;
  }
}

export { ArLogin };
