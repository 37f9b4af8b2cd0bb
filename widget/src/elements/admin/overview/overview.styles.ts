import { css } from 'lit';
import {
  emptyStyles,
  figureStyles,
  headingStyles,
  skeletonStyles,
  tableStyles,
} from '../../../internal/data.styles.js';
import { controlStyles, divider, hostStyles } from '../../../internal/shared.styles.js';
import { tint, tokens as t } from '../../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  headingStyles,
  figureStyles,
  tableStyles,
  skeletonStyles,
  emptyStyles,
  css`
    .bar-top {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: ${t.space};
      margin-block: ${t.space} calc(${t.space} * 2);
    }

    .as-of {
      margin: 0;
      color: ${t.colorMuted};
    }

    .switch {
      display: flex;
      align-items: center;
      gap: ${t.space};
    }

    .switch select {
      width: auto;
    }

    /* Cards side by side where there is room, one column on a phone. */
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr));
      gap: calc(${t.space} * 2);
    }

    .grid[aria-busy='true'] {
      opacity: 0.6;
    }

    .card {
      display: grid;
      align-content: start;
      gap: ${t.space};
      min-width: 0;
      padding: calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    .wide {
      grid-column: 1 / -1;
    }

    .card h3,
    .card p {
      margin: 0;
    }

    /* The chart beside its table where there is room, above it on a phone. */
    .aging {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr));
      gap: calc(${t.space} * 2);
      align-items: start;
    }

    .chart {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: calc(${t.space} / 2) ${t.space};
      align-items: center;
    }

    .label {
      font-size: 0.875em;
    }

    .bar {
      width: 100%;
      height: 1rem;
    }

    .undisputed {
      fill: ${t.colorPrimary};
      background: ${t.colorPrimary};
    }

    .disputed {
      fill: ${t.colorWarning};
      background: ${t.colorWarning};
    }

    .track {
      fill: ${tint(t.colorMuted, 15)};
    }

    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: calc(${t.space} * 2);
      grid-column: 1 / -1;
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .swatch {
      display: inline-block;
      width: 0.75em;
      height: 0.75em;
      margin-inline-end: calc(${t.space} / 2);
      border-radius: 2px;
    }

    tfoot th,
    tfoot td {
      font-weight: 700;
      border-block-end: 0;
    }

    tbody th {
      font-weight: 400;
    }

    thead th {
      white-space: normal;
    }

    .card .figures > div {
      padding: 0;
      border: 0;
    }

    .metrics {
      grid-template-columns: 1fr;
    }

    .figures dd.hint {
      font-size: 0.8125em;
      font-weight: 400;
    }

    .cei {
      display: grid;
      gap: ${t.space};
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .cei li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(3rem, 6rem) 4.5rem;
      gap: ${t.space};
      align-items: center;
      font-size: 0.9375em;
    }

    .cei strong {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }

    .list {
      display: grid;
      gap: calc(${t.space} / 2);
      margin: 0;
    }

    .list div {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: ${t.space};
    }

    .list dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    a {
      color: ${t.colorPrimary};
    }
  `,
];
