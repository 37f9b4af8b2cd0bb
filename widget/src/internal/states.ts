/**
 * The designed pending and error states every element shows while loading data, so each one says
 * the same things the same way: what is loading, what failed and why, and a Retry button.
 */
import { html, type TemplateResult } from 'lit';
import { ApiError } from './api.js';
import type { Catalog } from '../locales/catalog.js';

/** A sentence for people about why a call failed, in the catalog's language (the server's own message as it is). */
export function describeError(error: unknown, t: Catalog): string {
  if (error instanceof ApiError) {
    if (error.code === 'network_error') return t.common.networkError;
    if (error.status >= 500 || !error.message) return t.common.unexpectedError;
    return error.message;
  }
  return t.common.unexpectedError;
}

export function renderPending(label: string): TemplateResult {
  return html`<p class="pending" part="loading" role="status">
    <span class="spinner" aria-hidden="true"></span> ${label}
  </p>`;
}

/** `what` names what failed ("We could not load your invoices."); the reason follows. */
export function renderLoadError(what: string, error: unknown, retry: () => void, t: Catalog): TemplateResult {
  return html`<div class="notice danger" part="error" role="alert">
    <p><strong>${what}</strong></p>
    <p>${describeError(error, t)}</p>
    <button class="button secondary" part="button retry-button" type="button" @click=${retry}>${t.common.retry}</button>
  </div>`;
}
