/** The authorization matrix's rows for the staff console's money routes (issue 13), merged into ROUTE_TABLE. */
import { randomUUID } from 'node:crypto';
import { payments } from '../src/db/schema';
import { addDays, calendarDate } from '../src/domain/dates';
import { systemActor } from '../src/domain/events';
import { createInvoice, issueCreditNote } from '../src/domain/ledger';
import type { RouteSpec } from './route-matrix-spec';
import type { World } from './route-matrix-world';

/** Lumière (EUR): not the matrix's owner, whose invoices and payments the other rows need. */
const customer = 'cus_lumiere';
const params = { id: customer };
/** What `fresh` made anew before each principal's call. */
const scratch = { invoice: '', payment: '' };

const today = (w: World) => calendarDate(w.t.clock.now(), 'America/New_York');

/** A new open invoice of Lumière's, for 100.00 EUR. */
async function freshInvoice(w: World): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const now = w.t.clock.now();
  const invoice = await w.t.db.transaction((tx) =>
    createInvoice(
      tx,
      {
        customerId: customer,
        number: `MX-${suffix}`,
        issueDate: today(w),
        dueDate: addDays(today(w), 30),
        currency: 'EUR',
        lines: [{ description: 'Matrix', quantityMilli: 1000, unitPrice: 10_000 }],
      },
      systemActor,
      now,
    ),
  );
  scratch.invoice = invoice.id;
}

export const ADMIN_MONEY_ROUTES: Record<string, RouteSpec> = {
  'POST /api/v1/admin/customers/:id/payments': {
    kind: 'staffAction',
    request: (w) => ({
      params,
      headers: { 'idempotency-key': randomUUID() },
      body: { method: 'cheque', amount: 1_000, currency: 'EUR', receivedOn: today(w), reference: '000123' },
    }),
  },
  'POST /api/v1/admin/customers/:id/credit/apply': {
    kind: 'staffAction',
    fresh: async (w) => {
      await freshInvoice(w);
      await w.t.db.transaction((tx) =>
        issueCreditNote(
          tx,
          {
            customerId: customer,
            number: `MX-CN-${randomUUID().slice(0, 8)}`,
            amount: 500,
            currency: 'EUR',
            issueDate: today(w),
          },
          systemActor,
          w.t.clock.now(),
        ),
      );
    },
    request: () => ({ params, body: { currency: 'EUR', allocations: [{ invoiceId: scratch.invoice, amount: 100 }] } }),
  },
  'POST /api/v1/admin/customers/:id/credit-notes': {
    kind: 'staffAction',
    request: () => ({ params, body: { invoiceId: null, amount: 100, currency: 'EUR', reason: 'Goodwill' } }),
  },
  'POST /api/v1/admin/customers/:id/promises': {
    kind: 'staffAction',
    fresh: freshInvoice,
    request: (w) => ({
      params,
      body: { invoices: [{ invoiceId: scratch.invoice }], promisedDate: addDays(today(w), 3), note: 'By phone.' },
    }),
  },
  'GET /api/v1/admin/payments': { kind: 'staff' },
  'POST /api/v1/admin/payments/:id/refund': {
    kind: 'staffAction',
    fresh: async (w) => {
      scratch.payment = `pay_matrix${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const now = w.t.clock.now();
      await w.t.db
        .insert(payments)
        .values({
          id: scratch.payment,
          customerId: customer,
          amount: 2_000,
          unapplied: 2_000,
          currency: 'EUR',
          method: 'card',
          provider: 'sandbox',
          providerRef: `sbx_${scratch.payment}`,
          status: 'succeeded',
          createdAt: now,
          updatedAt: now,
          succeededAt: now,
        })
        .run();
    },
    request: () => ({ params: { id: scratch.payment }, body: { reason: 'Paid twice.' } }),
  },
  'GET /api/v1/admin/promises': { kind: 'staff' },
};
