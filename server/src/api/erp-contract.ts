/**
 * The ERP API (`/api/v1/erp/...`, authenticated with an ERP API key, not a session) as TypeScript
 * types. The ERP pushes customers and invoices in by external id and pulls the invoice feed back for
 * reconciliation. Money is integer minor units; calendar dates `YYYY-MM-DD`; instants UTC ISO-8601.
 */
import type { InvoiceStatus } from './contract';

/** Rows per PUT request; larger loads go through several requests or the CSV import. */
export const ERP_MAX_ROWS = 10_000;
/** Row errors listed in a 422; `moreRows` says how many were left off. */
export const ERP_MAX_ROW_ERRORS = 1_000;

// ---- Customers --------------------------------------------------------------------------------

export interface ErpContactInput {
  email: string;
  name?: string;
}

/**
 * The full state of one customer: fields left out take their defaults (30-day terms, no address), and
 * `contacts` replaces the customer's contacts. Removing an email ends that email's portal sessions.
 */
export interface ErpCustomerInput {
  externalId: string;
  name: string;
  /** ISO 4217; cannot change once the customer has invoices. */
  currency: string;
  paymentTermsDays?: number;
  billingAddress?: string | null;
  contacts: ErpContactInput[];
}

export interface ErpCustomersUpsertBody {
  customers: ErpCustomerInput[];
}

export interface ErpCustomersUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
}

// ---- Invoices ---------------------------------------------------------------------------------

export interface ErpInvoiceLineInput {
  description: string;
  sku?: string | null;
  /** A decimal with at most 3 places, as a number (2.5) or a string ("2.5"); more than 0. */
  quantity: number | string;
  /** Integer minor units, 0 or more. */
  unitPrice: number;
  /** When given it must equal quantity × unitPrice rounded half up, else `amount_mismatch`. */
  amount?: number;
  /** Tax rate in basis points (825 = 8.25 %), the tax rounded half up per line. */
  taxRateBp?: number;
  /** The line's tax in minor units, as the ERP computed it; with taxRateBp it must agree. */
  tax?: number;
}

/**
 * The full state of one invoice: header and lines replace what is stored. `void: true` voids it
 * (only when nothing is paid or credited on it); a voided invoice stays voided and cannot change.
 */
export interface ErpInvoiceInput {
  externalId: string;
  number: string;
  customerExternalId: string;
  issueDate: string;
  /** On or after issueDate. */
  dueDate: string;
  /** Must be the customer's currency. */
  currency: string;
  poNumber?: string | null;
  lines: ErpInvoiceLineInput[];
  void?: boolean;
}

export interface ErpInvoicesUpsertBody {
  invoices: ErpInvoiceInput[];
}

/**
 * created + updated + unchanged is the number of rows sent. `voided` counts the invoices this request
 * voided; each is also counted as created or updated.
 */
export interface ErpInvoicesUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  voided: number;
}

// ---- Row errors -------------------------------------------------------------------------------

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

/** 422: some rows failed and nothing was written. */
export interface ErpValidationFailedBody {
  error: {
    code: 'validation_failed';
    message: string;
    /** The first ERP_MAX_ROW_ERRORS problems, in row order. */
    rows: ErpRowError[];
    /** Problems not listed because of the cap. */
    moreRows: number;
    requestId?: string;
  };
}

// ---- Reconciliation feed ----------------------------------------------------------------------

export interface ErpInvoiceFeedQuery {
  /** Only invoices changed at or after this instant. */
  updatedSince?: string;
  cursor?: string;
  limit?: string | number;
}

export interface ErpInvoiceFeedItem {
  id: string;
  externalId: string | null;
  number: string;
  customerExternalId: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: number;
  amountPaid: number;
  amountCredited: number;
  balance: number;
  status: InvoiceStatus;
  updatedAt: string;
}

/** Ordered by (updatedAt, id); follow nextCursor until it is null, keep the last updatedAt for next time. */
export interface ErpInvoiceFeed {
  items: ErpInvoiceFeedItem[];
  nextCursor: string | null;
}

// ---- Keys (CLI) -------------------------------------------------------------------------------

export interface ErpKeySummary {
  id: string;
  name: string;
  /** The key's first characters, to recognise it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ErpKeyCreated extends ErpKeySummary {
  /** Shown once; only its SHA-256 is stored. */
  key: string;
}
