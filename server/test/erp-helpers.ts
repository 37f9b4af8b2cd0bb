/** ERP test support: keys made through the domain, calls as the ERP makes them, and row builders. */
import type { SQL } from 'drizzle-orm';
import type { ErpCustomerInput, ErpInvoiceInput, ErpRowError } from '../src/contract/erp';
import type { Db } from '../src/db/client';
import { createErpKey } from '../src/domain/erp/keys';
import { systemActor } from '../src/domain/events';
import type { TestServer } from './helpers';

export async function erpKey(t: TestServer, name = 'Test ERP'): Promise<{ id: string; key: string }> {
  const created = await createErpKey(t.db, name, systemActor, t.clock.now());
  return { id: created.id, key: created.key };
}

/**
 * The first value of the first row of `query` (a `sql` template: values go as parameters), on either
 * engine; undefined when there is no row. Counts and instants come back as numbers on both.
 */
export async function scalarOf(db: Db, query: SQL): Promise<unknown> {
  const row = await db.get<unknown[] | undefined>(query);
  return row?.[0];
}

/** A server-to-server call: a bearer key and no Origin, as an ERP sends it. */
export function erpCall(
  t: TestServer,
  key: string | null,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return t.call(method, `/erp${path}`, { ...options, origin: null, ...(key ? { token: key } : {}) });
}

export function customerRow(n: number, overrides: Partial<ErpCustomerInput> = {}): ErpCustomerInput {
  return {
    externalId: `C-${n}`,
    name: `Customer ${n}`,
    currency: 'USD',
    contacts: [{ email: `ap${n}@erp.test`, name: `Payables ${n}` }],
    ...overrides,
  };
}

export function invoiceRow(n: number, overrides: Partial<ErpInvoiceInput> = {}): ErpInvoiceInput {
  return {
    externalId: `I-${n}`,
    number: `ERP-${n}`,
    customerExternalId: 'C-1',
    issueDate: '2026-11-01',
    dueDate: '2026-12-01',
    currency: 'USD',
    lines: [
      { description: 'Copy paper', sku: 'PAP', quantity: 2, unitPrice: 4_250, taxRateBp: 825 },
      { description: 'Consulting hours', quantity: '1.5', unitPrice: 10_000 },
    ],
    ...overrides,
  };
}

export interface ValidationFailed {
  error: { code: string; message: string; rows: ErpRowError[]; moreRows: number };
}

/** `[index, field, code]` of each row error, for compact assertions. */
export function rowErrors(body: ValidationFailed): [number, string, string][] {
  return body.error.rows.map((r) => [r.index, r.field, r.code]);
}
