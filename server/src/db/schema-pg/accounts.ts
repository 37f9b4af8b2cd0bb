/** The company's settings and the people who sign in: customers, their contacts, staff users. */
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { int, instant, flag, json, createdAt } from './columns';

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: json<unknown>('value').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    paymentTermsDays: int('payment_terms_days').notNull().default(30),
    billingAddress: text('billing_address'),
    dunningPausedUntil: text('dunning_paused_until'),
    collectorId: text('collector_id'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('customers_external_id_uq').on(t.externalId), index('customers_name_idx').on(t.name)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    locale: text('locale'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_customer_email_uq').on(t.customerId, t.email), index('contacts_email_idx').on(t.email)],
);

export const staffUsers = pgTable(
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
