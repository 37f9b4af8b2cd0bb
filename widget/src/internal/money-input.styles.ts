/** An amount field with its currency code beside it (`<span class="money-input"><input><span class="currency">`). */
import { css } from 'lit';
import { tokens as t } from './tokens.styles.js';

export const moneyInputStyles = css`
  .money-input {
    display: inline-flex;
    align-items: center;
    gap: calc(${t.space} * 0.75);
    width: 100%;
  }

  .money-input input {
    min-width: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .currency {
    color: ${t.colorMuted};
    font-size: 0.8125em;
    font-weight: 600;
  }
`;
