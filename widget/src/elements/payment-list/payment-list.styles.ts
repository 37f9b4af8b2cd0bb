import { css } from 'lit';
import { accountSwitcherStyles, emptyStyles, headingStyles, skeletonStyles } from '../../internal/data.styles.js';
import { containerStyles, controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  skeletonStyles,
  emptyStyles,
  accountSwitcherStyles,
  containerStyles,
  headingStyles,
  css`
    .base {
      display: grid;
      gap: calc(${t.space} * 2);
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: calc(${t.space} * 1.5);
    }

    .payments,
    .loading {
      display: grid;
      gap: calc(${t.space} * 1.5);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .card {
      min-width: 0;
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
      background: ${t.colorSurface};
    }

    .skeleton {
      display: grid;
      gap: ${t.space};
    }

    .card-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${t.space};
    }

    h3.receipt-number {
      margin: 0;
      color: ${t.colorText};
      font-size: 1em;
      font-weight: 700;
      letter-spacing: normal;
      text-transform: none;
      overflow-wrap: anywhere;
    }

    .state {
      display: inline-flex;
      align-items: center;
      gap: 0.375em;
      padding: 0.125em 0.625em;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8125em;
      font-weight: 600;
      white-space: nowrap;
      color: ${t.colorMuted};
      background: ${tint(t.colorMuted, 6)};
    }

    .state.succeeded {
      color: ${t.colorSuccess};
      background: ${tint(t.colorSuccess, 8)};
    }

    .state.failed,
    .state.returned {
      color: ${t.colorDanger};
      background: ${tint(t.colorDanger, 8)};
    }

    .state.refunded {
      color: ${t.colorWarning};
      background: ${tint(t.colorWarning, 8)};
    }

    .facts {
      display: grid;
      grid-template-columns: 1fr;
      gap: calc(${t.space} / 2) calc(${t.space} * 2);
      margin: ${t.space} 0 0;
    }

    .facts > div {
      display: flex;
      justify-content: space-between;
      gap: ${t.space};
      min-width: 0;
    }

    .facts dt {
      color: ${t.colorMuted};
    }

    .facts dd {
      margin: 0;
      text-align: end;
      font-variant-numeric: tabular-nums;
    }

    .facts .amount dd {
      display: grid;
    }

    .subtle {
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .notes p {
      margin: ${t.space} 0 0;
    }

    .danger-text {
      color: ${t.colorDanger};
    }

    .refund {
      color: ${t.colorWarning};
      font-weight: 600;
    }

    .applied {
      margin-top: ${t.space};
      padding-top: ${t.space};
      border-top: ${divider};
    }

    h4 {
      margin: 0 0 calc(${t.space} / 2);
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 600;
    }

    .applied ul {
      display: grid;
      gap: calc(${t.space} / 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .applied li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: calc(${t.space} / 2) ${t.space};
    }

    .applied .invoice {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .applied .num {
      margin-inline-start: auto;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .actions {
      display: flex;
      justify-content: flex-end;
      margin-top: calc(${t.space} * 1.5);
    }

    .notice {
      margin: ${t.space} 0 0;
    }

    /* Wider than a phone: the facts sit side by side. */
    @container (min-width: 36rem) {
      .facts {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }

      .facts > div {
        display: grid;
        justify-content: start;
      }

      .facts dd {
        text-align: start;
      }

      .facts .amount {
        justify-content: end;
        text-align: end;
      }

      .facts .amount dd {
        justify-items: end;
      }
    }
  `,
];
