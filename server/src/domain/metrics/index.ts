/**
 * Metrics: the AR figures of the staff console's overview (aging, DSO, best possible DSO, ADD, CEI,
 * cash collected, promises, disputes by age), from aggregate queries over the ledger.
 *
 * This module is the slice's entry: the rest of the server imports the metrics from here only.
 */
export { buildOverview, type OverviewRequest } from './overview';
