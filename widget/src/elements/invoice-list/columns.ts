/**
 * The invoice table's columns and how their header buttons sort: the first click sorts the way a
 * customer usually wants (dates and numbers ascending, money largest first), the next reverses.
 * Status sorts by the server's `priority` (past due first, then by due date).
 */
import type { InvoiceSort } from '../../internal/types.js';

export interface Column {
  id: 'number' | 'issue' | 'due' | 'total' | 'balance' | 'status';
  /** The heading's key in the catalog's `invoices` words. */
  label: 'number' | 'issueDate' | 'dueDate' | 'total' | 'balance' | 'status';
  /** Sorts in click order; the first is used when another column was sorted. */
  sorts: readonly InvoiceSort[];
  /** Classes of the column's cells: `num` aligns money, `col-*` hide on narrow widths. */
  className: string;
}

export const columns: readonly Column[] = [
  { id: 'number', label: 'number', sorts: ['number', '-number'], className: 'col-number' },
  { id: 'issue', label: 'issueDate', sorts: ['issueDate', '-issueDate'], className: 'col-issue' },
  { id: 'due', label: 'dueDate', sorts: ['dueDate', '-dueDate'], className: 'col-due' },
  { id: 'total', label: 'total', sorts: ['-total', 'total'], className: 'num col-total' },
  { id: 'balance', label: 'balance', sorts: ['-balance', 'balance'], className: 'num col-balance' },
  { id: 'status', label: 'status', sorts: ['priority'], className: 'col-status' },
];

export type AriaSort = 'ascending' | 'descending' | 'other' | 'none';

/** `aria-sort` of a column header for the list's current sort. */
export function ariaSort(column: Column, sort: InvoiceSort): AriaSort {
  if (!column.sorts.includes(sort)) return 'none';
  if (sort === 'priority') return 'other';
  return sort.startsWith('-') ? 'descending' : 'ascending';
}

/** The sort a click on the column's header asks for. */
export function nextSort(column: Column, sort: InvoiceSort): InvoiceSort {
  const at = column.sorts.indexOf(sort);
  return column.sorts[at === -1 ? 0 : (at + 1) % column.sorts.length] ?? 'priority';
}
