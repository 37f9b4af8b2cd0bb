/** `<ar-invoice-list>` above its table: the status tabs, the search field and the selection bar. */
import { css } from 'lit';
import { divider } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const toolbarStyles = css`
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

  .selection-bar .hint {
    flex-basis: 100%;
  }

  .selection-actions .button:not(.link) {
    min-height: 2.25rem;
    padding-block: calc(${t.space} * 0.5);
  }
`;
