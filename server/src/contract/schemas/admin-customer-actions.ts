/** The requests of the staff console's customer-actions (issue 13): being built. */
export {};
