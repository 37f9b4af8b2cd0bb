import { css } from 'lit';
import { cardListStyles, cardStyles } from '../../internal/card.styles.js';
import {
  accountSwitcherStyles,
  badgeStyles,
  emptyStyles,
  headingStyles,
  skeletonStyles,
} from '../../internal/data.styles.js';
import { containerStyles, controlStyles, hostStyles } from '../../internal/shared.styles.js';
import { tokens as t } from '../../internal/tokens.styles.js';
import { disputeBadgeStyles } from '../dispute/badge.js';

export const styles = [
  hostStyles,
  controlStyles,
  badgeStyles,
  disputeBadgeStyles,
  skeletonStyles,
  emptyStyles,
  accountSwitcherStyles,
  containerStyles,
  headingStyles,
  cardStyles,
  cardListStyles,
  css`
    /* The whole card answers a click; the invoice number's button is what keyboards and readers reach. */
    .dispute {
      position: relative;
    }

    .dispute:hover {
      border-color: ${t.colorPrimary};
    }

    .open {
      font-size: 1.0625em;
      font-weight: 700;
    }

    .open::after {
      content: '';
      position: absolute;
      inset: 0;
    }

    .dispute .subtle {
      margin: ${t.space} 0 0;
    }
  `,
];
