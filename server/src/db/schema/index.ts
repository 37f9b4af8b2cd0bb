/**
 * The Drizzle schema of Portico's core domain. Money columns are integers in minor units with a
 * currency code beside them; calendar dates are `YYYY-MM-DD` text in the company's time zone;
 * instants are integer milliseconds since the epoch (`timestamp_ms`).
 *
 * Derivable values that hot queries filter or sort on (an invoice's balance) are stored and kept
 * current inside the same transaction as the change that moves them; status is derived at read time
 * because it depends on "today".
 */
export * from './accounts';
export * from './invoices';
export * from './payments';
export * from './events';
export * from './auth';
export * from './erp';
export * from './promises';
export * from './disputes';
export * from './aggregates';
