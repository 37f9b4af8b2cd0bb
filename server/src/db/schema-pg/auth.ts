/** Signing in: magic links, sessions, rate-limit windows. */
import { index, primaryKey, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { int, instant, json } from './columns';
import { staffUsers } from './accounts';

export const magicLinks = pgTable(
  'magic_links',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    nonceHash: text('nonce_hash'),
    email: text('email').notNull(),
    audience: text('audience', { enum: ['customer', 'staff'] }).notNull(),
    target: text('target'),
    returnTo: text('return_to').notNull(),
    scopeInvoiceIds: json<string[]>('scope_invoice_ids'),
    maxUses: int('max_uses').notNull(),
    uses: int('uses').notNull().default(0),
    codeFailures: int('code_failures').notNull().default(0),
    expiresAt: instant('expires_at').notNull(),
    codeExpiresAt: instant('code_expires_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('magic_links_token_hash_uq').on(t.tokenHash),
    index('magic_links_email_idx').on(t.email, t.audience),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    audience: text('audience', { enum: ['customer', 'staff'] }).notNull(),
    email: text('email').notNull(),
    staffUserId: text('staff_user_id').references(() => staffUsers.id),
    scopeInvoiceIds: json<string[]>('scope_invoice_ids'),
    linkId: text('link_id'),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    idleExpiresAt: instant('idle_expires_at').notNull(),
    absoluteExpiresAt: instant('absolute_expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_email_idx').on(t.email, t.audience)],
);

export const rateLimits = pgTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: int('window_start').notNull(),
    count: int('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);
