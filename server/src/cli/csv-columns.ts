/**
 * The CSV layouts of `portico import`, and how a file's rows become the very objects the ERP API
 * takes, so both go through one validation and one upsert.
 *
 * Customers: one row per customer.
 *   external_id*, name*, currency*, contacts*, payment_terms_days, billing_address
 *   `contacts` is `Name <email>; email; …` (empty for none) and replaces the customer's contacts.
 *
 * Invoices: one row per invoice LINE; the invoice's columns repeat on each of its lines, and the
 * lines of one invoice are consecutive rows (grouped by external_id), in line order.
 *   external_id*, number*, customer_external_id*, issue_date*, due_date*, currency*, po_number, void,
 *   description*, quantity*, unit_price*, sku, amount, tax_rate_bp, tax
 *
 * (* required columns; a value may still be empty where the field is optional.) Headers are matched
 * case-insensitively with surrounding spaces ignored; unknown columns are refused, since a misspelt
 * one (`unit price`) would otherwise be dropped without a word. Money is integer minor units.
 */
import type { ErpRowErrorCode } from '../contract/erp';

export type ImportKind = 'customers' | 'invoices';

interface Column {
  name: string;
  field: string;
  required: boolean;
}

const col = (name: string, field: string, required = false): Column => ({ name, field, required });

export const CUSTOMER_COLUMNS: Column[] = [
  col('external_id', 'externalId', true),
  col('name', 'name', true),
  col('currency', 'currency', true),
  col('contacts', 'contacts', true),
  col('payment_terms_days', 'paymentTermsDays'),
  col('billing_address', 'billingAddress'),
];

export const INVOICE_HEADER_COLUMNS: Column[] = [
  col('external_id', 'externalId', true),
  col('number', 'number', true),
  col('customer_external_id', 'customerExternalId', true),
  col('issue_date', 'issueDate', true),
  col('due_date', 'dueDate', true),
  col('currency', 'currency', true),
  col('po_number', 'poNumber'),
  col('void', 'void'),
];

export const INVOICE_LINE_COLUMNS: Column[] = [
  col('description', 'description', true),
  col('quantity', 'quantity', true),
  col('unit_price', 'unitPrice', true),
  col('sku', 'sku'),
  col('amount', 'amount'),
  col('tax_rate_bp', 'taxRateBp'),
  col('tax', 'tax'),
];

export function columnsOf(kind: ImportKind): Column[] {
  return kind === 'customers' ? CUSTOMER_COLUMNS : [...INVOICE_HEADER_COLUMNS, ...INVOICE_LINE_COLUMNS];
}

export class HeaderError extends Error {
  override name = 'HeaderError';
}

/** Column positions by field name; throws naming the missing and unknown columns. */
export function mapHeader(kind: ImportKind, header: string[]): Map<string, number> {
  const columns = columnsOf(kind);
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: string[] = [];
  const missing = columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length) problems.push(`missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  const unknown = names.filter((n) => !columns.some((c) => c.name === n));
  if (unknown.length) {
    problems.push(
      `unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => JSON.stringify(u)).join(', ')} ` +
        `(known: ${columns.map((c) => c.name).join(', ')})`,
    );
  }
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) problems.push(`repeated column${repeated.length > 1 ? 's' : ''}: ${repeated.join(', ')}`);
  if (problems.length) throw new HeaderError(problems.join('; '));
  const positions = new Map<string, number>();
  for (const c of columns) {
    const at = names.indexOf(c.name);
    if (at >= 0) positions.set(c.field, at);
  }
  return positions;
}

/** The column a field path of a row error names. */
export function columnOf(kind: ImportKind, path: string): string {
  const field = kind === 'invoices' ? path.replace(/^lines\.\d+\.?/, '') : path.replace(/\..*$/, '');
  return columnsOf(kind).find((c) => c.field === field)?.name ?? '';
}

/** Empty cells are absent fields. */
function text(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Whole numbers become numbers; decimals too (so `12.50` is reported as not whole, not as text);
 * anything else stays text for the schema to refuse.
 */
function numeric(value: string | undefined): number | string | undefined {
  const v = text(value)?.trim();
  if (v === undefined || v === '') return undefined;
  return /^[+-]?(\d+|\d*\.\d+)$/.test(v) ? Number(v) : v;
}

function flag(value: string | undefined): boolean | string | undefined {
  const v = text(value)?.trim().toLowerCase();
  if (v === undefined || v === '' || v === 'false' || v === '0' || v === 'no') return undefined;
  return v === 'true' || v === '1' || v === 'yes' ? true : v;
}

/** `Name <email>; email; …` → contacts. */
function contacts(value: string | undefined): { email: string; name?: string }[] {
  return (value ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const named = /^(.*?)\s*<([^<>]*)>$/.exec(part);
      return named ? { email: named[2]!, ...(named[1] ? { name: named[1] } : {}) } : { email: part };
    });
}

export type Cells = (field: string) => string | undefined;

export function cellsOf(record: string[], positions: Map<string, number>): Cells {
  return (field) => {
    const at = positions.get(field);
    return at === undefined ? undefined : record[at];
  };
}

export function customerFromCells(cell: Cells): Record<string, unknown> {
  return {
    externalId: text(cell('externalId')),
    name: text(cell('name')),
    currency: text(cell('currency'))?.trim(),
    paymentTermsDays: numeric(cell('paymentTermsDays')),
    billingAddress: text(cell('billingAddress')),
    contacts: contacts(cell('contacts')),
  };
}

export function invoiceHeaderFromCells(cell: Cells): Record<string, unknown> {
  return {
    externalId: text(cell('externalId')),
    number: text(cell('number')),
    customerExternalId: text(cell('customerExternalId')),
    issueDate: text(cell('issueDate'))?.trim(),
    dueDate: text(cell('dueDate'))?.trim(),
    currency: text(cell('currency'))?.trim(),
    poNumber: text(cell('poNumber')),
    void: flag(cell('void')),
  };
}

export function invoiceLineFromCells(cell: Cells): Record<string, unknown> {
  return {
    description: text(cell('description')),
    sku: text(cell('sku')),
    quantity: text(cell('quantity')),
    unitPrice: numeric(cell('unitPrice')),
    amount: numeric(cell('amount')),
    taxRateBp: numeric(cell('taxRateBp')),
    tax: numeric(cell('tax')),
  };
}

/** The first invoice column whose value on this line differs from the invoice's first line. */
export function headerDifference(first: Cells, line: Cells): string | null {
  for (const c of INVOICE_HEADER_COLUMNS) {
    if ((first(c.field) ?? '') !== (line(c.field) ?? '')) return c.name;
  }
  return null;
}

export interface FileRowError {
  /** Line in the file where the row starts; the header is line 1. */
  line: number;
  column: string;
  code: ErpRowErrorCode | 'invalid_row';
  message: string;
  externalId: string;
}
