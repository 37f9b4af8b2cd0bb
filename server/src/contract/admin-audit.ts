/** Issue 13's staff console, audit: being built. */
export {};
