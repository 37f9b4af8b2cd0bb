import { css } from 'lit';
import { badgeStyles, emptyStyles, figureStyles, headingStyles } from '../../internal/data.styles.js';
import { containerStyles, controlStyles, divider, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';
import { disputeBadgeStyles } from './badge.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  disputeBadgeStyles,
  emptyStyles,
  figureStyles,
  containerStyles,
  headingStyles,
  css`
    .base,
    .dispute {
      display: grid;
      gap: calc(${t.space} * 2.5);
    }

    .back {
      justify-self: start;
    }

    .head {
      display: grid;
      gap: calc(${t.space} / 2);
    }

    .title {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(${t.space} * 1.5);
    }

    h2:focus {
      outline: none;
    }

    h2:focus-visible {
      outline: ${t.focusRing};
    }

    .nowrap {
      white-space: nowrap;
    }

    .meta,
    .none {
      margin: 0;
      color: ${t.colorMuted};
    }

    .notice {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .notice.muted {
      border-color: ${t.colorMuted};
      background: ${tint(t.colorMuted, 6)};
    }

    .outcome-note {
      white-space: pre-line;
    }

    .figures .disputed dd {
      color: ${t.colorWarning};
    }

    .lines,
    .thread,
    .attachments {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .lines {
      border-block-start: ${divider};
    }

    .line {
      display: grid;
      gap: calc(${t.space} / 2);
      padding: ${t.space} 0;
      border-block-end: ${divider};
    }

    .line-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: calc(${t.space} / 2) ${t.space};
      margin: 0;
    }

    .description {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .reason {
      color: ${t.colorWarning};
      font-weight: 600;
    }

    .line-facts {
      display: flex;
      flex-wrap: wrap;
      gap: calc(${t.space} / 2) calc(${t.space} * 3);
      margin: 0;
      font-variant-numeric: tabular-nums;
    }

    .line-facts div {
      display: flex;
      gap: calc(${t.space} / 2);
    }

    .line-facts dt,
    .subtle,
    .byline time,
    .file-size {
      color: ${t.colorMuted};
    }

    .line-facts dd {
      margin: 0;
    }

    .note {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .thread {
      gap: calc(${t.space} * 1.5);
    }

    .message {
      display: grid;
      gap: calc(${t.space} / 2);
      max-width: 40rem;
      padding: ${t.space} calc(${t.space} * 1.5);
      border: ${divider};
      border-radius: ${t.radius};
    }

    /* The customer's own messages lean right, the company's left, as in any conversation. */
    .message.customer {
      justify-self: end;
      background: ${tint(t.colorPrimary, 6)};
    }

    .message.staff {
      justify-self: start;
    }

    .message.system {
      justify-self: center;
      max-width: none;
      padding: 0;
      border: 0;
      color: ${t.colorMuted};
      font-size: 0.875em;
      text-align: center;
    }

    .message p {
      margin: 0;
    }

    .byline {
      display: flex;
      flex-wrap: wrap;
      gap: 0 ${t.space};
      font-size: 0.875em;
    }

    .message .body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    .attachments {
      gap: calc(${t.space} / 2);
    }

    .attachment {
      gap: calc(${t.space} / 2);
      max-width: 100%;
      text-align: start;
    }

    .file-name {
      overflow-wrap: anywhere;
    }

    .file-size {
      font-size: 0.875em;
      font-weight: 400;
      white-space: nowrap;
    }

    .reply {
      display: grid;
      gap: calc(${t.space} / 2);
      padding-block-start: calc(${t.space} * 2);
      border-block-start: ${divider};
    }

    .label {
      font-weight: 600;
    }

    .reply .hint {
      margin: 0;
    }

    textarea {
      width: 100%;
      min-height: 6rem;
      padding: ${t.space};
      border: 1px solid ${t.colorBorder};
      border-radius: ${t.radius};
      color: inherit;
      font: inherit;
      resize: vertical;
    }

    textarea[aria-invalid='true'] {
      border-color: ${t.colorDanger};
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${t.space};
    }

    .confirm {
      padding: ${t.space} calc(${t.space} * 1.5);
      border-inline-start: 4px solid ${t.colorDanger};
      border-radius: ${t.radius};
      background: ${tint(t.colorDanger, 6)};
    }

    .confirm p {
      margin: 0 0 ${t.space};
      font-weight: 600;
    }

    .button.danger {
      border-color: ${t.colorDanger};
      background: ${t.colorDanger};
    }

    .button.danger:hover:not(:disabled) {
      background: color-mix(in srgb, ${t.colorDanger} 88%, black);
    }
  `,
];
