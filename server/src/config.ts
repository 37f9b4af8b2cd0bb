/**
 * Configuration from environment variables, validated with zod at start. A bad value stops the
 * server with a message naming the variable. Defaults run the demo on http://localhost:8787.
 */
import { z } from 'zod';

const origin = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '')) {
      return url.origin;
    }
  } catch {
    // fall through to the issue below
  }
  ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://shop.example.com` });
  return z.NEVER;
});

/** A page URL (http or https, no user name or password), e.g. `https://pay.acme.com/portal`. */
export const portalUrl = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) return url.href;
  } catch {
    // fall through to the issue below
  }
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a page URL like https://pay.example.com/portal` });
  return z.NEVER;
});

/** The portal URL when no `portalUrl` setting is stored: `PORTAL_URL`, else this server's own page. */
export function defaultPortalUrl(config: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>): string {
  return config.PORTAL_URL ?? `${config.PUBLIC_URL}/`;
}

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default('0.0.0.0'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_PATH: z.string().min(1).default('data/portico.sqlite'),
    /**
     * `postgres://user:password@host:5432/portico`: run on PostgreSQL 15 or newer instead of the SQLite
     * file at `DATABASE_PATH` (see docs/operations.md). Its password is never printed.
     */
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    /** PostgreSQL connections each server process keeps at most (see docs/operations.md, pool sizing). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    /** Where this server is reached; links to its own pages (dev mailbox) are built from it, never from Host. */
    PUBLIC_URL: origin.default('http://localhost:8787'),
    /**
     * The page customers pay on (the company's page embedding `<ar-portal>`): printed on invoice PDFs
     * ("Pay online: …") and where Easy Pay links land. A default only: the stored `portalUrl` setting
     * (`portico settings set portalUrl=…`) wins. Unset, it is `PUBLIC_URL` + `/` (the demo site).
     */
    PORTAL_URL: portalUrl.optional(),
    /** Comma-separated exact origins allowed for CORS and as `returnTo` of magic links. */
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
    /** `smtp://user:pass@host:587` or `smtps://…`; unset means the dev mailbox only. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('Acme Supplies <billing@acme.test>'),
    /** Trust X-Forwarded-For for the client IP (only behind a proxy you run). */
    TRUST_PROXY: bool(false),
    LINK_TTL_MINUTES: minutes(60),
    LINK_MAX_USES: z.coerce.number().int().min(1).max(100).default(1),
    CODE_TTL_MINUTES: minutes(10),
    CODE_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
    CUSTOMER_IDLE_MINUTES: minutes(60),
    CUSTOMER_ABSOLUTE_HOURS: minutes(12),
    STAFF_IDLE_MINUTES: minutes(30),
    STAFF_ABSOLUTE_HOURS: minutes(8),
    /** Link requests allowed per window (15 minutes) per email, per IP, and for the whole server. */
    RATE_LIMIT_EMAIL: z.coerce.number().int().positive().default(5),
    RATE_LIMIT_IP: z.coerce.number().int().positive().default(30),
    RATE_LIMIT_GLOBAL: z.coerce.number().int().positive().default(1000),
    RESEND_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(30),
    /**
     * Seed the demo company when the database is empty, and serve the demo site and the dev mailbox.
     * The mailbox shows live sign-in links, so it exists only in the demo.
     */
    DEMO: bool(false),
    /**
     * Who takes cards and bank debits: `sandbox` (test cards and banks, nothing real moves) or
     * `stripe`. PayPal is offered through PayPal itself when `PAYPAL_CLIENT_ID` is set, else through
     * the sandbox when the sandbox is on.
     */
    PAYMENT_PROVIDER: z.enum(['sandbox', 'stripe']).default('sandbox'),
    /** Signs the sandbox's own webhooks (`/webhooks/sandbox`); change it anywhere but a laptop. */
    /** Unset: a random secret made once per installation and kept in the database (see domain/installation.ts). */
    SANDBOX_WEBHOOK_SECRET: z.string().min(16).optional(),
    /** How long a sandbox bank debit takes to settle (and a "returns" one, to come back). */
    SANDBOX_SETTLE_SECONDS: z.coerce.number().int().min(0).default(60),
    /** A secret (`sk_…`) or restricted (`rk_…`) key. */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_/)
      .optional(),
    STRIPE_PUBLISHABLE_KEY: z.string().startsWith('pk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /** Only for tests and proxies: where the Stripe SDK sends its requests (default: Stripe's API). */
    STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
    PAYPAL_CLIENT_ID: z.string().min(1).optional(),
    PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
    /** The id PayPal gave the webhook subscription; needed to verify its webhooks. */
    PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
    /** PayPal's REST API: its sandbox by default; `https://api-m.paypal.com` for live money. */
    PAYPAL_API_URL: z.url({ protocol: /^https?$/ }).default('https://api-m.sandbox.paypal.com'),
    /**
     * New payments one account may start per hour. Card testers run stolen numbers through payment
     * forms by the hundred; a customer paying invoices needs a handful.
     */
    PAYMENT_ATTEMPTS_PER_HOUR: z.coerce.number().int().positive().default(30),
    /**
     * How long a payment waiting on the payer (3-D Secure, PayPal approval) holds its invoices before it
     * lapses: it is cancelled at the provider and can never complete afterwards.
     */
    PAYMENT_WAIT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** Easy Pay links (in invoice and reminder emails): lifetime in days and how many times they open. */
    EASY_PAY_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    EASY_PAY_MAX_USES: z.coerce.number().int().min(1).max(1000).default(20),
    LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  })
  .transform((c) => ({
    ...c,
    // The server's own origin is always allowed, so the demo site it serves works out of the box.
    ALLOWED_ORIGINS: [...new Set([c.PUBLIC_URL, ...c.ALLOWED_ORIGINS])],
  }));

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (result.data.NODE_ENV === 'production' && result.data.DEMO) {
    throw new ConfigError('Invalid configuration:\n  DEMO: the demo cannot run with NODE_ENV=production');
  }
  const c = result.data;
  if (
    c.PAYMENT_PROVIDER === 'stripe' &&
    !(c.STRIPE_SECRET_KEY && c.STRIPE_PUBLISHABLE_KEY && c.STRIPE_WEBHOOK_SECRET)
  ) {
    throw new ConfigError(
      'Invalid configuration:\n  STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET: required with PAYMENT_PROVIDER=stripe',
    );
  }
  if (c.PAYPAL_CLIENT_ID && !(c.PAYPAL_CLIENT_SECRET && c.PAYPAL_WEBHOOK_ID)) {
    throw new ConfigError(
      'Invalid configuration:\n  PAYPAL_CLIENT_SECRET and PAYPAL_WEBHOOK_ID: required with PAYPAL_CLIENT_ID',
    );
  }
  if (result.data.NODE_ENV === 'production' && !result.data.SMTP_URL) {
    // Without SMTP and without the dev mailbox, every sign-in email would vanish.
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: required with NODE_ENV=production');
  }
  if (c.NODE_ENV === 'production' && c.PAYMENT_PROVIDER === 'sandbox') {
    // Test cards would "pay" real invoices.
    throw new ConfigError(
      'Invalid configuration:\n  PAYMENT_PROVIDER: the sandbox cannot run with NODE_ENV=production',
    );
  }
  return result.data;
}

/** A config for tests and tools: the defaults with overrides, validated the same way. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}
