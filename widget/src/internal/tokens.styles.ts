/**
 * Design tokens: the `--ar-*` custom properties a merchant sets (on the element or any ancestor, as
 * they inherit through shadow roots), each read here once with its default. Elements interpolate
 * these values instead of writing `var(--ar-…, fallback)` themselves.
 *
 * The default colours meet WCAG 2.2 AA on the default surface: text 14.7:1, muted 7.6:1, primary
 * 6.7:1, danger 6.5:1, warning 7.1:1, success 7.1:1, and the border 3.2:1 (non-text UI, ≥ 3:1).
 */
import { css } from 'lit';

export const tokens = {
  colorPrimary: css`var(--ar-color-primary, #1d4ed8)`,
  /** Text on a primary-coloured background. */
  colorOnPrimary: css`var(--ar-color-on-primary, #ffffff)`,
  colorDanger: css`var(--ar-color-danger, #b91c1c)`,
  colorWarning: css`var(--ar-color-warning, #92400e)`,
  colorSuccess: css`var(--ar-color-success, #166534)`,
  colorText: css`var(--ar-color-text, #1f2937)`,
  colorMuted: css`var(--ar-color-muted, #4b5563)`,
  colorSurface: css`var(--ar-color-surface, #ffffff)`,
  colorBorder: css`var(--ar-color-border, #8a9099)`,
  radius: css`var(--ar-radius, 0.375rem)`,
  fontFamily: css`var(--ar-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif)`,
  fontSize: css`var(--ar-font-size, 1rem)`,
  /** The spacing unit; layouts use multiples of it. */
  space: css`var(--ar-space, 0.5rem)`,
  /** An `outline` value, drawn on `:focus-visible`. */
  focusRing: css`var(--ar-focus-ring, 2px solid var(--ar-color-primary, #1d4ed8))`,
};

/** A faint tint of a token colour for backgrounds (badges, notices, highlighted rows). */
export function tint(color: ReturnType<typeof css>, percent = 10) {
  return css`color-mix(in srgb, ${color} ${percent}%, ${tokens.colorSurface})`;
}
