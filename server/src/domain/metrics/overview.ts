/**
 * The staff console's overview (issue 13): aging, DSO, best possible DSO, ADD, CEI, cash, promises and
 * disputes of one currency as of one day in the company's time zone. Open balances at every day it needs
 * (the day, and the month ends CEI needs) and credit sales come from the maintained aggregates in one read
 * each (aggregated.ts); the rest is one aggregate query each (balances.ts, activity.ts); the arithmetic on
 * them is arithmetic.ts.
 */
import type { AdminOverview, CeiMonth } from '../../contract';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { customers } from '../../db/schema';
import { addDays, calendarDate, startOfDay } from '../dates';
import { DomainError } from '../errors';
import type { CompanySettings } from '../settings';
import { ensureMoves } from '../ar-aggregates';
import { cashCollected, promiseFigures } from './activity';
import { agingOn, disputedOn, disputesByAgeOn, salesByMonthOn } from './aggregated';
import {
  averageDaysDelinquent,
  collectionEffectiveness,
  COUNTBACK_MONTHS,
  countback,
  countedDays,
  monthOf,
  type MonthSales,
  roundedCountback,
} from './arithmetic';
import { bucketsTotal, type Scope, unappliedCredit } from './balances';

export interface OverviewRequest {
  /** Today in the company's time zone when absent; never after it. */
  asOf?: string;
  /** The company's currency when absent. */
  currency?: string;
}

/** The scope of `date`'s end: today's reads the stored balances. */
function scopeOf(date: string, currency: string, today: string, timeZone: string): Scope {
  return { currency, date, end: startOfDay(addDays(date, 1), timeZone), today: date === today };
}

export async function buildOverview(
  db: DbOrTx,
  company: CompanySettings,
  now: Date,
  request: OverviewRequest,
): Promise<AdminOverview> {
  const tz = company.timeZone;
  const today = calendarDate(now, tz);
  const asOf = request.asOf ?? today;
  if (asOf > today) throw new DomainError('invalid_request', '`asOf` must be today or a day before it.', {}, true);
  const currency = request.currency ?? company.currency;
  const scope = scopeOf(asOf, currency, today, tz);

  const months = Array.from({ length: COUNTBACK_MONTHS }, (_, i) => monthOf(asOf, i));
  // CEI: AR at the end of the day before each of the last three full months, and at the end of each.
  const ceiMonths = months.slice(1, 4).reverse();
  const ends = [addDays(ceiMonths[0]!.first, -1), ...ceiMonths.map((m) => addDays(m.next, -1))];

  // Built on the first read after an upgrade, or after the company's time zone changed.
  await ensureMoves(db, tz);
  // Independent reads: PostgreSQL runs them side by side on its pool (SQLite's reader takes them in turn).
  const [aging, disputed, sales, unapplied, cash, promises, disputes, currencies] = await Promise.all([
    agingOn(db, currency, [asOf, ...ends]),
    disputedOn(db, scope, tz),
    salesByMonthOn(db, scope, months[COUNTBACK_MONTHS - 1]!.first),
    unappliedCredit(db, scope),
    cashCollected(db, scope, tz),
    promiseFigures(db, scope, tz),
    disputesByAgeOn(db, scope, tz),
    // The currencies the company bills customers in, for the console's switcher.
    db
      .selectDistinct({ currency: customers.currency })
      .from(customers)
      .orderBy(asc(customers.currency))
      .all()
      .then((rows) => rows.map((r) => r.currency)),
  ]);
  const open = { balances: aging[0]!, disputed };
  const ar = aging.slice(1).map((b) => ({ total: bucketsTotal(b), current: b.current }));

  const total = bucketsTotal(open.balances);
  const walked: MonthSales[] = months.map((m) => ({ sales: sales.get(m.month) ?? 0, days: countedDays(m, asOf) }));
  const dso = countback(total, walked);
  const best = countback(open.balances.current, walked);
  const cei = (from: number, to: number): number | null =>
    collectionEffectiveness({
      beginningTotal: ar[from]!.total,
      sales: ceiMonths.slice(from, to).reduce((s, m) => s + (sales.get(m.month) ?? 0), 0),
      months: to - from,
      endingTotal: ar[to]!.total,
      endingCurrent: ar[to]!.current,
    });

  return {
    asOf,
    currency,
    currencies: currencies.includes(currency) ? currencies : [...currencies, currency].sort(),
    timeZone: tz,
    aging: {
      balances: open.balances,
      total,
      disputed: open.disputed,
      disputedTotal: bucketsTotal(open.disputed),
      unappliedCredit: unapplied,
    },
    metrics: {
      dso: roundedCountback(dso),
      bestPossibleDso: roundedCountback(best),
      averageDaysDelinquent: averageDaysDelinquent(dso, best),
      ceiMonths: ceiMonths.map((m, i): CeiMonth => ({ month: m.month, percent: cei(i, i + 1) })),
      ceiThreeMonths: cei(0, 3),
    },
    cash,
    promises,
    disputes,
  };
}
