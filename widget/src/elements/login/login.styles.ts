import { css } from 'lit';
import { controlStyles, hostStyles } from '../../internal/shared.styles.js';
import { tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  css`
    .base {
      max-width: 28rem;
      padding: calc(${t.space} * 3);
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      background: ${t.colorSurface};
    }

    h2 {
      margin: 0 0 calc(${t.space} * 2);
      font-size: 1.375em;
      line-height: 1.25;
    }

    /* Headings take focus only to announce a new view; they are not controls, so no ring. */
    h2:focus,
    h2:focus-visible {
      outline: none;
    }

    p {
      margin: 0 0 calc(${t.space} * 2);
    }

    .intro,
    .sent-to {
      color: ${t.colorText};
    }

    .code-form {
      margin-block: calc(${t.space} * 2);
    }

    #code {
      max-width: 10rem;
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.2em;
    }

    .status:empty {
      display: none;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(${t.space} * 2);
    }

    .company {
      margin-bottom: ${t.space};
      color: ${t.colorMuted};
      font-weight: 600;
    }

    .pay-invoices {
      display: grid;
      gap: calc(${t.space} * 1.5);
      margin: 0 0 calc(${t.space} * 3);
    }

    .pay-invoice {
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
    }

    .pay-invoice dt {
      font-weight: 600;
    }

    .pay-invoice dd {
      display: grid;
      gap: calc(${t.space} / 2);
      margin: calc(${t.space} / 2) 0 0;
    }

    .amount-due {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${t.space};
    }

    .amount-due .label,
    .due-date {
      color: ${t.colorMuted};
    }

    .amount-due .amount {
      font-size: 1.5em;
      font-variant-numeric: tabular-nums;
    }

    .in-flight {
      color: ${t.colorText};
    }

    .pay-landing .button {
      width: 100%;
    }

    .pay-landing .hint {
      margin: calc(${t.space} * 1.5) 0 0;
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .pending {
      display: flex;
      align-items: center;
      gap: ${t.space};
      color: ${t.colorMuted};
    }
  `,
];
