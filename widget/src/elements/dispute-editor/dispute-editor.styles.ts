import { css } from 'lit';
import { emptyStyles, headingStyles } from '../../internal/data.styles.js';
import { moneyInputStyles } from '../../internal/money-input.styles.js';
import { outcomeStyles } from '../../internal/outcome.styles.js';
import { containerStyles, controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  emptyStyles,
  containerStyles,
  headingStyles,
  moneyInputStyles,
  outcomeStyles,
  css`
    .base,
    .dispute-form,
    .created {
      display: grid;
      gap: calc(${t.space} * 2.5);
    }

    .dispute-form,
    .created {
      max-width: 48rem;
    }

    .back {
      justify-self: start;
    }

    .form-head h2 {
      margin: 0;
    }

    .intro,
    .lead,
    .notice,
    .field,
    .created p {
      margin: 0;
    }

    .subtle {
      display: block;
      color: ${t.colorMuted};
      font-size: 0.8125em;
      font-weight: 400;
    }

    .notice.warning {
      border-color: ${t.colorWarning};
      background: ${tint(t.colorWarning, 10)};
    }

    /* ---- The lines ---- */

    .lines {
      display: grid;
      gap: ${t.space};
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    .lines legend {
      margin-block-end: ${t.space};
      padding: 0;
      font-weight: 600;
    }

    .line-list {
      display: grid;
      gap: ${t.space};
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .line {
      display: grid;
      gap: calc(${t.space} * 1.5);
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
    }

    .line.ticked {
      border-color: ${t.colorPrimary};
      background: ${tint(t.colorPrimary, 3)};
    }

    .line-head {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      gap: calc(${t.space} / 2) ${t.space};
    }

    .line-head input {
      width: 1.125rem;
      min-height: 0;
      height: 1.125rem;
      margin: 0;
      accent-color: ${t.colorPrimary};
    }

    .line-head label {
      font-weight: 500;
    }

    .line-what {
      grid-column: 2;
    }

    .line-description {
      font-weight: 600;
    }

    .line-fields {
      display: grid;
      gap: calc(${t.space} * 1.5);
    }

    .line-fields .field {
      align-content: start;
    }

    select[aria-invalid='true'],
    textarea[aria-invalid='true'] {
      border-color: ${t.colorDanger};
    }

    textarea {
      width: 100%;
      min-height: 6rem;
      padding: calc(${t.space} * 1) calc(${t.space} * 1.5);
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      background: ${t.colorSurface};
      color: ${t.colorText};
      font: inherit;
      resize: vertical;
    }

    /* ---- The total ---- */

    .totals {
      display: grid;
      gap: calc(${t.space} / 2);
      padding: calc(${t.space} * 1.5) calc(${t.space} * 2);
      border: ${divider};
      border-radius: ${t.radius};
      background: ${tint(t.colorPrimary, 4)};
      font-variant-numeric: tabular-nums;
    }

    .totals.over {
      border-color: ${t.colorDanger};
      background: ${tint(t.colorDanger, 6)};
    }

    .totals p {
      margin: 0;
    }

    .totals .figure {
      white-space: nowrap;
    }

    /* ---- Files ---- */

    .files input[type='file'] {
      padding: calc(${t.space} * 0.75);
    }

    .files input[type='file']::file-selector-button {
      margin-inline-end: ${t.space};
      padding: calc(${t.space} / 2) ${t.space};
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      background: ${t.colorSurface};
      color: ${t.colorText};
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    .files .error-text p {
      margin: 0;
    }

    .file-list,
    .disputed-lines {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .file-list li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: calc(${t.space} / 2) ${t.space};
      padding-block: calc(${t.space} * 0.75);
      border-block-end: ${divider};
    }

    .file-name {
      flex: 1 1 12rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .file-list .subtle {
      display: inline;
    }

    /* The dispute once open: each line's description and reason, its amount at the end. */
    .disputed-lines li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0 ${t.space};
      padding-block: calc(${t.space} * 0.75);
      border-block-end: ${divider};
    }

    .disputed-lines .num {
      grid-column: 2;
      grid-row: 1;
    }

    .file-list .button.link {
      min-width: 2.5rem;
      min-height: 2.5rem;
      text-decoration: none;
    }

    .num {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }

    /* ---- Submitting, and the dispute once open ---- */

    .submit {
      justify-self: start;
    }

    #problem:focus,
    #upload-problem:focus,
    #created-heading:focus,
    #dispute-total:focus {
      outline: none;
    }

    .created-actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
    }

    .pending {
      display: flex;
      align-items: center;
      gap: ${t.space};
      color: ${t.colorMuted};
    }

    /* Room for three columns: reason, quantity and amount side by side, the note under them. */
    @container (min-width: 40rem) {
      .line-fields {
        grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr);
      }

      .line-fields .note {
        grid-column: 1 / -1;
      }
    }

    /* A phone: full-width buttons. */
    @container (max-width: 34rem) {
      .line {
        padding: calc(${t.space} * 1.25);
      }

      .submit,
      .created-actions .button:not(.link) {
        justify-self: stretch;
        width: 100%;
      }
    }
  `,
];
