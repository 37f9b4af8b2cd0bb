/**
 * The HTTP API v1 contract as TypeScript types, shared by the server (whose handlers are checked
 * against them) and the widget's api client (which imports them with `import type`, so nothing of the
 * server reaches the browser bundle). Change a shape here and both sides stop compiling until they
 * agree.
 *
 * Money is always an integer number of minor units beside an ISO 4217 currency code. Calendar dates
 * are `YYYY-MM-DD` in the company's time zone; instants are UTC ISO-8601 strings.
 */
export * from './admin-audit';
export * from './admin-customer-actions';
export * from './admin-customers';
export * from './admin-money';
export * from './admin-overview';
export * from './admin-staff';
export * from './admin-worklist';
export * from './auth';
export * from './disputes';
export * from './errors';
export * from './erp';
export * from './invoices';
export * from './lists';
export * from './money';
export * from './payments';
export * from './promises';
export * from './settings';
export * from './statements';
