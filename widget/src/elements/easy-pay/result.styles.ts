/** The next-action dialog and the receipt of `<ar-easy-pay>`. */
import { css } from 'lit';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const resultStyles = css`
  /* ---- Dialog ---- */

  dialog {
    width: min(26rem, calc(100vw - 2rem));
    padding: calc(${t.space} * 3);
    border: 1px solid ${t.colorBorder};
    border-radius: calc(${t.radius} * 2);
    background: ${t.colorSurface};
    color: ${t.colorText};
    box-shadow: 0 12px 32px color-mix(in srgb, ${t.colorText} 25%, transparent);
  }

  dialog::backdrop {
    background: color-mix(in srgb, ${t.colorText} 45%, transparent);
  }

  dialog h2 {
    font-size: 1.25em;
  }

  dialog p {
    margin: ${t.space} 0 0;
  }

  .dialog-flag {
    display: inline-block;
    margin: 0 0 ${t.space};
    padding: 0.125em 0.625em;
    border-radius: 999px;
    background: ${tint(t.colorWarning, 12)};
    color: ${t.colorWarning};
    font-size: 0.8125em;
    font-weight: 600;
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: ${t.space};
    margin-block-start: calc(${t.space} * 3);
  }

  .dialog-actions .button {
    flex: 1 1 auto;
  }

  /* ---- Receipt ---- */

  #result-heading:focus {
    outline: none;
  }

  .lead {
    margin: 0;
  }

  .receipt-meta {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(${t.space} * 1.5);
    margin: 0;
    padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
    border-radius: ${t.radius};
    background: ${tint(t.colorMuted, 5)};
  }

  .receipt-meta div {
    display: grid;
    gap: 0.125rem;
  }

  .receipt-meta dt {
    color: ${t.colorMuted};
    font-size: 0.8125em;
  }

  .receipt-meta dd {
    margin: 0;
    font-weight: 600;
  }

  .allocations caption {
    padding-block-end: ${t.space};
    color: ${t.colorMuted};
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-align: start;
    text-transform: uppercase;
  }

  .allocations tbody th {
    font-weight: 600;
  }

  .allocations .subtle {
    display: inline;
  }

  .allocations tfoot th {
    color: ${t.colorMuted};
    font-weight: 500;
    text-align: end;
  }

  .allocations tfoot .total th,
  .allocations tfoot .total td {
    border-block-end: 0;
    color: ${t.colorText};
    font-size: 1.0625em;
    font-weight: 700;
  }

  .email-sent {
    margin: 0;
    color: ${t.colorMuted};
  }

  .receipt-actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.space};
  }
`;
