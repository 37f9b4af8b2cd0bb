/** Issue 13's staff console, worklist: being built. */
export {};
