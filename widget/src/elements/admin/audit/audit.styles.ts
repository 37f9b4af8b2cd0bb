import { css } from 'lit';
import { emptyStyles, tableStyles } from '../../../internal/data.styles.js';
import { controlStyles, hostStyles } from '../../../internal/shared.styles.js';
import { tokens as t } from '../../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  tableStyles,
  emptyStyles,
  css`
    h2 {
      margin: 0;
    }

    form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 0 ${t.space};
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
      grid-column: 1 / -1;
      margin-block: ${t.space};
    }

    /* Holds the visually hidden caption too, so it scrolls with the table rather than widen the page. */
    .table-scroll {
      position: relative;
    }

    .nowrap {
      white-space: nowrap;
    }

    .summary {
      min-width: 10rem;
      color: ${t.colorMuted};
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }

    pre {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font-size: 0.875em;
    }
  `,
];
