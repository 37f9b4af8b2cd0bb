import { css } from 'lit';
import {
  accountSwitcherStyles,
  emptyStyles,
  figureStyles,
  headingStyles,
  skeletonStyles,
  tableStyles,
} from '../../internal/data.styles.js';
import { containerStyles, controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';
import { disputedStyles } from './disputed.js';

export const styles = [
  hostStyles,
  controlStyles,
  figureStyles,
  skeletonStyles,
  emptyStyles,
  accountSwitcherStyles,
  containerStyles,
  headingStyles,
  tableStyles,
  disputedStyles,
  css`
    .base {
      display: grid;
      gap: calc(${t.space} * 2.5);
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: calc(${t.space} * 1.5);
    }

    .title {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(${t.space} * 1.5) calc(${t.space} * 3);
    }

    .account-name {
      color: ${t.colorMuted};
      font-weight: 500;
    }

    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
    }

    .download-error {
      flex-basis: 100%;
      margin: 0;
    }

    .period {
      margin: 0;
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    legend {
      padding-inline: calc(${t.space} / 2);
      font-weight: 600;
    }

    .dates {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(${t.space} * 1.5);
    }

    .dates .field {
      margin: 0;
    }

    .dates input {
      width: 11rem;
    }

    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
    }

    .preset {
      min-height: 2.5rem;
      font-weight: 500;
    }

    .preset[aria-pressed='true'] {
      border-color: ${t.colorPrimary};
      background: ${tint(t.colorPrimary, 10)};
      color: ${t.colorPrimary};
      font-weight: 600;
    }

    .error-text {
      margin-block-start: ${t.space};
    }

    .period-text {
      margin: 0 0 calc(${t.space} * -1);
      color: ${t.colorMuted};
      font-weight: 500;
    }

    .figures .strong dd {
      color: ${t.colorPrimary};
    }

    thead th {
      letter-spacing: 0.02em;
      text-transform: uppercase;
    }

    .nowrap {
      white-space: nowrap;
    }

    .reference {
      font-weight: 600;
      white-space: nowrap;
    }

    .payment .amount,
    .credit .amount {
      color: ${t.colorSuccess};
    }

    .opening th,
    .opening td,
    .closing th,
    .closing td {
      background: ${tint(t.colorMuted, 6)};
      font-weight: 700;
    }

    .closing th,
    .closing td {
      border-block-start: 2px solid ${t.colorText};
    }

    .none {
      padding-block: calc(${t.space} * 3);
      color: ${t.colorMuted};
      text-align: center;
    }

    .aging-bar {
      display: flex;
      overflow: hidden;
      height: 0.75rem;
      margin-block-end: calc(${t.space} * 1.5);
      border-radius: 999px;
      background: ${tint(t.colorMuted, 10)};
    }

    .aging-bar span {
      flex-basis: 0;
    }

    .bucket dt {
      display: flex;
      align-items: center;
      gap: 0.5em;
    }

    .swatch {
      width: 0.75em;
      height: 0.75em;
      border-radius: 2px;
      background: currentColor;
    }

    .bucket-current {
      --bucket: ${t.colorSuccess};
    }

    .bucket-days1to30 {
      --bucket: color-mix(in srgb, ${t.colorWarning} 70%, ${t.colorSurface});
    }

    .bucket-days31to60 {
      --bucket: ${t.colorWarning};
    }

    .bucket-days61to90 {
      --bucket: color-mix(in srgb, ${t.colorDanger} 75%, ${t.colorSurface});
    }

    .bucket-over90 {
      --bucket: ${t.colorDanger};
    }

    .aging-bar span,
    .swatch {
      background: var(--bucket);
    }

    .skeleton {
      display: grid;
      gap: calc(${t.space} * 2);
    }

    .skeleton .figures div {
      gap: ${t.space};
    }

    .skeleton-line {
      display: flex;
      justify-content: space-between;
      gap: calc(${t.space} * 2);
    }

    /*
     * Narrow (phones): each statement line is stacked, so every amount stays on screen: date, type
     * and amount on the first line; reference and running balance on the second; the description
     * under them. The column headings are kept for screen readers only.
     */
    @container (max-width: 40rem) {
      table,
      tbody,
      tfoot {
        display: block;
      }

      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }

      tbody tr,
      tfoot tr {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        grid-template-areas:
          'date type amount'
          'reference reference running'
          'description description description';
        column-gap: ${t.space};
        padding: ${t.space} calc(${t.space} * 0.75);
        border-block-end: ${divider};
      }

      tbody th,
      tbody td,
      tfoot th,
      tfoot td {
        padding: 0;
        border: 0;
        background: none;
      }

      .line .date {
        grid-area: date;
      }

      .line .col-type {
        grid-area: type;
        color: ${t.colorMuted};
      }

      .line .reference {
        grid-area: reference;
        min-width: 0;
        white-space: normal;
        overflow-wrap: anywhere;
      }

      .line .col-description {
        grid-area: description;
        color: ${t.colorMuted};
        font-size: 0.875em;
      }

      .line .amount {
        grid-area: amount;
        font-weight: 600;
      }

      .line .running {
        grid-area: running;
        color: ${t.colorMuted};
        font-size: 0.875em;
      }

      /* "Balance" before the running balance, which no longer sits under its heading. Screen readers
         have the column heading, so the label is for the eye only (the alternative text is empty). */
      .line .running::before {
        content: attr(data-label) ' ';
        content: attr(data-label) ' ' / '';
      }

      .opening,
      .closing {
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas: 'label running';
        background: ${tint(t.colorMuted, 6)};
        font-weight: 700;
      }

      .opening th,
      .opening td,
      .closing th,
      .closing td {
        border: 0;
        background: none;
      }

      .opening th,
      .closing th {
        grid-area: label;
      }

      .opening .running,
      .closing .running {
        grid-area: running;
      }

      .closing {
        border-block-start: 2px solid ${t.colorText};
      }

      .opening .col-description,
      .closing .col-description,
      .no-activity .col-description {
        display: none;
      }

      tbody tr.no-activity {
        display: block;
      }

      .dates .field,
      .dates input {
        flex: 1 1 9rem;
        width: auto;
      }

      .figures {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
  `,
];
