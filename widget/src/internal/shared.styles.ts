/**
 * Styles every element shares: the host box, buttons, form fields, notices and helpers. Elements
 * add their own layout on top; what they show (badges, figures, tables, empty states …) is styled
 * in `data.styles.ts`.
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
