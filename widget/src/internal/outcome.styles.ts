/** The heading of what a form ended in (a payment received, a promise recorded): a round icon beside the title. */
import { css } from 'lit';
import { tint, tokens as t } from './tokens.styles.js';

export const outcomeStyles = css`
  .outcome-head {
    display: flex;
    align-items: center;
    gap: calc(${t.space} * 1.5);
  }

  .outcome-icon {
    display: grid;
    place-items: center;
    flex: none;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    background: ${tint(t.colorSuccess, 14)};
    color: ${t.colorSuccess};
    font-size: 1.25em;
    font-weight: 700;
  }

  .outcome-icon.processing {
    background: ${tint(t.colorPrimary, 12)};
    color: ${t.colorPrimary};
  }
`;
