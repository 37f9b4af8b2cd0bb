/** Issue 13's staff console, overview: being built. */
export {};
