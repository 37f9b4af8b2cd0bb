import { css } from 'lit';
import { badgeStyles, emptyStyles, figureStyles, headingStyles, tableStyles } from '../../../internal/data.styles.js';
import { controlStyles, divider, hostStyles } from '../../../internal/shared.styles.js';
import { tokens as t } from '../../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  emptyStyles,
  figureStyles,
  headingStyles,
  tableStyles,
  css`
    .page,
    .finder,
    .head {
      display: grid;
      gap: calc(${t.space} * 2);
    }

    .back {
      justify-self: start;
    }

    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space} calc(${t.space} * 4);
      margin: 0;
    }

    .facts dt {
      color: ${t.colorMuted};
      font-size: 0.8125em;
    }

    .facts dd {
      margin: 0;
    }

    .address,
    .note {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    .actions,
    .row,
    .pager,
    .pair {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${t.space};
    }

    .search {
      display: grid;
      gap: calc(${t.space} / 2);
    }

    .search input,
    .pair .field {
      flex: 1 1 12rem;
      width: auto;
      margin: 0;
    }

    .actions [aria-expanded='true'] {
      border-color: ${t.colorPrimary};
      color: ${t.colorPrimary};
    }

    .notice {
      margin: 0;
    }

    .panel {
      padding: calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    .panel form {
      display: grid;
      max-width: 36rem;
    }

    fieldset {
      display: grid;
      gap: ${t.space};
      margin: 0 0 calc(${t.space} * 2);
      padding: ${t.space} calc(${t.space} * 1.5);
      border: ${divider};
      border-radius: ${t.radius};
    }

    legend {
      font-weight: 600;
    }

    .choice {
      display: flex;
      align-items: center;
      gap: ${t.space};
      font-weight: 400;
    }

    .choice input {
      width: auto;
      min-height: 0;
    }

    textarea {
      width: 100%;
      padding: ${t.space};
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      font: inherit;
    }

    .alloc,
    .contacts,
    .timeline {
      display: grid;
      gap: ${t.space};
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .totals {
      display: flex;
      flex-wrap: wrap;
      gap: calc(${t.space} * 2);
      margin: 0;
      font-weight: 600;
    }

    .tabs {
      display: flex;
      overflow-x: auto;
      gap: calc(${t.space} / 2);
      border-block-end: ${divider};
    }

    [role='tab'] {
      flex: none;
      margin-block-end: -1px;
      padding: ${t.space} calc(${t.space} * 1.5);
      border: 0;
      border-block-end: 3px solid transparent;
      background: none;
      color: ${t.colorMuted};
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    [role='tab'][aria-selected='true'] {
      border-block-end-color: ${t.colorPrimary};
      color: ${t.colorPrimary};
    }

    [role='tabpanel'] {
      display: grid;
      gap: calc(${t.space} * 2);
      padding-block-start: calc(${t.space} * 2);
    }

    .filter {
      max-width: 14rem;
      margin: 0;
    }

    .contact,
    .timeline li {
      display: grid;
      gap: calc(${t.space} / 2);
      padding-block: ${t.space};
      border-block-end: ${divider};
    }

    .contact > div:first-child {
      display: grid;
      overflow-wrap: anywhere;
    }

    .timeline p {
      margin: 0;
    }

    .button.danger {
      border-color: ${t.colorDanger};
      background: ${t.colorDanger};
    }

    .button.link.danger {
      background: none;
      color: ${t.colorDanger};
    }

    .confirm {
      padding: ${t.space} calc(${t.space} * 1.5);
      border-inline-start: 4px solid ${t.colorDanger};
    }

    .confirm p {
      margin: 0 0 ${t.space};
    }
  `,
];
