/**
 * Issue 13's staff console, overview: the AR figures of one currency as of one day. Money is integer
 * minor units; days are numbers of days rounded to one decimal; percentages are rounded to one decimal.
 * Void invoices are left out as if never issued, and so are invoices in other currencies.
 */
import type { z } from 'zod';
import type { adminOverviewQuery } from './schemas/admin-overview';
import type { AgingBuckets } from './statements';

/** `GET /admin/overview`'s query (schemas/admin-overview.ts). */
export type AdminOverviewQuery = z.input<typeof adminOverviewQuery>;

/** How many and how much (minor units). */
export interface CountAndAmount {
  count: number;
  amount: number;
}

export interface OverviewAging {
  /**
   * Open balances as they stood at the end of `asOf` (total less standing allocations and credit notes
   * issued by then), positive ones only, by days past due on `asOf`: current (not yet due), 1–30,
   * 31–60, 61–90, over 90. Disputed amounts are included here and shown apart in `disputed`.
   */
  balances: AgingBuckets;
  /** Sum of `balances`: the total AR. */
  total: number;
  /** Of `balances`, what standing disputes put in question (each dispute's amount, at most its invoice's balance). */
  disputed: AgingBuckets;
  /** Sum of `disputed`. */
  disputedTotal: number;
  /** Payments and loose credit notes no invoice has taken, as of `asOf`: not subtracted from AR. */
  unappliedCredit: number;
}

/** A days-sales-outstanding figure by the countback method. */
export interface Countback {
  /**
   * Days, one decimal. From the AR, walk back month by month (the month of `asOf` counts its days up to
   * `asOf`): while the AR left is at least the month's credit sales (invoice totals by issue month), take
   * them off and add the month's days; in the first month it is not, add (AR left ÷ that month's sales) ×
   * its days. 0 when the AR is 0; null when there were no credit sales in the 12 months walked.
   */
  days: number | null;
  /** The AR outlasted the 12 months walked: `days` is those months' days, a floor of the true figure. */
  capped: boolean;
}

export interface CeiMonth {
  /** `YYYY-MM`. */
  month: string;
  /**
   * (Beg AR + Sales ÷ N − End total AR) ÷ (Beg AR + Sales ÷ N − End current AR) × 100, one decimal, with N = 1:
   * Beg AR at the end of the previous month, End AR at the end of this one, Sales its invoice totals.
   * Null when the denominator is 0 or less.
   */
  percent: number | null;
}

export interface OverviewMetrics {
  /** DSO: the countback of the total AR (`aging.total`). */
  dso: Countback;
  /** Best possible DSO: the same countback over the same months, of the current (not yet due) AR only. */
  bestPossibleDso: Countback;
  /** Average days delinquent, ADD = DSO − best possible DSO (days, one decimal); null when either is null. */
  averageDaysDelinquent: number | null;
  /** CEI of each of the last three full months before `asOf`'s month, oldest first. */
  ceiMonths: CeiMonth[];
  /** CEI over those three months: the same formula with N = 3, Beg AR before the first, End AR after the last. */
  ceiThreeMonths: number | null;
}

export interface OverviewCash {
  /** Succeeded payments' amounts less their surcharges, from the 1st of `asOf`'s month through `asOf`. */
  thisMonth: number;
  /** The same over the whole previous month. */
  lastMonth: number;
}

export interface OverviewPromises {
  /** Promises open at the end of `asOf` whose promised date is `asOf` or one of the 6 days after it (their amounts). */
  dueThisWeek: CountAndAmount;
  /** Promises judged broken on `asOf` or one of the 29 days before it (their promised amounts). */
  brokenLast30Days: CountAndAmount;
}

/** Disputes standing at the end of `asOf`, by days open (from the day opened to `asOf`, company time zone). */
export interface OverviewDisputes {
  days0to7: CountAndAmount;
  days8to30: CountAndAmount;
  over30: CountAndAmount;
}

/** `GET /admin/overview`. */
export interface AdminOverview {
  asOf: string;
  currency: string;
  /** Every currency the company bills customers in (with `currency`), for choosing another. */
  currencies: string[];
  timeZone: string;
  aging: OverviewAging;
  metrics: OverviewMetrics;
  cash: OverviewCash;
  promises: OverviewPromises;
  /** Amounts: each dispute's amount at most its invoice's balance. */
  disputes: OverviewDisputes;
}
