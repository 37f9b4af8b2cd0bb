/** The ERP's access: API keys, webhook endpoints and their deliveries. */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { int, instant, json } from './columns';

/** Keys the ERP authenticates with; only the SHA-256 of a key is stored, the key is shown once. */
export const erpApiKeys = sqliteTable(
  'erp_api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The key's first characters, to recognise it in lists and logs. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [uniqueIndex('erp_api_keys_hash_uq').on(t.keyHash)],
);

/** Where the ERP wants events pushed; the secret signs each delivery (HMAC-SHA256), so it is kept. */
export const erpWebhookEndpoints = sqliteTable('erp_webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Event types delivered (`payment.applied` …); empty means every type the feed carries. */
  eventTypes: json<string[]>('event_types').notNull(),
  secret: text('secret').notNull(),
  description: text('description').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: instant('created_at').notNull(),
  disabledAt: instant('disabled_at'),
});

/** One event sent to one endpoint; its id is the delivery id the ERP sees, the same on every retry. */
export const erpWebhookDeliveries = sqliteTable(
  'erp_webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => erpWebhookEndpoints.id),
    eventId: int('event_id').notNull(),
    type: text('type').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: int('attempts').notNull().default(0),
    lastStatus: int('last_status'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    deliveredAt: instant('delivered_at'),
  },
  (t) => [
    uniqueIndex('erp_webhook_deliveries_uq').on(t.endpointId, t.eventId),
    index('erp_webhook_deliveries_status_idx').on(t.status, t.createdAt),
  ],
);
