import { css } from 'lit';
import { badgeStyles, emptyStyles, headingStyles, tableStyles } from '../../internal/data.styles.js';
import { containerStyles, controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';
import { moneyInputStyles } from '../../internal/money-input.styles.js';
import { paymentFieldStyles } from '../../internal/payment-fields.styles.js';
import { outcomeStyles } from '../../internal/outcome.styles.js';
import { resultStyles } from './result.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  emptyStyles,
  containerStyles,
  headingStyles,
  tableStyles,
  resultStyles,
  moneyInputStyles,
  paymentFieldStyles,
  outcomeStyles,
  css`
    .base,
    .pay-form,
    .receipt {
      display: grid;
      gap: calc(${t.space} * 2.5);
    }

    .pay-form,
    .receipt {
      max-width: 46rem;
    }

    .back {
      justify-self: start;
    }

    .notice {
      margin: 0;
    }

    .subtle {
      display: block;
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 400;
    }

    /* ---- Invoices and amounts ---- */

    .invoices th[scope='row'] {
      font-weight: 600;
    }

    .invoices .badge {
      margin-inline-start: calc(${t.space} / 2);
    }

    .invoices td,
    .invoices th {
      vertical-align: middle;
    }

    .due-inline,
    .balance-inline {
      display: none;
    }

    .col-amount {
      width: 12rem;
      text-align: end;
    }

    /* A payment in flight on an invoice, and what is left. */
    .in-flight {
      display: block;
      margin-top: calc(${t.space} / 2);
      padding: calc(${t.space} / 2) ${t.space};
      border-inline-start: 3px solid ${t.colorPrimary};
      background: ${tint(t.colorPrimary, 6)};
      font-size: 0.875em;
      font-weight: 400;
    }

    .in-flight-icon {
      font-weight: 700;
    }

    .left-to-pay,
    .not-payable,
    .hint.disputed {
      margin: calc(${t.space} / 2) 0 0;
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .whole-account {
      display: grid;
      gap: ${t.space};
      margin-top: calc(${t.space} * 2.5);
      padding: calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    .whole-account p {
      margin: 0;
    }

    .whole-account .button {
      justify-self: start;
    }

    .col-amount .error-text {
      margin-block-start: calc(${t.space} / 2);
      text-align: start;
      white-space: normal;
    }

    .overpayment {
      max-width: 22rem;
      margin: 0;
    }

    /* ---- Methods ---- */

    .methods {
      display: grid;
      gap: calc(${t.space} * 2);
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    legend {
      margin-block-end: ${t.space};
      padding: 0;
      font-weight: 600;
    }

    .method-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
    }

    [role='tab'] {
      min-height: 2.75rem;
      padding: ${t.space} calc(${t.space} * 2);
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      background: ${t.colorSurface};
      color: ${t.colorText};
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    [role='tab']:hover {
      background: ${tint(t.colorPrimary, 6)};
    }

    [role='tab'][aria-selected='true'] {
      border-color: ${t.colorPrimary};
      background: ${tint(t.colorPrimary, 10)};
      color: ${t.colorPrimary};
      box-shadow: inset 0 0 0 1px ${t.colorPrimary};
    }

    .method-panel {
      display: grid;
      gap: calc(${t.space} * 1.5);
      padding: calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    .method-panel > .hint {
      margin: 0;
    }

    /* ---- Summary and paying ---- */

    .summary {
      display: grid;
      gap: calc(${t.space} * 0.75);
      margin: 0;
      padding: calc(${t.space} * 2);
      border-radius: ${t.radius};
      background: ${tint(t.colorMuted, 5)};
      font-variant-numeric: tabular-nums;
    }

    .summary div {
      display: flex;
      justify-content: space-between;
      gap: calc(${t.space} * 2);
    }

    .summary dt {
      color: ${t.colorMuted};
    }

    .summary dd {
      margin: 0;
      text-align: end;
    }

    .summary .credit dd {
      color: ${t.colorSuccess};
    }

    .summary .total {
      padding-block-start: calc(${t.space} * 0.75);
      border-block-start: ${divider};
      font-size: 1.125em;
      font-weight: 700;
    }

    .summary .total dt {
      color: ${t.colorText};
    }

    .pay {
      justify-self: stretch;
      min-height: 3rem;
      font-size: 1.0625em;
    }

    #problem:focus {
      outline: ${t.focusRing};
      outline-offset: 2px;
    }

    /* ---- Narrow ---- */

    @container (max-width: 34rem) {
      .col-due,
      .col-balance {
        display: none;
      }

      .due-inline,
      .balance-inline {
        display: block;
      }

      .col-amount {
        width: 8.5rem;
      }

      /* The balance beside it says the currency; the field gets the room. */
      .col-amount .currency {
        display: none;
      }

      th,
      td {
        padding-inline: calc(${t.space} * 0.75);
      }
    }
  `,
];
