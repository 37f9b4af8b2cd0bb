import { css } from 'lit';
import { cardStyles } from '../../internal/card.styles.js';
import { badgeStyles, emptyStyles, headingStyles, tableStyles } from '../../internal/data.styles.js';
import { moneyInputStyles } from '../../internal/money-input.styles.js';
import { outcomeStyles } from '../../internal/outcome.styles.js';
import { paymentFieldStyles } from '../../internal/payment-fields.styles.js';
import { promiseCardStyles } from '../../internal/promise-card.js';
import { containerStyles, controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  emptyStyles,
  containerStyles,
  headingStyles,
  tableStyles,
  cardStyles,
  moneyInputStyles,
  paymentFieldStyles,
  promiseCardStyles,
  outcomeStyles,
  css`
    .base,
    .promise-form,
    .created {
      display: grid;
      gap: calc(${t.space} * 2.5);
    }

    .promise-form,
    .created {
      max-width: 46rem;
    }

    .back {
      justify-self: start;
    }

    .intro,
    .lead,
    .notice,
    .field {
      margin: 0;
    }

    .subtle {
      display: block;
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 400;
    }

    .invoices th[scope='row'] {
      font-weight: 600;
    }

    .invoices .badge {
      margin-inline-start: calc(${t.space} / 2);
    }

    .invoices tfoot th,
    .invoices tfoot td {
      border-block-end: 0;
      font-weight: 700;
    }

    .due-inline {
      display: none;
    }

    .excluded ul {
      display: grid;
      gap: calc(${t.space} / 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .excluded li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: calc(${t.space} / 2) ${t.space};
      padding-block: calc(${t.space} / 2);
      border-block-end: ${divider};
    }

    .excluded .subtle {
      display: inline;
      font-size: 0.875em;
    }

    .invoice-number {
      font-weight: 600;
    }

    .promise-fields {
      display: grid;
      gap: calc(${t.space} * 2);
    }

    .money-input {
      max-width: 16rem;
    }

    input.date {
      max-width: 16rem;
    }

    textarea {
      width: 100%;
      min-height: 5rem;
      padding: calc(${t.space} * 1) calc(${t.space} * 1.5);
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      background: ${t.colorSurface};
      color: ${t.colorText};
      font: inherit;
      resize: vertical;
    }

    .partial {
      margin: 0;
      padding: calc(${t.space} / 2) ${t.space};
      border-inline-start: 3px solid ${t.colorWarning};
      background: ${tint(t.colorWarning, 8)};
      font-size: 0.875em;
    }

    .what-happens {
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
      background: ${tint(t.colorPrimary, 4)};
    }

    .what-happens p {
      margin: 0;
    }

    .what-happens p + p {
      margin-block-start: calc(${t.space} / 2);
      color: ${t.colorMuted};
    }

    .what-happens p.charge {
      color: inherit;
      font-weight: 600;
    }

    /* ---- Paying automatically ---- */

    .autopay-choice {
      display: grid;
      gap: calc(${t.space} * 1.5);
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    .autopay-choice > .hint,
    .autopay-choice > .error-text,
    .autopay-choice > .pending {
      margin: 0;
    }

    .autopay-methods {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space} calc(${t.space} * 2.5);
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    .autopay-methods legend {
      margin-block-end: ${t.space};
      padding: 0;
      font-weight: 600;
    }

    .submit {
      justify-self: start;
    }

    #problem:focus,
    #created-heading:focus {
      outline: none;
    }

    .created-actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
    }

    /* Room for two columns: amount and date side by side. */
    @container (min-width: 36rem) {
      .promise-fields {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        align-items: start;
      }
    }

    /* A phone: the due date moves under the invoice number; full-width buttons. */
    @container (max-width: 34rem) {
      .col-due {
        display: none;
      }

      .due-inline {
        display: block;
      }

      th,
      td {
        padding-inline: calc(${t.space} * 0.75);
      }

      .submit,
      .created-actions .button {
        justify-self: stretch;
        width: 100%;
      }
    }
  `,
];
