/** The requests of the staff console's worklist (issue 13): being built. */
export {};
