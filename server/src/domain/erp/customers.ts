/**
 * Upserting customers from the ERP by external id. The row is the customer's full state: its contacts
 * replace the stored ones, and an email that stops being a contact has its portal sessions ended at
 * once (all of that email's customer sessions: simplest rule that can never leave one seeing an
 * account it lost). A customer's currency is fixed once it has invoices.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ErpCustomersUpsertResult, ErpRowError } from '../../contract/erp';
import { newId } from '../../crypto';
import { contacts, customers, invoices, sessions } from '../../db/schema';
import type { BatchInsert, ErpImport, RowFail } from './import';
import { erpCustomerRow, type ErpCustomerRow } from '../../contract/schemas/erp';

/** The queries every row runs, prepared once per import. */
function statements(imp: ErpImport) {
  const { tx } = imp;
  return {
    byExternalId: tx
      .select({
        id: customers.id,
        name: customers.name,
        currency: customers.currency,
        paymentTermsDays: customers.paymentTermsDays,
        billingAddress: customers.billingAddress,
      })
      .from(customers)
      .where(eq(customers.externalId, sql.placeholder('externalId')))
      .prepare(),
    contacts: tx
      .select({ id: contacts.id, email: contacts.email, name: contacts.name, locale: contacts.locale })
      .from(contacts)
      .where(eq(contacts.customerId, sql.placeholder('customerId')))
      .orderBy(asc(contacts.email), asc(contacts.id))
      .prepare(),
    insert: tx
      .insert(customers)
      .values({
        id: sql.placeholder('id'),
        externalId: sql.placeholder('externalId'),
        name: sql.placeholder('name'),
        currency: sql.placeholder('currency'),
        paymentTermsDays: sql.placeholder('paymentTermsDays'),
        billingAddress: sql.placeholder('billingAddress'),
        createdAt: imp.now,
        updatedAt: imp.now,
      })
      .prepare(),
  };
}

type StoredCustomer = NonNullable<Awaited<ReturnType<ReturnType<typeof statements>['byExternalId']['get']>>>;

const CONTACT_COLUMNS = [
  'id',
  'customerId',
  'email',
  'name',
  'locale',
  'createdAt',
] as const satisfies readonly (keyof typeof contacts.$inferInsert)[];

export class CustomerUpserter {
  private readonly sql: ReturnType<typeof statements>;
  private readonly contacts: BatchInsert;
  private readonly counts: ErpCustomersUpsertResult = { created: 0, updated: 0, unchanged: 0 };

  constructor(private readonly imp: ErpImport) {
    this.sql = statements(imp);
    this.contacts = imp.batch(contacts, CONTACT_COLUMNS);
  }

  result(): ErpCustomersUpsertResult {
    return { ...this.counts };
  }

  upsert(raw: unknown, index: number): Promise<ErpRowError[]> {
    return this.imp.upsertRow('customer', erpCustomerRow, raw, index, async (row, fail) => {
      const stored = await this.sql.byExternalId.get({ externalId: row.externalId });
      if (stored) await this.update(row, stored, fail);
      else await this.create(row);
    });
  }

  private async create(row: ErpCustomerRow): Promise<void> {
    const { imp } = this;
    const id = newId('cus');
    await this.sql.insert.run({
      id,
      externalId: row.externalId,
      name: row.name,
      currency: row.currency,
      paymentTermsDays: row.paymentTermsDays,
      billingAddress: row.billingAddress,
    });
    for (const c of row.contacts) this.addContact(id, c);
    imp.event('customer.created', { type: 'customer', id }, id, {
      externalId: row.externalId,
      name: row.name,
      currency: row.currency,
      contacts: row.contacts.map((c) => c.email),
    });
    this.counts.created++;
  }

  private addContact(customerId: string, c: ErpCustomerRow['contacts'][number]): void {
    this.contacts.add([newId('con'), customerId, c.email, c.name, c.locale, this.imp.nowMs]);
  }

  private async update(row: ErpCustomerRow, stored: StoredCustomer, fail: RowFail): Promise<void> {
    const { imp } = this;
    const { tx } = imp;
    const changes = (
      [
        ['name', stored.name !== row.name],
        ['currency', stored.currency !== row.currency],
        ['paymentTermsDays', stored.paymentTermsDays !== row.paymentTermsDays],
        ['billingAddress', stored.billingAddress !== row.billingAddress],
      ] as const
    )
      .filter(([, changed]) => changed)
      .map(([field]) => field as string);

    const have = await this.sql.contacts.all({ customerId: stored.id });
    const wanted = new Map(row.contacts.map((c) => [c.email, c]));
    const removed = have.filter((c) => !wanted.has(c.email));
    // A new name or locale for an email that stays.
    const edited = have.filter((c) => {
      const want = wanted.get(c.email);
      return want && (want.name !== c.name || want.locale !== c.locale);
    });
    const haveEmails = new Set(have.map((c) => c.email));
    const added = row.contacts.filter((c) => !haveEmails.has(c.email));
    if (removed.length + edited.length + added.length > 0) changes.push('contacts');

    if (changes.length === 0) {
      this.counts.unchanged++;
      return;
    }
    if (changes.includes('currency')) {
      const invoice = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(eq(invoices.customerId, stored.id))
        .limit(1)
        .get();
      if (invoice) {
        fail('currency', 'currency_locked', `cannot change from ${stored.currency}: the customer has invoices`);
        return;
      }
    }

    await tx
      .update(customers)
      .set({
        name: row.name,
        currency: row.currency,
        paymentTermsDays: row.paymentTermsDays,
        billingAddress: row.billingAddress,
        updatedAt: imp.now,
      })
      .where(eq(customers.id, stored.id));
    let sessionsEnded = 0;
    for (const c of removed) {
      await tx.delete(contacts).where(eq(contacts.id, c.id));
      const ended = await tx
        .update(sessions)
        .set({ revokedAt: imp.now })
        .where(and(eq(sessions.email, c.email), eq(sessions.audience, 'customer'), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      sessionsEnded += ended.length;
    }
    for (const c of edited) {
      const want = wanted.get(c.email)!;
      await tx.update(contacts).set({ name: want.name, locale: want.locale }).where(eq(contacts.id, c.id));
    }
    for (const c of added) this.addContact(stored.id, c);
    imp.event('customer.updated', { type: 'customer', id: stored.id }, stored.id, {
      externalId: row.externalId,
      changes,
      ...(added.length ? { contactsAdded: added.map((c) => c.email) } : {}),
      ...(removed.length ? { contactsRemoved: removed.map((c) => c.email), sessionsEnded } : {}),
    });
    this.counts.updated++;
  }
}
