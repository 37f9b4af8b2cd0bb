/**
 * Shared setup for the ERP API tests (erp-api, erp-api-refusals.test.ts): one server, an ERP key, and upsert and feed
 * helpers.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type {
  ErpCustomersUpsertResult,
  ErpInvoiceFeed,
  ErpInvoiceFeedItem,
  ErpInvoicesUpsertResult,
} from '../src/contract/erp';
import { contacts, customers, events, invoices } from '../src/db/schema';
import { startTestServer, type TestServer } from './helpers';
import { erpCall, erpKey, scalarOf, type ValidationFailed } from './erp-helpers';

export let t: TestServer;
export let key: string;
export let keyId: string;

export const scalar = (query: SQL) => scalarOf(t.db, query);
export const eventCount = async () => (await scalar(sql`SELECT count(*) FROM events`)) as number;

export async function put<T>(path: '/customers' | '/invoices', body: unknown, status = 200): Promise<T> {
  const res = await erpCall(t, key, 'PUT', path, { body });
  const text = await res.text();
  assert.equal(res.status, status, text.slice(0, 2000));
  return JSON.parse(text) as T;
}
export const putCustomers = (rows: unknown[]) => put<ErpCustomersUpsertResult>('/customers', { customers: rows });
export const putInvoices = (rows: unknown[]) => put<ErpInvoicesUpsertResult>('/invoices', { invoices: rows });
export const refuseInvoices = (rows: unknown[]) => put<ValidationFailed>('/invoices', { invoices: rows }, 422);

export async function feed(query: string): Promise<ErpInvoiceFeed> {
  const res = await erpCall(t, key, 'GET', `/invoices${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as ErpInvoiceFeed;
}

export async function wholeFeed(query: string, limit: number): Promise<ErpInvoiceFeedItem[]> {
  const items: ErpInvoiceFeedItem[] = [];
  let cursor: string | null = null;
  do {
    const page: ErpInvoiceFeed = await feed(`?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function invoice(externalId: string) {
  return t.db.select().from(invoices).where(eq(invoices.externalId, externalId)).get();
}

export function customer(externalId: string) {
  return t.db.select().from(customers).where(eq(customers.externalId, externalId)).get();
}

/** A customer's contacts by email. */
export function contactsOf(customerId: string) {
  return t.db
    .select({ email: contacts.email, name: contacts.name })
    .from(contacts)
    .where(eq(contacts.customerId, customerId))
    .orderBy(asc(contacts.email))
    .all();
}

/** Who did the first event of `type` about `subjectId`, and its data. */
export function eventOf(type: string, subjectId: string) {
  return t.db
    .select({ actorType: events.actorType, actorId: events.actorId, data: events.data })
    .from(events)
    .where(and(eq(events.type, type), eq(events.subjectId, subjectId)))
    .orderBy(asc(events.id))
    .get();
}

/** One server for the file, with an ERP key. */
export function useErpApiServer(): void {
  before(async () => {
    t = await startTestServer();
    ({ key, id: keyId } = await erpKey(t));
  });
  after(() => t.close());
}
