/** Issue 13's staff console, customer-actions: being built. */
export {};
