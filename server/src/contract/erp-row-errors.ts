/**
 * How the ERP API (and the CSV import) names what is wrong with a row. Apart from erp.ts so that the
 * row schemas (schemas/erp.ts), whose input types erp.ts names, can use it without an import cycle.
 */

export type ErpRowErrorCode =
  | 'required'
  | 'invalid_type'
  | 'not_integer'
  | 'too_small'
  | 'too_large'
  | 'invalid_format'
  | 'invalid_value'
  | 'unknown_field'
  | 'invalid_date'
  | 'due_before_issue'
  | 'invalid_currency'
  | 'invalid_email'
  | 'invalid_locale'
  | 'invalid_quantity'
  | 'amount_mismatch'
  | 'tax_mismatch'
  | 'duplicate_email'
  | 'duplicate_external_id'
  | 'duplicate_number'
  | 'unknown_customer'
  | 'currency_mismatch'
  | 'currency_locked'
  | 'customer_locked'
  | 'below_applied'
  | 'has_payments'
  | 'voided'
  /** CSV only: a line of an invoice whose header columns differ from its first line's. */
  | 'inconsistent_invoice';

export interface ErpRowError {
  /** The row's position in the request's array, from 0. */
  index: number;
  /** The field's path inside the row, e.g. `lines.2.amount`; empty for the row as a whole. */
  field: string;
  code: ErpRowErrorCode;
  message: string;
}
