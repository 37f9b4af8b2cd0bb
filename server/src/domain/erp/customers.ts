/**
 * Upserting customers from the ERP by external id. The row is the customer's full state: its contacts
 * replace the stored ones, and an email that stops being a contact has its portal sessions ended at
 * once (all of that email's customer sessions: simplest rule that can never leave one seeing an
 * account it lost). A customer's currency is fixed once it has invoices.
 */
import type Database from 'better-sqlite3';
import type { ErpCustomersUpsertResult, ErpRowError } from '../../contract/erp';
import { newId } from '../../crypto';
import { prepared, type ErpImport, type RowFail } from './import';
import { erpCustomerRow, type ErpCustomerRow } from '../../contract/schemas/erp';

interface StoredCustomer {
  id: string;
  name: string;
  currency: string;
  payment_terms_days: number;
  billing_address: string | null;
}

interface StoredContact {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

function statements(sqlite: Database.Database) {
  return {
    byExternalId: sqlite.prepare<[string], StoredCustomer>(
      `SELECT id, name, currency, payment_terms_days, billing_address FROM customers WHERE external_id = ?`,
    ),
    contacts: sqlite.prepare<[string], StoredContact>(
      `SELECT id, email, name, locale FROM contacts WHERE customer_id = ? ORDER BY email`,
    ),
    hasInvoices: sqlite.prepare<[string], { found: number }>(
      `SELECT EXISTS (SELECT 1 FROM invoices WHERE customer_id = ?) AS found`,
    ),
    insert: sqlite.prepare(
      `INSERT INTO customers (id, external_id, name, currency, payment_terms_days, billing_address, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: sqlite.prepare(
      `UPDATE customers SET name = ?, currency = ?, payment_terms_days = ?, billing_address = ?, updated_at = ? WHERE id = ?`,
    ),
    insertContact: sqlite.prepare(
      `INSERT INTO contacts (id, customer_id, email, name, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    editContact: sqlite.prepare(`UPDATE contacts SET name = ?, locale = ? WHERE id = ?`),
    deleteContact: sqlite.prepare(`DELETE FROM contacts WHERE id = ?`),
    revokeSessions: sqlite.prepare(
      `UPDATE sessions SET revoked_at = ? WHERE email = ? AND audience = 'customer' AND revoked_at IS NULL`,
    ),
  };
}

export class CustomerUpserter {
  private readonly sql: ReturnType<typeof statements>;
  private readonly counts: ErpCustomersUpsertResult = { created: 0, updated: 0, unchanged: 0 };

  constructor(private readonly imp: ErpImport) {
    this.sql = prepared(imp.sqlite, 'customers', statements);
  }

  result(): ErpCustomersUpsertResult {
    return { ...this.counts };
  }

  upsert(raw: unknown, index: number): ErpRowError[] {
    return this.imp.upsertRow('customer', erpCustomerRow, raw, index, (row, fail) => {
      const stored = this.sql.byExternalId.get(row.externalId);
      if (stored) this.update(row, stored, fail);
      else this.create(row);
    });
  }

  private create(row: ErpCustomerRow): void {
    const { imp, sql } = this;
    const id = newId('cus');
    sql.insert.run(
      id,
      row.externalId,
      row.name,
      row.currency,
      row.paymentTermsDays,
      row.billingAddress,
      imp.nowMs,
      imp.nowMs,
    );
    for (const c of row.contacts) sql.insertContact.run(newId('con'), id, c.email, c.name, c.locale, imp.nowMs);
    imp.event('customer.created', { type: 'customer', id }, id, {
      externalId: row.externalId,
      name: row.name,
      currency: row.currency,
      contacts: row.contacts.map((c) => c.email),
    });
    this.counts.created++;
  }

  private update(row: ErpCustomerRow, stored: StoredCustomer, fail: RowFail): void {
    const { imp, sql } = this;
    const changes = (
      [
        ['name', stored.name !== row.name],
        ['currency', stored.currency !== row.currency],
        ['paymentTermsDays', stored.payment_terms_days !== row.paymentTermsDays],
        ['billingAddress', stored.billing_address !== row.billingAddress],
      ] as const
    )
      .filter(([, changed]) => changed)
      .map(([field]) => field as string);

    const contacts = sql.contacts.all(stored.id);
    const wanted = new Map(row.contacts.map((c) => [c.email, c]));
    const removed = contacts.filter((c) => !wanted.has(c.email));
    // A new name or locale for an email that stays.
    const edited = contacts.filter((c) => {
      const want = wanted.get(c.email);
      return want && (want.name !== c.name || want.locale !== c.locale);
    });
    const have = new Set(contacts.map((c) => c.email));
    const added = row.contacts.filter((c) => !have.has(c.email));
    if (removed.length + edited.length + added.length > 0) changes.push('contacts');

    if (changes.length === 0) {
      this.counts.unchanged++;
      return;
    }
    if (changes.includes('currency') && sql.hasInvoices.get(stored.id)?.found) {
      fail('currency', 'currency_locked', `cannot change from ${stored.currency}: the customer has invoices`);
      return;
    }

    sql.update.run(row.name, row.currency, row.paymentTermsDays, row.billingAddress, imp.nowMs, stored.id);
    let sessionsEnded = 0;
    for (const c of removed) {
      sql.deleteContact.run(c.id);
      sessionsEnded += sql.revokeSessions.run(imp.nowMs, c.email).changes;
    }
    for (const c of edited) sql.editContact.run(wanted.get(c.email)!.name, wanted.get(c.email)!.locale, c.id);
    for (const c of added) sql.insertContact.run(newId('con'), stored.id, c.email, c.name, c.locale, imp.nowMs);
    imp.event('customer.updated', { type: 'customer', id: stored.id }, stored.id, {
      externalId: row.externalId,
      changes,
      ...(added.length ? { contactsAdded: added.map((c) => c.email) } : {}),
      ...(removed.length ? { contactsRemoved: removed.map((c) => c.email), sessionsEnded } : {}),
    });
    this.counts.updated++;
  }
}
