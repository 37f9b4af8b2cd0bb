/** The company's settings and the people who sign in: customers, their contacts, staff users. */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { int, instant, flag, json, createdAt } from './columns';

/** Company-wide settings (name, time zone, limits), one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: json<unknown>('value').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    paymentTermsDays: int('payment_terms_days').notNull().default(30),
    /** Multi-line postal address, printed on PDFs and statements. */
    billingAddress: text('billing_address'),
    /** Staff paused dunning for this customer until this calendar date (inclusive); null when not paused. */
    dunningPausedUntil: text('dunning_paused_until'),
    /** The staff user who collects this account (gets its notices); null: every active collector. */
    collectorId: text('collector_id'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('customers_external_id_uq').on(t.externalId), index('customers_name_idx').on(t.name)],
);

/** An email on a customer account. One email may be a contact of several customers (a bookkeeper). */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** Normalised: trimmed and lower-cased, as every lookup is. */
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    /** BCP 47, canonical (`fr-FR`): the words, money and dates of what is written to them; null for the company's `locale`. */
    locale: text('locale'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_customer_email_uq').on(t.customerId, t.email), index('contacts_email_idx').on(t.email)],
);

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'collector', 'viewer'] }).notNull(),
    active: flag('active', true),
    createdAt: createdAt(),
    deactivatedAt: instant('deactivated_at'),
  },
  (t) => [uniqueIndex('staff_users_email_uq').on(t.email)],
);
