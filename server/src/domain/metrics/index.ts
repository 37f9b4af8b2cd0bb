/**
 * Metrics: the AR figures of the staff console's overview (aging, DSO, best possible DSO, ADD, CEI,
 * cash collected, promises, disputes by age): open balances and credit sales from the maintained
 * aggregates (`domain/ar-aggregates.ts`, read in aggregated.ts), the rest from aggregate queries over the
 * ledger (balances.ts, activity.ts, which also give the figures from the base tables the tests compare with).
 *
 * This module is the slice's entry: the rest of the server imports the metrics from here only.
 */
export { buildOverview, type OverviewRequest } from './overview';
