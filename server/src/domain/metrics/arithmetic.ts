/**
 * The overview's arithmetic, apart from the queries that feed it: calendar months, the countback DSO,
 * CEI and rounding. Pure, so each formula is tested on its own (RESEARCH.md §3 "Metric formulas").
 */
import type { Countback } from '../../contract';
import { addDays, daysBetween } from '../dates';

/** How many months the countback walks back at most, the month of the day it starts from included. */
export const COUNTBACK_MONTHS = 12;

/** One month's credit sales (minor units) and the days it counts. */
export interface MonthSales {
  sales: number;
  days: number;
}

/** A calendar month: its `YYYY-MM`, its first day and the first day of the next. */
export interface Month {
  month: string;
  first: string;
  next: string;
}

/** The month `date` falls in, and the `back` months before it: `monthOf('2026-03-15', 1)` is February. */
export function monthOf(date: string, back = 0): Month {
  let first = `${date.slice(0, 7)}-01`;
  for (let i = 0; i < back; i++) first = `${addDays(first, -1).slice(0, 7)}-01`;
  const next = `${addDays(first, 31).slice(0, 7)}-01`;
  return { month: first.slice(0, 7), first, next };
}

/** The days a month counts in the countback as of `asOf`: all of it, or up to `asOf` in its own month. */
export function countedDays(month: Month, asOf: string): number {
  return asOf < month.next ? daysBetween(month.first, asOf) + 1 : daysBetween(month.first, month.next);
}

/** Days rounded to one decimal (ties away from zero on the positive side, as `Math.round`). */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Countback DSO (unrounded `days`): walk back from the newest month while the AR left is at least the
 * month's sales, taking them off and adding the month's days; the first month it is not adds
 * (AR left ÷ sales) × days. 0 days for no AR; null when every month's sales are 0 (AR with no sales
 * to measure it by); `capped` when the AR outlasts every month given.
 */
export function countback(receivable: number, months: readonly MonthSales[]): Countback {
  if (receivable <= 0) return { days: 0, capped: false };
  if (months.every((m) => m.sales <= 0)) return { days: null, capped: false };
  let left = receivable;
  let days = 0;
  for (const m of months) {
    if (left < m.sales) return { days: days + (left / m.sales) * m.days, capped: false };
    left -= m.sales;
    days += m.days;
    if (left === 0) return { days, capped: false };
  }
  return { days, capped: true };
}

/** A countback with its days rounded to one decimal. */
export function roundedCountback(c: Countback): Countback {
  return { days: c.days === null ? null : oneDecimal(c.days), capped: c.capped };
}

/** ADD = DSO − best possible DSO, one decimal, from the unrounded figures. */
export function averageDaysDelinquent(dso: Countback, best: Countback): number | null {
  return dso.days === null || best.days === null ? null : oneDecimal(dso.days - best.days);
}

/** The inputs of a CEI over `months` months (N): AR at its start and end, and its credit sales. */
export interface CeiInput {
  beginningTotal: number;
  sales: number;
  months: number;
  endingTotal: number;
  endingCurrent: number;
}

/**
 * CEI = (Beg AR + Sales ÷ N − End total AR) ÷ (Beg AR + Sales ÷ N − End current AR) × 100, one
 * decimal; null when the denominator is 0 or less (nothing was collectable).
 */
export function collectionEffectiveness(input: CeiInput): number | null {
  const collectable = input.beginningTotal + input.sales / input.months;
  const denominator = collectable - input.endingCurrent;
  if (denominator <= 0) return null;
  return oneDecimal(((collectable - input.endingTotal) / denominator) * 100);
}
