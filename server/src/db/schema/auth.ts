/** Signing in: magic links, sessions, rate-limit windows. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { staffUsers } from './accounts';

export const magicLinks = sqliteTable(
  'magic_links',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the token; the token itself is only ever in the email. */
    tokenHash: text('token_hash').notNull(),
    /** SHA-256 of `${id}:${code}`. */
    codeHash: text('code_hash').notNull(),
    /** SHA-256 of the binding nonce the asking browser kept, when it sent one. */
    nonceHash: text('nonce_hash'),
    email: text('email').notNull(),
    audience: text('audience', { enum: ['customer', 'staff'] }).notNull(),
    /** A portal route (`invoices/INV-1042`), never a URL. */
    target: text('target'),
    returnTo: text('return_to').notNull(),
    /** For Easy Pay links: the invoice ids the session may see and pay; null means the whole account. */
    scopeInvoiceIds: text('scope_invoice_ids', { mode: 'json' }).$type<string[]>(),
    maxUses: integer('max_uses').notNull(),
    uses: integer('uses').notNull().default(0),
    codeFailures: integer('code_failures').notNull().default(0),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    codeExpiresAt: integer('code_expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('magic_links_token_hash_uq').on(t.tokenHash),
    index('magic_links_email_idx').on(t.email, t.audience),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    audience: text('audience', { enum: ['customer', 'staff'] }).notNull(),
    email: text('email').notNull(),
    staffUserId: text('staff_user_id').references(() => staffUsers.id),
    scopeInvoiceIds: text('scope_invoice_ids', { mode: 'json' }).$type<string[]>(),
    linkId: text('link_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    idleExpiresAt: integer('idle_expires_at', { mode: 'timestamp_ms' }).notNull(),
    absoluteExpiresAt: integer('absolute_expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_email_idx').on(t.email, t.audience)],
);

/** Fixed-window counters for rate limits, kept in the database so they hold across restarts. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);
