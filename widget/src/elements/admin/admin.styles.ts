import { css } from 'lit';
import { controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
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
      border-block-end: ${divider};
    }

    h2 {
      margin: 0;
      font-size: 1.375em;
      line-height: 1.2;
    }

    .user {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(${t.space} * 1.5);
      color: ${t.colorMuted};
      font-size: 0.875em;
    }

    .layout {
      display: grid;
      grid-template-columns: 12rem minmax(0, 1fr);
      gap: calc(${t.space} * 3);
    }

    nav ul {
      display: flex;
      flex-direction: column;
      gap: calc(${t.space} / 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    nav a {
      display: block;
      padding: ${t.space} calc(${t.space} * 1.5);
      border-radius: ${t.radius};
      color: ${t.colorText};
      text-decoration: none;
    }

    nav a:hover {
      background: ${tint(t.colorPrimary, 8)};
    }

    nav a[aria-current='page'] {
      background: ${tint(t.colorPrimary, 14)};
      color: ${t.colorPrimary};
      font-weight: 600;
    }

    main:focus {
      outline: none;
    }

    @container (max-width: 48rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
        gap: calc(${t.space} * 2);
      }

      nav ul {
        flex-direction: row;
        flex-wrap: wrap;
      }
    }
  `,
];
