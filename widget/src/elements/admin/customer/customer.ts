import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminElement } from '../shared/admin-element.js';

/**
 * A view of the staff console (`<ar-admin>` shows it for its route).
 *
 * @summary Staff console view.
 * @attr api - Base URL of the Portico server; empty means this page's origin.
 * @attr locale - Locale for words, money and dates.
 */
export class ArAdminCustomer extends AdminElement {
  /** What follows the section in the console's route. */
  @property() accessor path = '';

  protected override render(): TemplateResult {
    return html`<p>${this.w.shell.loadingView}</p>`;
  }
}
