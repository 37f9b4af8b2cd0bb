import { css } from 'lit';
import { cardListStyles, cardStyles } from '../../internal/card.styles.js';
import {
  accountSwitcherStyles,
  badgeStyles,
  emptyStyles,
  headingStyles,
  skeletonStyles,
} from '../../internal/data.styles.js';
import { promiseCardStyles } from '../../internal/promise-card.js';
import { containerStyles, controlStyles, hostStyles } from '../../internal/shared.styles.js';
import { tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  skeletonStyles,
  emptyStyles,
  accountSwitcherStyles,
  containerStyles,
  headingStyles,
  cardStyles,
  cardListStyles,
  promiseCardStyles,
  css`
    .group {
      display: grid;
      gap: calc(${t.space} * 1.5);
    }

    .group h3 {
      margin: 0;
    }
  `,
];
