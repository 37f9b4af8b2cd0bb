/**
 * The staff console's customers (issue 13), their reads: the list by name, a customer's header, and the
 * read-only scope of one account through which staff read the customer's own lists.
 *
 * This module is the slice's entry: the rest of the server imports it from here only.
 */
export { customerDetail, customerScope, listCustomers, type CustomerListInput } from './customers';
