/**
 * Styles every element shares: the host box, buttons, form fields, notices and helpers. Elements
 * add their own layout on top.
 */
import { css } from 'lit';
import { tint, tokens as t } from './tokens.styles.js';

/** The thin rule between table rows and around cards and panels (a border shorthand). */
export const divider = css`1px solid color-mix(in srgb, ${t.colorBorder} 45%, ${t.colorSurface})`;

/** For elements that lay themselves out with container queries on their own width. */
export const containerStyles = css`
  :host {
    container-type: inline-size;
  }
`;

export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: ${t.colorText};
    font-family: ${t.fontFamily};
    font-size: ${t.fontSize};
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: ${t.focusRing};
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

export const controlStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(${t.space} / 2);
    min-height: 2.5rem;
    padding: calc(${t.space} * 1) calc(${t.space} * 2);
    border: 1px solid ${t.colorPrimary};
    border-radius: ${t.radius};
    background: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-decoration: none;
    cursor: pointer;
  }

  .button:hover:not(:disabled) {
    background: color-mix(in srgb, ${t.colorPrimary} 88%, black);
  }

  .button.secondary {
    border-color: ${t.colorBorder};
    background: ${t.colorSurface};
    color: ${t.colorText};
  }

  .button.secondary:hover:not(:disabled) {
    background: ${tint(t.colorPrimary, 6)};
  }

  .button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: ${t.colorPrimary};
    font-weight: 500;
    text-decoration: underline;
  }

  .button.link:hover:not(:disabled) {
    background: none;
    text-decoration-thickness: 2px;
  }

  .button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }

  .field {
    display: grid;
    gap: calc(${t.space} / 2);
    margin-block-end: calc(${t.space} * 2);
  }

  label {
    font-weight: 600;
  }

  .hint {
    margin: 0;
    color: ${t.colorMuted};
    font-size: 0.875em;
  }

  input,
  select {
    width: 100%;
    min-height: 2.5rem;
    padding: calc(${t.space} * 1) calc(${t.space} * 1.5);
    border: 1px solid ${t.colorBorder};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
    color: ${t.colorText};
    font: inherit;
  }

  input[aria-invalid='true'] {
    border-color: ${t.colorDanger};
  }

  .notice {
    margin: 0 0 calc(${t.space} * 2);
    padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
    border-inline-start: 4px solid ${t.colorPrimary};
    border-radius: ${t.radius};
    background: ${tint(t.colorPrimary, 8)};
  }

  .notice.danger {
    border-color: ${t.colorDanger};
    background: ${tint(t.colorDanger, 8)};
  }

  .notice.success {
    border-color: ${t.colorSuccess};
    background: ${tint(t.colorSuccess, 8)};
  }

  .notice p {
    margin: 0;
  }

  .notice p + p,
  .notice .button {
    margin-block-start: ${t.space};
  }

  .error-text {
    margin: 0;
    color: ${t.colorDanger};
    font-size: 0.875em;
    font-weight: 500;
  }

  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;

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
