import { css } from 'lit';
import {
  accountSwitcherStyles,
  badgeStyles,
  containerStyles,
  controlStyles,
  divider,
  emptyStyles,
  figureStyles,
  hostStyles,
  skeletonStyles,
} from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  figureStyles,
  skeletonStyles,
  emptyStyles,
  accountSwitcherStyles,
  containerStyles,
  css`
    .base {
      display: grid;
      gap: calc(${t.space} * 2);
    }

    .account-bar {
      display: grid;
      gap: calc(${t.space} * 1.5);
    }

    .account-bar .notice {
      margin: 0;
    }

    /* ---- Tabs ---- */

    .tabs {
      display: flex;
      overflow-x: auto;
      gap: calc(${t.space} / 2);
      border-block-end: ${divider};
    }

    [role='tab'] {
      display: inline-flex;
      flex: none;
      align-items: center;
      gap: calc(${t.space} * 0.75);
      margin-block-end: -1px;
      padding: calc(${t.space} * 1.25) calc(${t.space} * 1.75);
      border: 0;
      border-block-end: 3px solid transparent;
      background: none;
      color: ${t.colorMuted};
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    [role='tab']:hover {
      color: ${t.colorText};
    }

    [role='tab'][aria-selected='true'] {
      border-block-end-color: ${t.colorPrimary};
      color: ${t.colorPrimary};
    }

    [role='tab']:focus-visible {
      outline-offset: -2px;
    }

    .count {
      min-width: 1.5em;
      padding: 0 0.45em;
      border-radius: 999px;
      background: ${tint(t.colorMuted, 14)};
      color: ${t.colorText};
      font-size: 0.8125em;
      font-variant-numeric: tabular-nums;
      text-align: center;
    }

    /* ---- Search ---- */

    .search {
      display: grid;
      gap: calc(${t.space} / 2);
      max-width: 26rem;
    }

    .search-field {
      position: relative;
    }

    .search-icon {
      position: absolute;
      inset-block-start: 50%;
      inset-inline-start: calc(${t.space} * 1.25);
      width: 1.125rem;
      height: 1.125rem;
      color: ${t.colorMuted};
      transform: translateY(-50%);
      pointer-events: none;
    }

    .account-switch {
      max-width: 24rem;
    }

    .search input {
      padding-inline: calc(${t.space} * 4.5);
    }

    .search input::-webkit-search-cancel-button {
      appearance: none;
    }

    .clear {
      position: absolute;
      inset-block: 0;
      inset-inline-end: 2px;
      display: grid;
      place-items: center;
      width: 2.25rem;
      margin-block: 2px;
      border: 0;
      border-radius: ${t.radius};
      background: none;
      color: ${t.colorMuted};
      font: inherit;
      font-size: 1.25em;
      cursor: pointer;
    }

    .clear:hover {
      color: ${t.colorText};
      background: ${tint(t.colorMuted, 10)};
    }

    /* ---- Selection bar ---- */

    .selection-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${t.space} calc(${t.space} * 2);
      padding: ${t.space} calc(${t.space} * 1.5);
      border: 1px solid ${t.colorPrimary};
      border-radius: ${t.radius};
      background: ${tint(t.colorPrimary, 6)};
    }

    .selection-summary {
      margin: 0;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }

    .selection-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${t.space} calc(${t.space} * 1.5);
    }

    .selection-actions .button:not(.link) {
      min-height: 2.25rem;
      padding-block: calc(${t.space} * 0.5);
    }

    /* ---- Table ---- */

    .table-scroll {
      max-height: var(--ar-list-max-height, min(70vh, 44rem));
      overflow: auto;
      border: ${divider};
      border-radius: ${t.radius};
      overscroll-behavior: contain;
      /* Rows focused by keyboard stay clear of the sticky header. */
      scroll-padding-block-start: 3rem;
    }

    table {
      --columns: 2.75rem minmax(8.5rem, 1.3fr) minmax(7rem, 1fr) minmax(7rem, 1fr) minmax(7.5rem, 1fr)
        minmax(7.5rem, 1fr) minmax(11rem, 1.3fr);
      display: block;
      min-width: 51.25rem;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }

    /* Rows of the previous search or sort stay readable (full contrast) while the next loads. */
    table.busy {
      cursor: progress;
    }

    table.busy thead {
      box-shadow: inset 0 -3px 0 ${tint(t.colorPrimary, 55)};
    }

    thead,
    tbody {
      display: block;
    }

    thead {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      background: ${t.colorSurface};
    }

    tr {
      display: grid;
      grid-template-columns: var(--columns);
      align-items: center;
      width: 100%;
      min-height: 3.25rem;
      border-block-end: ${divider};
      background: ${t.colorSurface};
    }

    th,
    td {
      display: block;
      min-width: 0;
      padding: calc(${t.space} * 0.75) ${t.space};
      overflow: hidden;
      text-align: start;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    thead th {
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 600;
      letter-spacing: 0.02em;
      text-transform: uppercase;
    }

    thead th.num {
      text-align: end;
    }

    .sort {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      max-width: 100%;
      padding: calc(${t.space} / 2) calc(${t.space} / 2);
      margin: calc(${t.space} / -2);
      border: 0;
      border-radius: ${t.radius};
      background: none;
      color: inherit;
      font: inherit;
      letter-spacing: inherit;
      text-transform: inherit;
      cursor: pointer;
    }

    .sort:hover {
      color: ${t.colorText};
      background: ${tint(t.colorMuted, 8)};
    }

    th[aria-sort] .sort {
      color: ${t.colorPrimary};
    }

    .sort-icon {
      font-size: 0.8em;
      opacity: 0.55;
    }

    th[aria-sort] .sort-icon {
      opacity: 1;
    }

    .select-cell {
      display: grid;
      place-items: center;
      padding-inline: 0;
    }

    input[type='checkbox'] {
      width: 1.125rem;
      min-height: 0;
      height: 1.125rem;
      margin: 0;
      accent-color: ${t.colorPrimary};
      cursor: pointer;
    }

    tbody th {
      display: grid;
      font-weight: 600;
      color: ${t.colorPrimary};
    }

    .secondary {
      overflow: hidden;
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 400;
      text-overflow: ellipsis;
    }

    .due-inline {
      display: none;
    }

    /* A payment on its way: says how much and since when, under the status badge. */
    .in-flight {
      display: block;
      margin-block-start: calc(${t.space} / 2);
      color: ${t.colorText};
      font-size: 0.8125em;
      font-weight: 500;
      line-height: 1.35;
      white-space: normal;
    }

    .in-flight::before {
      content: '';
      display: inline-block;
      width: 0.5em;
      height: 0.5em;
      margin-inline-end: 0.4em;
      border-radius: 50%;
      background: ${t.colorPrimary};
      vertical-align: 0.1em;
    }

    .left-to-pay {
      display: block;
      font-weight: 500;
    }

    input[type='checkbox']:disabled {
      cursor: not-allowed;
      opacity: 0.45;
    }

    .figures .figure-note {
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 500;
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

    tbody tr.checked {
      background: ${tint(t.colorPrimary, 7)};
    }

    tbody tr.highlighted {
      background: ${tint(t.colorPrimary, 10)};
      box-shadow: inset 4px 0 0 ${t.colorPrimary};
    }

    .more {
      justify-content: center;
      margin: 0;
      padding-block: ${t.space};
    }

    .note {
      margin: 0;
      color: ${t.colorMuted};
    }

    .skeleton tbody tr {
      cursor: default;
    }

    /* Medium: issue date and total give way. */
    @container (max-width: 53rem) {
      table {
        --columns: 2.75rem minmax(8rem, 1.3fr) minmax(7rem, 1fr) minmax(7.5rem, 1fr) minmax(11rem, 1.4fr);
        min-width: 0;
      }

      .col-issue,
      .col-total {
        display: none;
      }
    }

    /*
     * Narrow (phones): each invoice is a card. The number (with PO and due date under it) and the
     * balance share the first line; the status badge and any payment in flight go on the next, full
     * width. The header row becomes a line of sort buttons.
     */
    @container (max-width: 38rem) {
      table {
        --columns: 2.25rem minmax(0, 1fr) auto;
      }

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

      thead tr {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 calc(${t.space} / 2);
        min-height: 2.75rem;
      }

      thead th {
        flex: none;
        padding-inline: calc(${t.space} * 0.5);
      }

      thead .select-cell {
        width: 2.25rem;
      }

      tbody tr {
        grid-template-areas:
          'select number balance'
          'select status status';
        align-items: start;
        padding-block: calc(${t.space} / 2);
      }

      tbody .select-cell {
        grid-area: select;
        align-self: start;
        /* Level with the invoice number's line. */
        padding-block-start: calc(${t.space} * 0.75 + 0.2em);
      }

      tbody .col-number {
        grid-area: number;
      }

      tbody .col-balance {
        grid-area: balance;
      }

      tbody .col-status {
        grid-area: status;
        padding-block-start: 0;
        white-space: normal;
      }

      tbody th,
      .invoice-number,
      tbody th .secondary {
        white-space: normal;
        overflow-wrap: anywhere;
      }

      .badge {
        flex-wrap: wrap;
        column-gap: 0.375em;
        row-gap: 0;
        border-radius: ${t.radius};
      }

      .search {
        max-width: none;
      }

      .figures {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
  `,
];
