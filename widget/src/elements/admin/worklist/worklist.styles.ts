import { css } from 'lit';
import { emptyStyles, headingStyles, skeletonStyles, tableStyles } from '../../../internal/data.styles.js';
import { controlStyles, hostStyles } from '../../../internal/shared.styles.js';
import { tokens as t } from '../../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  headingStyles,
  tableStyles,
  skeletonStyles,
  emptyStyles,
  css`
    .hint {
      margin-block: calc(${t.space} / 2) calc(${t.space} * 2);
    }

    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(10rem, 100%), 1fr));
      gap: 0 calc(${t.space} * 2);
      align-items: end;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
      margin-block-end: calc(${t.space} * 2);
    }

    .help {
      margin-block-end: calc(${t.space} * 2);
      color: ${t.colorMuted};
    }

    .help summary {
      cursor: pointer;
    }

    .help p {
      max-width: 60rem;
      margin: ${t.space} 0 0;
    }

    .results[aria-busy='true'] {
      opacity: 0.6;
    }

    /* The customer's name stays in sight while the other columns scroll by. */
    tbody th,
    thead th:first-child {
      position: sticky;
      inset-inline-start: 0;
      background: ${t.colorSurface};
    }

    tbody th {
      font-weight: 600;
    }

    a {
      color: ${t.colorPrimary};
    }

    .sub {
      display: block;
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 400;
    }

    .late {
      color: ${t.colorDanger};
    }

    .muted {
      color: ${t.colorMuted};
    }

    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${t.space};
      margin-block-start: calc(${t.space} * 2);
    }

    .loading {
      display: grid;
      gap: calc(${t.space} * 1.5);
    }

    .loading .bone {
      width: 100%;
      height: 2.25rem;
    }
  `,
];
