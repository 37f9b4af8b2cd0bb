import { css } from 'lit';
import {
  accountSwitcherStyles,
  badgeStyles,
  emptyStyles,
  figureStyles,
  skeletonStyles,
} from '../../internal/data.styles.js';
import { containerStyles, controlStyles, hostStyles } from '../../internal/shared.styles.js';
import { tokens as t } from '../../internal/tokens.styles.js';
import { invoiceTableStyles } from './table.styles.js';
import { toolbarStyles } from './toolbar.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  figureStyles,
  skeletonStyles,
  emptyStyles,
  accountSwitcherStyles,
  containerStyles,
  css`
    .base {
      display: grid;
      gap: calc(${t.space} * 2);
    }

    .account-bar {
      display: grid;
      gap: calc(${t.space} * 1.5);
    }

    .account-bar .notice {
      margin: 0;
    }
  `,
  toolbarStyles,
  invoiceTableStyles,
];
