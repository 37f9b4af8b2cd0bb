/**
 * The worklist's score: how urgently a customer should be called. Written twice on purpose, once as a
 * pure function (the formula, documented and tested by hand) and once as the SQL the list orders and
 * pages by (the keyset cursor needs the score in the database); the tests hold the two together.
 */
import { sql, type SQL } from 'drizzle-orm';
import { currencyExponent } from '../money';

import {
  agingWeightSql,
  BROKEN_PROMISE_POINTS,
  CONTACT_DAY_POINTS,
  CONTACT_DAYS_CAP,
  OPEN_DISPUTE_POINTS,
} from '../ar-worklist-rows';

export { agingWeightSql, BROKEN_PROMISE_POINTS, CONTACT_DAY_POINTS, CONTACT_DAYS_CAP, OPEN_DISPUTE_POINTS };
/** One day, in ms: days since contact are whole 24-hour days from the contact's instant. */
const DAY_MS = 86_400_000;

/** The aging weight of an invoice `daysPastDue` days late: 1–30 ×1, 31–60 ×2, 61–90 ×3, over 90 ×4; not due ×0. */
export function agingWeight(daysPastDue: number): number {
  if (daysPastDue <= 0) return 0;
  if (daysPastDue <= 30) return 1;
  if (daysPastDue <= 60) return 2;
  if (daysPastDue <= 90) return 3;
  return 4;
}

export interface ScoreInput {
  /** Σ balance × `agingWeight(days past due)` over the unpaid invoices under no standing dispute, in minor units. */
  weightedPastDue: number;
  currency: string;
  /** `invoices.promises_broken` summed over the unpaid invoices. */
  brokenPromises: number;
  /** Standing disputes on unpaid invoices. */
  openDisputes: number;
  /** Whole days since the last contact; null when the customer was never contacted. */
  daysSinceContact: number | null;
}

/**
 * The worklist's score, an integer (higher is more urgent):
 *
 *     score = ⌊ Σ balance × w(days past due) ÷ 10^exponent ⌋       (past due weighted by age, in major units)
 *           + 250 × broken promises                                (invoices.promises_broken, unpaid invoices)
 *           + 50 × open disputes                                   (standing disputes on unpaid invoices)
 *           + 5 × min(days since last contact, 90)                 (whole 24-hour days; never contacted counts as 90)
 *
 * with w = 1 for 1–30 days past due, 2 for 31–60, 3 for 61–90, 4 over 90, and the sum over unpaid
 * invoices under no standing dispute (disputed money is not chased; the dispute scores apart). So
 * $1,000 ninety-one days late (4,000 points) weighs as much as sixteen broken promises; one broken promise
 * weighs as $250 a month late; a customer not contacted for a quarter gains 450.
 */
export function worklistScore(input: ScoreInput): number {
  const factor = 10 ** currencyExponent(input.currency);
  const days =
    input.daysSinceContact === null
      ? CONTACT_DAYS_CAP
      : Math.max(0, Math.min(Math.trunc(input.daysSinceContact), CONTACT_DAYS_CAP));
  return (
    Math.floor(input.weightedPastDue / factor) +
    BROKEN_PROMISE_POINTS * input.brokenPromises +
    OPEN_DISPUTE_POINTS * input.openDisputes +
    CONTACT_DAY_POINTS * days
  );
}

let factors: SQL | undefined;

/**
 * 10^exponent of the currency in `currency`, as SQL: the currencies whose exponent is not 2 (JPY, BHD …)
 * written out, from the same `Intl` data `currencyExponent` reads. Literals, not parameters, so that
 * PostgreSQL types the CASE as an integer.
 */
function minorPerMajorSql(currency: SQL | unknown): SQL {
  factors ??= sql.raw(
    Intl.supportedValuesOf('currency')
      .filter((code) => /^[A-Z]{3}$/.test(code) && currencyExponent(code) !== 2)
      .map((code) => `WHEN '${code}' THEN ${10 ** currencyExponent(code)}`)
      .join(' '),
  );
  return sql`(CASE ${currency} ${factors} ELSE 100 END)`;
}

/** The columns the SQL score reads, as expressions of the select it goes in. */
export interface ScoreColumns {
  weightedPastDue: SQL;
  currency: unknown;
  brokenPromises: SQL;
  openDisputes: SQL;
  /** The last contact's instant in ms, or NULL. */
  lastContact: SQL;
}

/** A whole number written into the SQL, so that PostgreSQL types the arithmetic around it as integers. */
const literal = (n: number) => sql.raw(String(n));

/** `worklistScore` as SQL on both engines, at `now`: integer arithmetic only (CAST before dividing, as PostgreSQL sums are numeric). */
export function worklistScoreSql(c: ScoreColumns, now: Date): SQL {
  return sql`(CAST(${c.weightedPastDue} AS bigint) / ${minorPerMajorSql(c.currency)} + ${literal(BROKEN_PROMISE_POINTS)} * ${c.brokenPromises} + ${literal(OPEN_DISPUTE_POINTS)} * ${c.openDisputes} + ${contactPointsSql(c.lastContact, now)})`;
}

/** The score's days-since-contact part as SQL at `now` (0 to 450 points), from the last contact's instant in ms or NULL. */
export function contactPointsSql(lastContact: SQL, now: Date): SQL {
  const days = sql`((${literal(now.getTime())} - ${lastContact}) / ${literal(DAY_MS)})`;
  const cap = literal(CONTACT_DAYS_CAP);
  // A contact after `now` (made while a person pages as of the first page's instant) counts as today's.
  return sql`${literal(CONTACT_DAY_POINTS)} * (CASE WHEN ${lastContact} IS NULL OR ${days} >= ${cap} THEN ${cap} WHEN ${days} < 0 THEN 0 ELSE ${days} END)`;
}
