import { css } from 'lit';
import { controlStyles, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  css`
    :host {
      container-type: inline-size;
    }

    .table-scroll {
      overflow-x: auto;
    }

    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }

    th,
    td {
      padding: calc(${t.space} * 1.25) calc(${t.space} * 1.5);
      border-block-end: 1px solid color-mix(in srgb, ${t.colorBorder} 45%, ${t.colorSurface});
      text-align: start;
      vertical-align: middle;
      white-space: nowrap;
    }

    thead th {
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 600;
      letter-spacing: 0.02em;
      text-transform: uppercase;
    }

    tbody th {
      font-weight: 600;
      color: ${t.colorPrimary};
    }

    .num {
      text-align: end;
    }

    .balance {
      font-weight: 600;
    }

    tbody tr {
      cursor: pointer;
    }

    tbody tr:hover {
      background: ${tint(t.colorPrimary, 4)};
    }

    tbody tr:focus-visible {
      outline: ${t.focusRing};
      outline-offset: -2px;
    }

    tbody tr.highlighted {
      background: ${tint(t.colorPrimary, 10)};
      box-shadow: inset 4px 0 0 ${t.colorPrimary};
    }

    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.375em;
      padding: 0.125em 0.625em;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8125em;
      font-weight: 600;
    }

    .badge > span {
      white-space: nowrap;
    }

    .due-inline {
      display: none;
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 400;
    }

    .badge-icon {
      font-weight: 700;
    }

    .badge.past_due {
      color: ${t.colorDanger};
      background: ${tint(t.colorDanger, 8)};
    }

    .badge.open,
    .badge.void {
      color: ${t.colorMuted};
      background: ${tint(t.colorMuted, 6)};
    }

    .badge.paid {
      color: ${t.colorSuccess};
      background: ${tint(t.colorSuccess, 8)};
    }

    .more {
      display: flex;
      justify-content: center;
      padding-block: calc(${t.space} * 2);
    }

    .empty {
      display: grid;
      justify-items: center;
      gap: ${t.space};
      margin: 0;
      padding: calc(${t.space} * 5) calc(${t.space} * 2);
      border: 1px dashed ${t.colorBorder};
      border-radius: ${t.radius};
      color: ${t.colorMuted};
      text-align: center;
    }

    .empty p {
      margin: 0;
    }

    .empty-icon {
      display: grid;
      place-items: center;
      width: 2.5rem;
      height: 2.5rem;
      border-radius: 50%;
      background: ${tint(t.colorSuccess, 12)};
      color: ${t.colorSuccess};
      font-size: 1.25em;
      font-weight: 700;
    }

    .note {
      margin: 0 0 ${t.space};
      color: ${t.colorMuted};
    }

    .bone {
      display: inline-block;
      max-width: 100%;
      height: 0.875em;
      border-radius: ${t.radius};
      background: linear-gradient(
        90deg,
        ${tint(t.colorMuted, 12)} 0%,
        ${tint(t.colorMuted, 22)} 50%,
        ${tint(t.colorMuted, 12)} 100%
      );
      background-size: 200% 100%;
      animation: shimmer 1.4s ease-in-out infinite;
    }

    @keyframes shimmer {
      from {
        background-position: 100% 0;
      }
      to {
        background-position: -100% 0;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .bone {
        animation: none;
      }
    }

    @container (max-width: 40rem) {
      .col-issue,
      .col-total,
      .col-due {
        display: none;
      }

      th,
      td {
        padding-inline: ${t.space};
      }

      .due-inline {
        display: block;
      }

      .status-cell {
        padding-inline-end: 0;
        white-space: normal;
      }

      .badge {
        flex-wrap: wrap;
        column-gap: 0.375em;
        row-gap: 0;
        border-radius: ${t.radius};
      }
    }
  `,
];
