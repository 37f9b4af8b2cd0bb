/** The requests of the staff console's customers (issue 13): being built. */
export {};
