/**
 * Shared setup for the staff money tests (admin-money*.test.ts): one server per file on the demo data, a
 * customer of the test's own with two contacts and another customer, a viewer, an ERP webhook endpoint
 * (so events queue deliveries), sessions for a collector, the viewer and the customer's first contact;
 * and helpers that make invoices, read balances, count rows and check refusals.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { count, eq } from 'drizzle-orm';
import {
  allocations,
  contacts,
  creditNoteAllocations,
  creditNotes,
  customers,
  emailOutbox,
  erpWebhookEndpoints,
  events,
  invoices,
  jobs,
  payments,
  promises,
  staffUsers,
} from '../src/db/schema';
import { addDays, calendarDate } from '../src/domain/dates';
import { systemActor } from '../src/domain/events';
import { createInvoice } from '../src/domain/ledger';
import { errorCode, startTestServer, type TestServer } from './helpers';

export let t: TestServer;
export let collector: string;
export let viewer: string;
export let customerToken: string;

export const TZ = 'America/New_York';
export const CUSTOMER = 'cus_money';
export const OTHER = 'cus_money_other';
export const CONTACTS = ['ap@moneypenny.test', 'cfo@moneypenny.test'] as const;

export const today = () => calendarDate(t.clock.now(), TZ);

/** A new open USD invoice of one line, due `dueInDays` from today (negative: past due). */
export async function invoice(customerId: string, number: string, dueInDays: number, amount: number): Promise<string> {
  const made = await t.db.transaction((tx) =>
    createInvoice(
      tx,
      {
        customerId,
        number,
        issueDate: addDays(today(), dueInDays - 30),
        dueDate: addDays(today(), dueInDays),
        currency: 'USD',
        lines: [{ description: 'Goods', quantityMilli: 1000, unitPrice: amount }],
      },
      systemActor,
      t.clock.now(),
    ),
  );
  return made.id;
}

export const balanceOf = async (id: string) =>
  (await t.db.select({ b: invoices.balance }).from(invoices).where(eq(invoices.id, id)).get())!.b;

const WRITTEN = [
  payments,
  allocations,
  creditNotes,
  creditNoteAllocations,
  promises,
  events,
  emailOutbox,
  jobs,
] as const;

/** How many rows each table these actions write holds: a refused request changes none. */
export async function writes(): Promise<number[]> {
  const counts: number[] = [];
  for (const table of WRITTEN) counts.push(Number((await t.db.select({ n: count() }).from(table).get())!.n));
  return counts;
}

export async function refused(res: Response, status: number, code: string): Promise<void> {
  assert.equal(res.status, status, await res.clone().text());
  assert.equal(await errorCode(res), code);
}

/** Starts the file's server before its tests (then runs `setup`) and closes it after. */
export function useMoneyServer(setup?: () => Promise<void>): void {
  before(async () => {
    t = await startTestServer();
    const now = t.clock.now();
    await t.db
      .insert(customers)
      .values([
        { id: CUSTOMER, name: 'Moneypenny Ltd', currency: 'USD', createdAt: now, updatedAt: now },
        { id: OTHER, name: 'Other Money Co', currency: 'USD', createdAt: now, updatedAt: now },
      ])
      .run();
    await t.db
      .insert(contacts)
      .values([
        { id: 'con_money_1', customerId: CUSTOMER, email: CONTACTS[0], name: 'Ann Payable', createdAt: now },
        { id: 'con_money_2', customerId: CUSTOMER, email: CONTACTS[1], name: 'Cal Finance', createdAt: now },
        { id: 'con_other_1', customerId: OTHER, email: 'ap@other-money.test', name: 'Oz', createdAt: now },
      ])
      .run();
    await t.db
      .insert(staffUsers)
      .values({ id: 'stf_viewer', email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer', createdAt: now })
      .run();
    await t.db
      .insert(erpWebhookEndpoints)
      .values({
        id: 'whe_money',
        url: 'http://127.0.0.1:9/hook',
        eventTypes: [],
        secret: 'whsec_money',
        createdAt: now,
      })
      .run();
    collector = await t.signIn('collector@acme.test', 'staff');
    viewer = await t.signIn('viewer@acme.test', 'staff');
    customerToken = await t.signIn(CONTACTS[0]);
    await setup?.();
  });
  after(() => t.close());
}
