import { css } from 'lit';
import { tableStyles } from '../../../internal/data.styles.js';
import { controlStyles, divider, hostStyles } from '../../../internal/shared.styles.js';
import { tint, tokens as t } from '../../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  tableStyles,
  css`
    .base {
      display: grid;
      gap: ${t.space};
      max-width: 48rem;
    }

    .base > *,
    .team > * {
      min-width: 0;
    }

    h2,
    h3 {
      margin: 0;
    }

    .sections,
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .sections li {
      display: inline-block;
      margin-inline-end: ${t.space};
    }

    [aria-current] {
      font-weight: 600;
    }

    textarea {
      width: 100%;
      font: inherit;
    }

    .danger {
      background: ${t.colorDanger};
    }

    .check,
    .team {
      display: grid;
      gap: 0 ${t.space};
    }

    .check {
      grid-template-columns: auto 1fr;
    }

    .check .hint {
      grid-column: 2;
    }

    .team {
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      align-items: end;
    }

    input[type='checkbox'] {
      width: auto;
      min-height: 0;
    }

    fieldset,
    .rows li {
      margin: 0 0 ${t.space};
      border: ${divider};
      border-radius: ${t.radius};
      padding: ${t.space};
    }

    label {
      margin-inline-end: ${t.space};
    }

    fieldset label {
      font-weight: 400;
    }

    section,
    .subform,
    .actions {
      margin-block-start: ${t.space};
    }

    .actions .button {
      margin-inline-end: ${t.space};
    }

    /* Holds the table's visually hidden words too, so they scroll with it rather than widen the page. */
    .table-scroll {
      position: relative;
    }

    .rows p,
    .confirm p {
      margin: 0 0 ${t.space};
      overflow-wrap: anywhere;
    }

    .confirm {
      padding: ${t.space};
      background: ${tint(t.colorDanger, 8)};
    }

    pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .logo {
      max-height: 4rem;
    }
  `,
];
