import { css } from 'lit';
import { controlStyles, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  css`
    :host {
      container-type: inline-size;
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(${t.space} * 2);
      padding-block-end: calc(${t.space} * 2);
      margin-block-end: calc(${t.space} * 2);
      border-block-end: 1px solid color-mix(in srgb, ${t.colorBorder} 45%, ${t.colorSurface});
    }

    h2 {
      margin: 0;
      font-size: 1.375em;
      line-height: 1.2;
    }

    h3 {
      margin: 0 0 ${t.space};
      font-size: 1em;
      color: ${t.colorMuted};
    }

    .subtitle {
      margin: 0;
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .user {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(${t.space} * 1.5);
    }

    .email {
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .logout {
      display: flex;
      gap: ${t.space};
    }

    .logout .button {
      min-height: 2.25rem;
      padding: calc(${t.space} * 0.75) calc(${t.space} * 1.5);
      font-size: 0.875em;
    }

    .account-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: calc(${t.space} * 2);
      margin-block-end: calc(${t.space} * 2);
    }

    .account-switch {
      display: grid;
      gap: calc(${t.space} / 2);
      min-width: 14rem;
    }

    .account-name {
      margin: 0;
      font-size: 1.125em;
      font-weight: 600;
    }

    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: calc(${t.space} * 3);
      margin: 0;
    }

    .summary div {
      display: grid;
    }

    .summary dt {
      color: ${t.colorMuted};
      font-size: 0.8125em;
    }

    .summary dd {
      margin: 0;
      font-size: 1.25em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }

    .summary .past-due dd {
      color: ${t.colorDanger};
    }

    .tabs {
      display: flex;
      overflow-x: auto;
      gap: calc(${t.space} / 2);
      margin-block-end: calc(${t.space} * 2);
      border-block-end: 1px solid color-mix(in srgb, ${t.colorBorder} 45%, ${t.colorSurface});
    }

    [role='tab'] {
      display: inline-flex;
      align-items: center;
      gap: calc(${t.space} * 0.75);
      margin-block-end: -1px;
      padding: calc(${t.space} * 1.25) calc(${t.space} * 2);
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

    .count {
      min-width: 1.5em;
      padding: 0 0.4em;
      border-radius: 999px;
      background: ${tint(t.colorMuted, 14)};
      color: ${t.colorText};
      font-size: 0.8125em;
      text-align: center;
    }

    .staff-user {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
      margin: 0 0 calc(${t.space} * 2);
    }

    .role {
      color: ${t.colorMuted};
    }

    .pending {
      display: flex;
      align-items: center;
      gap: ${t.space};
      color: ${t.colorMuted};
    }

    @container (max-width: 30rem) {
      [role='tab'] {
        padding-inline: calc(${t.space} * 1.25);
      }
    }

    ar-login {
      margin-inline: auto;
      max-width: 28rem;
    }
  `,
];
