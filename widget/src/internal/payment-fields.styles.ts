/**
 * The payment details' fields wherever a card or bank account is entered (`payment-fields.ts`: the pay
 * form, a promise's automatic payment): the two-column card and bank grids, the checkboxes beside
 * them, and the sandbox's note with its test numbers.
 */
import { css } from 'lit';
import { tint, tokens as t } from './tokens.styles.js';

export const paymentFieldStyles = css`
  .check {
    display: flex;
    align-items: center;
    gap: ${t.space};
    font-weight: 500;
  }

  .check input {
    width: 1.125rem;
    min-height: 0;
    height: 1.125rem;
    margin: 0;
    accent-color: ${t.colorPrimary};
  }

  .card-fields,
  .bank-fields {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0 calc(${t.space} * 2);
  }

  .card-fields .wide,
  .bank-fields .wide {
    grid-column: 1 / -1;
  }

  .card-fields .field,
  .bank-fields .field {
    margin-block-end: calc(${t.space} * 1.5);
    align-content: start;
  }

  .card-fields .field:last-child,
  .bank-fields .field:last-child {
    margin-block-end: 0;
  }

  #card-number {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
  }

  .sandbox {
    border: 1px dashed ${t.colorWarning};
    border-radius: ${t.radius};
    background: ${tint(t.colorWarning, 6)};
  }

  .sandbox summary {
    padding: ${t.space} calc(${t.space} * 1.5);
    color: ${t.colorWarning};
    font-weight: 600;
    cursor: pointer;
  }

  .sandbox-body {
    display: grid;
    gap: ${t.space};
    padding: 0 calc(${t.space} * 1.5) calc(${t.space} * 1.5);
    font-size: 0.875em;
  }

  .sandbox-body p {
    margin: 0;
  }

  .test-numbers caption {
    padding-block: ${t.space} calc(${t.space} / 2);
    font-weight: 600;
    text-align: start;
  }

  .test-numbers th,
  .test-numbers td {
    padding: calc(${t.space} / 2) ${t.space};
  }

  .test-number {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    white-space: nowrap;
  }

  /* A phone: one field a row. */
  @container (max-width: 34rem) {
    .card-fields,
    .bank-fields {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
