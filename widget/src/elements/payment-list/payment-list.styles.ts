import { css } from 'lit';
import { accountSwitcherStyles, emptyStyles, headingStyles, skeletonStyles } from '../../internal/data.styles.js';
import { cardListStyles, cardStyles } from '../../internal/card.styles.js';
import { containerStyles, controlStyles, hostStyles } from '../../internal/shared.styles.js';
import { tint, tokens as t } from '../../internal/tokens.styles.js';

export const styles = [
  hostStyles,
  controlStyles,
  skeletonStyles,
  emptyStyles,
  accountSwitcherStyles,
  containerStyles,
  headingStyles,
  cardStyles,
  cardListStyles,
  css`
    .state {
      display: inline-flex;
      align-items: center;
      gap: 0.375em;
      padding: 0.125em 0.625em;
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8125em;
      font-weight: 600;
      white-space: nowrap;
      color: ${t.colorMuted};
      background: ${tint(t.colorMuted, 6)};
    }

    .state.succeeded {
      color: ${t.colorSuccess};
      background: ${tint(t.colorSuccess, 8)};
    }

    .state.failed,
    .state.returned {
      color: ${t.colorDanger};
      background: ${tint(t.colorDanger, 8)};
    }

    .state.refunded {
      color: ${t.colorWarning};
      background: ${tint(t.colorWarning, 8)};
    }

    .facts .amount dd {
      display: grid;
    }

    .notes p {
      margin: ${t.space} 0 0;
    }

    .danger-text {
      color: ${t.colorDanger};
    }

    .refund {
      color: ${t.colorWarning};
      font-weight: 600;
    }

    /* Wider than a phone: the amount sits at the end of the facts. */
    @container (min-width: 36rem) {
      .facts .amount {
        justify-content: end;
        text-align: end;
      }

      .facts .amount dd {
        justify-items: end;
      }
    }
  `,
];
