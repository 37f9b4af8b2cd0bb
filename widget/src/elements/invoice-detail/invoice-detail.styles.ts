import { css } from 'lit';
import { badgeStyles, emptyStyles, headingStyles, skeletonStyles, tableStyles } from '../../internal/data.styles.js';
import { containerStyles, controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  skeletonStyles,
  emptyStyles,
  containerStyles,
  headingStyles,
  tableStyles,
  css`
    .base,
    .invoice {
      display: grid;
      gap: calc(${t.space} * 2.5);
    }

    .back {
      justify-self: start;
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(${t.space} * 1.5);
    }

    .head .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
    }

    .title {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(${t.space} * 1.5);
    }

    .notice {
      margin: 0;
    }

    .notice.warning {
      border-color: ${t.colorWarning};
      background: ${tint(t.colorWarning, 8)};
    }

    .notice.disputed {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${t.space};
    }

    .notice.disputed .button {
      margin: 0;
    }

    .past-disputes ul {
      display: grid;
      justify-items: start;
      gap: calc(${t.space} / 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .meta {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: calc(${t.space} * 1.5);
      margin: 0;
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border-radius: ${t.radius};
      background: ${tint(t.colorMuted, 5)};
    }

    .meta div {
      display: grid;
      gap: 0.125rem;
    }

    .meta dt {
      color: ${t.colorMuted};
      font-size: 0.8125em;
    }

    .meta dd {
      margin: 0;
      font-weight: 600;
    }

    .overdue {
      color: ${t.colorDanger};
      font-weight: 500;
    }

    .body {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(15rem, 20rem);
      align-items: start;
      gap: calc(${t.space} * 3);
    }

    .line-inline {
      display: none;
      color: ${t.colorMuted};
      font-size: 0.8125em;
    }

    .sku {
      color: ${t.colorMuted};
      font-size: 0.875em;
      white-space: nowrap;
    }

    .amount {
      font-weight: 600;
    }

    .totals-section {
      padding-block-start: calc(${t.space} * 3.5);
    }

    .sum {
      display: grid;
      margin: 0;
      font-variant-numeric: tabular-nums;
    }

    .sum div {
      display: flex;
      justify-content: space-between;
      gap: calc(${t.space} * 2);
      padding: calc(${t.space} * 0.75) 0;
      border-block-end: ${divider};
    }

    .sum dt {
      color: ${t.colorMuted};
    }

    .sum dd {
      margin: 0;
      text-align: end;
    }

    .sum .total dd,
    .sum .total dt {
      color: ${t.colorText};
      font-weight: 600;
    }

    .sum .balance-due {
      border-block-end: 0;
      border-block-start: 2px solid ${t.colorText};
      font-size: 1.125em;
    }

    .sum .balance-due dt,
    .sum .balance-due dd {
      color: ${t.colorText};
      font-weight: 700;
    }

    /* Under the balance due while a payment is on its way: what it holds and what is left to pay. */
    .sum .in-flight-amount {
      border-block-end: 0;
    }

    .sum .left-to-pay dt,
    .sum .left-to-pay dd {
      color: ${t.colorText};
      font-weight: 600;
    }

    .sum .left-to-pay {
      border-block-end: 0;
    }

    .applied {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: calc(${t.space} * 2);
    }

    .card {
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    .entries {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .entries li {
      display: flex;
      justify-content: space-between;
      gap: calc(${t.space} * 2);
      padding-block: ${t.space};
      border-block-end: ${divider};
    }

    .entries li:last-child {
      border-block-end: 0;
    }

    .entry-main {
      display: grid;
    }

    .entry-amount {
      color: ${t.colorSuccess};
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .secondary,
    .none {
      margin: 0;
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .timeline {
      display: grid;
      gap: calc(${t.space} * 1.5);
      margin: 0;
      padding: 0 0 0 calc(${t.space} * 2.5);
      border-inline-start: 2px solid color-mix(in srgb, ${t.colorBorder} 45%, ${t.colorSurface});
      list-style: none;
    }

    .timeline li {
      position: relative;
      display: grid;
    }

    .timeline li::before {
      content: '';
      position: absolute;
      inset-block-start: 0.35em;
      inset-inline-start: calc(${t.space} * -2.5 - 6px);
      width: 10px;
      height: 10px;
      border: 2px solid ${t.colorPrimary};
      border-radius: 50%;
      background: ${t.colorSurface};
    }

    .timeline time {
      color: ${t.colorMuted};
      font-size: 0.8125em;
    }

    .skeleton {
      display: grid;
      gap: calc(${t.space} * 2);
    }

    .skeleton .head,
    .skeleton-line {
      display: flex;
      justify-content: space-between;
    }

    .skeleton .meta div {
      gap: ${t.space};
    }

    @container (max-width: 56rem) {
      .body {
        grid-template-columns: minmax(0, 1fr);
      }

      .totals-section {
        padding-block-start: 0;
      }

      .sku {
        display: none;
      }
    }

    @container (max-width: 30rem) {
      .col-unit,
      .col-tax {
        display: none;
      }

      .line-inline {
        display: block;
      }

      th,
      td {
        padding-inline: calc(${t.space} * 0.5);
      }
    }
  `,
];
