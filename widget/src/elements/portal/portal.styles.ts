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

    .nav {
      display: flex;
      flex-wrap: wrap;
      gap: calc(${t.space} / 2);
      margin-block-end: calc(${t.space} * 2.5);
      padding: calc(${t.space} / 2);
      border-radius: calc(${t.radius} * 1.5);
      background: ${tint(t.colorMuted, 7)};
      width: fit-content;
    }

    .nav-link {
      min-height: 2.25rem;
      padding: calc(${t.space} * 0.75) calc(${t.space} * 2);
      border: 0;
      border-radius: ${t.radius};
      background: none;
      color: ${t.colorMuted};
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    .nav-link:hover {
      color: ${t.colorText};
    }

    .nav-link[aria-current='page'] {
      background: ${t.colorSurface};
      color: ${t.colorPrimary};
      box-shadow: 0 1px 2px color-mix(in srgb, ${t.colorText} 18%, transparent);
    }

    .view:focus {
      outline: none;
    }

    .pending {
      display: flex;
      align-items: center;
      gap: ${t.space};
      color: ${t.colorMuted};
    }

    ar-login {
      margin-inline: auto;
      max-width: 28rem;
    }

    .scope {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${t.space} calc(${t.space} * 2);
      margin-block-end: calc(${t.space} * 2);
    }

    .scope p {
      flex: 1 1 18rem;
      margin: 0;
    }

    .upgrade {
      display: grid;
      justify-items: center;
      gap: calc(${t.space} * 1.5);
    }

    .upgrade:focus {
      outline: none;
    }
  `,
];
