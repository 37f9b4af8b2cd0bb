/**
 * `<ar-invoice-list>`'s table: a CSS grid of virtualized rows, wide (every column), medium (issue date
 * and total give way) and narrow (each invoice a card).
 */
import { css } from 'lit';
import { divider } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const invoiceTableStyles = css`
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
    --columns: 2.75rem minmax(8.5rem, 1.3fr) minmax(7rem, 1fr) minmax(7rem, 1fr) minmax(7.5rem, 1fr) minmax(7.5rem, 1fr)
      minmax(11rem, 1.3fr);
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

  /* Under an open promise to pay: a badge under the status badge, as a payment in flight is. */
  .badge.promised {
    display: table;
    margin-top: calc(${t.space} / 2);
    color: ${t.colorPrimary};
    background: ${tint(t.colorPrimary, 8)};
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
`;
