/**
 * The sandbox provider's payment fields of `<ar-easy-pay>`: card (number, expiry, CVC, name) and bank
 * account (ACH routing or EFT institution and transit, account number, holder), their checks, and
 * the test numbers' note. What is typed here stays in the browser: only the token made from it by
 * `sandbox-tokens.ts` is sent.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Catalog } from '../locales/catalog.js';
import { en } from '../locales/en.js';
import type { PaymentMethod } from './types.js';
import {
  bankToken,
  cardToken,
  checkExpiry,
  cvcValid,
  digitsOnly,
  formatCardNumber,
  formatExpiry,
  testBankAccounts,
  testCards,
  testRouting,
  type BankMethod,
  type CardMethod,
} from './sandbox-tokens.js';

export interface CardFields {
  number: string;
  expiry: string;
  cvc: string;
  name: string;
}

export interface BankFields {
  routing: string;
  institution: string;
  transit: string;
  account: string;
  holder: string;
}

export const emptyCard: CardFields = { number: '', expiry: '', cvc: '', name: '' };
export const emptyBank: BankFields = { routing: '', institution: '', transit: '', account: '', holder: '' };

/** Field id → the message for people. The ids are the inputs' ids, so focus can go to the first. */
export type FieldErrors = Map<string, string>;

/** The token for the card typed, and a message per field that is not right. */
export function checkCard(
  card: CardFields,
  method: CardMethod,
  now?: Date,
  t: Catalog = en,
): { token: string | null; errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  const number = cardToken(card.number, method);
  if (!number.ok) {
    const messages = {
      empty: t.pay.errors.cardNumberEmpty,
      invalid: t.pay.errors.cardNumberInvalid,
      not_test_card: t.pay.errors.notTestCard,
      not_debit: t.pay.errors.notDebit,
    };
    errors.set('card-number', messages[number.problem]);
  }
  const expiry = checkExpiry(card.expiry, now);
  if (expiry) errors.set('card-expiry', expiry === 'past' ? t.pay.errors.expiryPast : t.pay.errors.expiryInvalid);
  if (!cvcValid(card.cvc)) errors.set('card-cvc', t.pay.errors.cvcInvalid);
  if (!card.name.trim()) errors.set('card-name', t.pay.errors.nameEmpty);
  return { token: number.ok && errors.size === 0 ? number.token : null, errors };
}

export function checkBank(
  bank: BankFields,
  method: BankMethod,
  t: Catalog = en,
): { token: string | null; errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  const { token, problems } = bankToken(method, bank);
  for (const problem of problems) {
    if (problem === 'routing') errors.set('bank-routing', t.pay.errors.routingInvalid(testRouting.ach));
    if (problem === 'institution')
      errors.set('bank-institution', t.pay.errors.institutionInvalid(testRouting.institution));
    if (problem === 'transit') errors.set('bank-transit', t.pay.errors.transitInvalid(testRouting.transit));
    if (problem === 'account_empty') errors.set('bank-account', t.pay.errors.accountEmpty);
    if (problem === 'not_test_account') errors.set('bank-account', t.pay.errors.notTestAccount);
  }
  if (!bank.holder.trim()) errors.set('bank-holder', t.pay.errors.holderEmpty);
  return { token: errors.size === 0 ? token : null, errors };
}

/** The sandbox's fields for `method`, checked: the token and the errors; null for a method without fields (PayPal). */
export function checkSandboxFields(
  method: PaymentMethod,
  card: CardFields,
  bank: BankFields,
  t: Catalog = en,
): { token: string | null; errors: FieldErrors } | null {
  if (method === 'card' || method === 'debit') return checkCard(card, method, undefined, t);
  if (method === 'ach' || method === 'eft') return checkBank(bank, method, t);
  return null;
}

interface FieldOptions {
  id: string;
  label: string;
  value: string;
  /** Shown only once the field was left or the form was sent. */
  error: string | undefined;
  hint?: string;
  numeric?: boolean;
  maxlength?: number;
  className?: string;
  onInput: (input: HTMLInputElement) => void;
}

/** A labelled input with its hint and error, tied together with `aria-describedby`. */
export function renderField(options: FieldOptions): TemplateResult {
  const { id, label, value, error, hint } = options;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${options.className ?? ''}">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <input
      id=${id}
      part="input"
      type="text"
      .value=${live(value)}
      inputmode=${options.numeric ? 'numeric' : nothing}
      maxlength=${options.maxlength ?? nothing}
      autocomplete="off"
      spellcheck="false"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(event: InputEvent) => options.onInput(event.target as HTMLInputElement)}
    />
    ${error ? html`<p class="error-text" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

/**
 * Formats an input's text as it is typed (`4242 4242…`, `12/34`) and keeps the caret after the same
 * digit, so typing or deleting in the middle does not throw it to the end.
 */
export function reformatInput(input: HTMLInputElement, format: (text: string) => string): string {
  const caret = input.selectionStart ?? input.value.length;
  const digitsBefore = digitsOnly(input.value.slice(0, caret)).length;
  const formatted = format(input.value);
  if (formatted === input.value) return formatted;
  input.value = formatted;
  let position = 0;
  for (let seen = 0; position < formatted.length && seen < digitsBefore; position++) {
    if (/\d/.test(formatted[position] ?? '')) seen++;
  }
  input.setSelectionRange(position, position);
  return formatted;
}

type ErrorFor = (id: string) => string | undefined;

export function renderCardFields(
  card: CardFields,
  errorFor: ErrorFor,
  on: {
    number: (input: HTMLInputElement) => void;
    expiry: (input: HTMLInputElement) => void;
    change: (fields: Partial<CardFields>) => void;
  },
  t: Catalog,
): TemplateResult {
  return html`<div class="fields card-fields">
    ${renderField({ id: 'card-number', label: t.pay.cardNumber, value: card.number, error: errorFor('card-number'), numeric: true, maxlength: 23, className: 'wide', onInput: on.number })}
    ${renderField({ id: 'card-expiry', label: t.pay.expiry, value: card.expiry, error: errorFor('card-expiry'), numeric: true, maxlength: 5, onInput: on.expiry })}
    ${renderField({ id: 'card-cvc', label: t.pay.cvc, value: card.cvc, error: errorFor('card-cvc'), numeric: true, maxlength: 4, onInput: (input) => on.change({ cvc: input.value }) })}
    ${renderField({ id: 'card-name', label: t.pay.cardName, value: card.name, error: errorFor('card-name'), className: 'wide', onInput: (input) => on.change({ name: input.value }) })}
  </div>`;
}

export function renderBankFields(
  method: BankMethod,
  bank: BankFields,
  errorFor: ErrorFor,
  change: (fields: Partial<BankFields>) => void,
  t: Catalog,
): TemplateResult {
  const digits = (input: HTMLInputElement) => digitsOnly(input.value);
  const routing =
    method === 'ach'
      ? renderField({
          id: 'bank-routing',
          label: t.pay.routing,
          value: bank.routing,
          error: errorFor('bank-routing'),
          numeric: true,
          maxlength: 9,
          onInput: (input) => change({ routing: digits(input) }),
        })
      : html`${renderField({ id: 'bank-institution', label: t.pay.institution, value: bank.institution, error: errorFor('bank-institution'), numeric: true, maxlength: 3, onInput: (input) => change({ institution: digits(input) }) })}
        ${renderField({ id: 'bank-transit', label: t.pay.transit, value: bank.transit, error: errorFor('bank-transit'), numeric: true, maxlength: 5, onInput: (input) => change({ transit: digits(input) }) })}`;
  return html`<div class="fields bank-fields">
    ${routing}
    ${renderField({ id: 'bank-account', label: t.pay.accountNumber, value: bank.account, error: errorFor('bank-account'), numeric: true, maxlength: 17, onInput: (input) => change({ account: digits(input) }) })}
    ${renderField({ id: 'bank-holder', label: t.pay.holder, value: bank.holder, error: errorFor('bank-holder'), className: 'wide', onInput: (input) => change({ holder: input.value }) })}
  </div>`;
}

/** The sandbox's card fields (formatted as typed) for the card methods, its bank fields for ACH and EFT. */
export function renderSandboxFields(
  method: CardMethod | BankMethod,
  fields: { card: CardFields; bank: BankFields },
  errorFor: ErrorFor,
  on: { card: (fields: Partial<CardFields>) => void; bank: (fields: Partial<BankFields>) => void },
  t: Catalog,
): TemplateResult {
  if (method === 'ach' || method === 'eft') return renderBankFields(method, fields.bank, errorFor, on.bank, t);
  // The handlers merge into the fields as they are when called, not as rendered.
  return renderCardFields(
    fields.card,
    errorFor,
    {
      number: (input) => on.card({ number: reformatInput(input, formatCardNumber) }),
      expiry: (input) => on.card({ expiry: reformatInput(input, formatExpiry) }),
      change: on.card,
    },
    t,
  );
}

/** The always-visible sandbox note, opening onto the test numbers. */
export function renderSandboxNote(open: boolean, onToggle: (open: boolean) => void, t: Catalog): TemplateResult {
  const sandbox = t.pay.sandbox;
  return html`<details
    class="sandbox"
    part="sandbox-note"
    ?open=${open}
    @toggle=${(event: Event) => onToggle((event.target as HTMLDetailsElement).open)}
  >
    <summary><span class="sandbox-flag" aria-hidden="true">⚑</span> ${sandbox.note}</summary>
    <div class="sandbox-body">
      <p>${sandbox.intro}</p>
      <table class="test-numbers">
        <caption>
          ${sandbox.cardsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${sandbox.number}</th>
            <th scope="col">${sandbox.whatHappens}</th>
          </tr>
        </thead>
        <tbody>
          ${testCards.map(
            (card) =>
              html`<tr>
                <td class="test-number">${card.number}</td>
                <td>${sandbox.outcome(card.token)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <table class="test-numbers">
        <caption>
          ${sandbox.banksCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.pay.accountNumber}</th>
            <th scope="col">${sandbox.whatHappens}</th>
          </tr>
        </thead>
        <tbody>
          ${testBankAccounts.map(
            (account) =>
              html`<tr>
                <td class="test-number">${account.account}</td>
                <td>${sandbox.outcome(account.token)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>${sandbox.bankRouting(testRouting.ach, `${testRouting.institution} / ${testRouting.transit}`)}</p>
      <p>${sandbox.paypal}</p>
    </div>
  </details>`;
}
