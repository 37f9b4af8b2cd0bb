/** A list of cards under a heading (see card-list.ts): the view, its head, the list, the skeleton. */
export const cardListStyles = css`
  .base {
    display: grid;
    gap: calc(${t.space} * 2);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: calc(${t.space} * 1.5);
  }

  .cards,
  .loading {
    display: grid;
    gap: calc(${t.space} * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .skeleton {
    display: grid;
    gap: ${t.space};
  }

  .notice {
    margin: ${t.space} 0 0;
  }
`;

/**
 * A record shown as a card (a payment, a promise to pay): its head with a heading and a state, its key
 * facts (stacked on a phone, side by side when there is room), what it applies to, and its actions.
 */
import { css } from 'lit';
import { divider } from './shared.styles.js';
import { tokens as t } from './tokens.styles.js';

export const cardStyles = css`
  .card {
    min-width: 0;
    padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
    border: ${divider};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
  }

  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${t.space};
  }

  .card-title {
    margin: 0;
    color: ${t.colorText};
    font-size: 1em;
    font-weight: 700;
    letter-spacing: normal;
    text-transform: none;
    overflow-wrap: anywhere;
  }

  .facts {
    display: grid;
    grid-template-columns: 1fr;
    gap: calc(${t.space} / 2) calc(${t.space} * 2);
    margin: ${t.space} 0 0;
  }

  .facts > div {
    display: flex;
    justify-content: space-between;
    gap: ${t.space};
    min-width: 0;
  }

  .facts dt {
    color: ${t.colorMuted};
  }

  .facts dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .subtle {
    color: ${t.colorMuted};
    font-size: 0.875em;
  }

  .applied {
    margin-top: ${t.space};
    padding-top: ${t.space};
    border-top: ${divider};
  }

  h4 {
    margin: 0 0 calc(${t.space} / 2);
    color: ${t.colorMuted};
    font-size: 0.8125em;
    font-weight: 600;
  }

  .applied ul {
    display: grid;
    gap: calc(${t.space} / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .applied li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(${t.space} / 2) ${t.space};
  }

  .applied .invoice {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .applied .num {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: ${t.space};
    margin-top: calc(${t.space} * 1.5);
  }

  /* Wider than a phone: the facts sit side by side. */
  @container (min-width: 36rem) {
    .facts {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }

    .facts > div {
      display: grid;
      justify-content: start;
    }

    .facts dd {
      text-align: start;
    }
  }
`;
