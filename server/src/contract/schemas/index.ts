/**
 * The zod schemas of every request the API takes: bodies, queries, and the ids and headers it checks.
 * The server validates with these and nothing else (routes import no zod of their own: see
 * `routes-validate-with-contract` in .dependency-cruiser.cjs); the request types in the contract's area
 * modules are their input types. Kept out of contract/index.ts so the widget, which names those types,
 * never pulls zod into its bundle.
 */
export * from './admin-audit';
export * from './admin-customer-actions';
export * from './admin-customers';
export * from './admin-overview';
export * from './admin-worklist';
export * from './auth';
export * from './dev';
export * from './disputes';
export * from './erp';
export * from './invoices';
export * from './locale';
export * from './payments';
export * from './promises';
export * from './statements';
export * from './admin-settings';
export * from './admin-staff';
export * from './admin-erp';
export * from './admin-money';
