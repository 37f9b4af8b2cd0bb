/** The ERP's access: API keys, webhook endpoints and their deliveries. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Keys the ERP authenticates with; only the SHA-256 of a key is stored, the key is shown once. */
export const erpApiKeys = sqliteTable(
  'erp_api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The key's first characters, to recognise it in lists and logs. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('erp_api_keys_hash_uq').on(t.keyHash)],
);

/** Where the ERP wants events pushed; the secret signs each delivery (HMAC-SHA256), so it is kept. */
export const erpWebhookEndpoints = sqliteTable('erp_webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Event types delivered (`payment.applied` …); empty means every type the feed carries. */
  eventTypes: text('event_types', { mode: 'json' }).$type<string[]>().notNull(),
  secret: text('secret').notNull(),
  description: text('description').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
});

/** One event sent to one endpoint; its id is the delivery id the ERP sees, the same on every retry. */
export const erpWebhookDeliveries = sqliteTable(
  'erp_webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => erpWebhookEndpoints.id),
    eventId: integer('event_id').notNull(),
    type: text('type').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('erp_webhook_deliveries_uq').on(t.endpointId, t.eventId),
    index('erp_webhook_deliveries_status_idx').on(t.status, t.createdAt),
  ],
);
