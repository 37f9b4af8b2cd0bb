/** Issue 13's staff console, customers: being built. */
export {};
