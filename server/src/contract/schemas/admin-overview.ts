/** The requests of the staff console's overview (issue 13): being built. */
export {};
