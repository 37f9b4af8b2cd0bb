/**
 * The shared looks of what elements show (beside `shared.styles.ts`, the host and the controls):
 * status badges, key figures, headings, tables, loading skeletons, empty states and the account
 * switcher.
 */
import { css } from 'lit';
import { divider } from './shared.styles.js';
import { tint, tokens as t } from './tokens.styles.js';

/** The invoice status badge (see badge.ts): words and a shape, never colour alone. */
export const badgeStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: 0.125em 0.625em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.5;
  }

  .badge > span {
    white-space: nowrap;
  }

  .badge-icon {
    font-weight: 700;
  }

  .badge.past_due {
    color: ${t.colorDanger};
    background: ${tint(t.colorDanger, 8)};
  }

  .badge.disputed {
    color: ${t.colorWarning};
    background: ${tint(t.colorWarning, 8)};
  }

  .badge.open,
  .badge.void {
    color: ${t.colorMuted};
    background: ${tint(t.colorMuted, 6)};
  }

  .badge.paid {
    color: ${t.colorSuccess};
    background: ${tint(t.colorSuccess, 8)};
  }
`;

/** Key figures in a row of tiles (`<dl class="figures">`): account totals, invoice and statement totals. */
export const figureStyles = css`
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
    gap: ${t.space};
    margin: 0;
  }

  .figures > div {
    display: grid;
    align-content: start;
    padding: ${t.space} calc(${t.space} * 1.5);
    border: ${divider};
    border-radius: ${t.radius};
  }

  .figures dt {
    color: ${t.colorMuted};
    font-size: 0.8125em;
  }

  .figures dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .figures .danger dd {
    color: ${t.colorDanger};
  }

  .figures .warning dd {
    color: ${t.colorWarning};
  }

  .figures .success dd {
    color: ${t.colorSuccess};
  }
`;

/** A view's title (h2) and its section headings (h3: small, muted, upper case). */
export const headingStyles = css`
  h2 {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.2;
  }

  h3 {
    margin: 0 0 ${t.space};
    color: ${t.colorMuted};
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
`;

/**
 * A plain data table (`<div class="table-scroll"><table>`): rows divided by a rule, muted headers,
 * `.num` cells right-aligned. Elements add their own header case and narrow-width padding.
 */
export const tableStyles = css`
  .table-scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: ${t.space} calc(${t.space} * 1.25);
    border-block-end: ${divider};
    text-align: start;
    vertical-align: top;
  }

  thead th {
    color: ${t.colorMuted};
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }

  .num {
    text-align: end;
    white-space: nowrap;
  }
`;

/** Placeholder shapes while data loads (`<span class="bone">`). */
export const skeletonStyles = css`
  .bone {
    display: inline-block;
    max-width: 100%;
    height: 0.875em;
    border-radius: ${t.radius};
    background: linear-gradient(
      90deg,
      ${tint(t.colorMuted, 12)} 0%,
      ${tint(t.colorMuted, 22)} 50%,
      ${tint(t.colorMuted, 12)} 100%
    );
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }

  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`;

/** A designed empty state: a dashed box with a sentence and maybe an icon or a button. */
export const emptyStyles = css`
  .empty {
    display: grid;
    justify-items: center;
    gap: ${t.space};
    margin: 0;
    padding: calc(${t.space} * 5) calc(${t.space} * 2);
    border: 1px dashed ${t.colorBorder};
    border-radius: ${t.radius};
    color: ${t.colorMuted};
    text-align: center;
  }

  .empty p {
    margin: 0;
  }

  .empty-icon {
    display: grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    background: ${tint(t.colorSuccess, 12)};
    color: ${t.colorSuccess};
    font-size: 1.25em;
    font-weight: 700;
  }

  .pending {
    display: flex;
    align-items: center;
    gap: ${t.space};
    color: ${t.colorMuted};
  }
`;

/** The account switcher (see account-switcher.ts). */
export const accountSwitcherStyles = css`
  .account-switch {
    display: grid;
    gap: calc(${t.space} / 2);
    min-width: min(16rem, 100%);
  }

  .account-name {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }
`;
