/** The requests of the staff console's audit (issue 13): being built. */
export {};
