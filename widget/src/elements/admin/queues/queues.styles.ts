/** The queues' looks: the shared styles, with the queues' badges, tables, forms and thread on top. */
import { css } from 'lit';
import { badgeStyles, emptyStyles, figureStyles, headingStyles, tableStyles } from '../../../internal/data.styles.js';
import { controlStyles, hostStyles } from '../../../internal/shared.styles.js';
import { tint, tokens as t } from '../../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  figureStyles,
  headingStyles,
  tableStyles,
  emptyStyles,
  css`
    .base {
      display: grid;
      gap: calc(${t.space} * 2);
    }
    .bar,
    .pager,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${t.space};
    }
    .tabs {
      margin: 0;
      padding: 0;
      gap: calc(${t.space} * 3);
      list-style: none;
    }
    .tabs li {
      margin: 0;
    }
    .bar .field {
      margin: 0;
      min-width: 12rem;
    }
    .bar form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${t.space};
    }
    td {
      font-size: 0.9375em;
      white-space: nowrap;
    }
    td.wrap {
      min-width: 12rem;
      white-space: normal;
    }
    /* A payment's details: as wide as the box that scrolls the table, not the table. */
    .detail {
      position: sticky;
      inset-inline-start: 0;
      max-width: min(40rem, calc(100vw - 4rem));
      white-space: normal;
    }
    .figures dd {
      overflow-wrap: anywhere;
    }
    .sub {
      display: block;
      color: ${t.colorMuted};
      font-size: 0.875em;
    }
    .badge.warn {
      color: ${t.colorWarning};
      background: ${tint(t.colorWarning, 8)};
    }
    .badge.ok {
      color: ${t.colorSuccess};
      background: ${tint(t.colorSuccess, 8)};
    }
    .badge.bad {
      color: ${t.colorDanger};
      background: ${tint(t.colorDanger, 8)};
    }
    .badge.muted {
      color: ${t.colorMuted};
      background: ${tint(t.colorMuted, 6)};
    }
    .panel {
      display: grid;
      gap: ${t.space};
      padding: calc(${t.space} * 2);
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
    }
    .panel > * {
      margin: 0;
    }
    textarea {
      width: 100%;
      min-height: 5rem;
      padding: ${t.space};
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      font: inherit;
    }
    .check {
      display: flex;
      gap: ${t.space};
      align-items: center;
      font-weight: 400;
    }
    .check input {
      width: auto;
      min-height: 0;
    }
    ol,
    ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    li + li {
      margin-top: ${t.space};
    }
    .thread {
      padding: 0;
      list-style: none;
    }
    .thread > li {
      padding-inline-start: ${t.space};
      border-inline-start: 3px solid ${t.colorBorder};
    }
    .thread p {
      margin: calc(${t.space} / 2) 0;
    }
    .internal {
      background: ${tint(t.colorWarning, 6)};
    }
    .system {
      color: ${t.colorMuted};
    }
  `,
];
