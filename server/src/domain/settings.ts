/**
 * Company settings: stored in the `settings` table (one JSON value per key), validated with zod on
 * the way in and on the way out, with defaults for what is not stored. The portal URL's default comes
 * from configuration (`PORTAL_URL`, else `PUBLIC_URL`); everything else has a fixed default. Edited
 * with `portico settings set` (and by the staff console later); every change is one transaction with
 * its `settings.updated` event.
 */
import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defaultPortalUrl, portalUrl, type Config } from '../config';
import type { Db, DbOrTx } from '../db/client';
import { settings } from '../db/schema';
import { disputeReasons, type CompanySettings, type DisputeReason } from '../contract';
import { localeSchema } from '../contract/schemas/locale';
import { imageType, LOGO_MAX_BYTES, logoBytes } from '../pdf/logo';
import { recordEvent, type Actor } from './events';

export { imageType, LOGO_MAX_BYTES, logoBytes, logoDataUrl } from '../pdf/logo';

export type { CompanySettings, DisputeRouting, DunningSequence } from '../contract/settings';

export type SettingKey = keyof CompanySettings;

export const defaultSettings: CompanySettings = {
  companyName: 'Your company',
  timeZone: 'UTC',
  currency: 'USD',
  supportEmail: '',
  companyAddress: '',
  paymentInstructions: '',
  portalUrl: '',
  surchargeRateBp: 0,
  surchargeCap: null,
  allowOverpayment: false,
  logo: null,
  locale: 'en',
  promiseHorizonDays: 30,
  promiseToleranceDays: 2,
  dunningEnabled: true,
  dunningSequence: { offsets: [-3, 0, 7, 14, 30], repeatDays: 14 },
  disputeRouting: {
    teams: { shipping: '', sales: '' },
    reasons: {
      pricing: ['sales'],
      quantity: ['sales'],
      damaged: ['shipping'],
      not_received: ['shipping'],
      duplicate: ['sales'],
      tax: ['sales'],
      other: [],
    },
  },
};

const logoSchema = z
  .string()
  .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 30)
  .refine(
    (value) => {
      const bytes = logoBytes(value);
      return bytes !== null && bytes.byteLength <= LOGO_MAX_BYTES && imageType(bytes) !== null;
    },
    `must be a PNG or JPEG image of at most ${LOGO_MAX_BYTES / 1024} KB`,
  );

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isCurrency(value: string): boolean {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value });
    return /^[A-Z]{3}$/.test(value);
  } catch {
    return false;
  }
}

/** What each setting may hold. Stored values are checked again on reading: a bad one reads as the default. */
export const settingSchemas = {
  companyName: z.string().trim().min(1, 'must not be empty').max(200),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/New_York'),
  currency: z.string().refine(isCurrency, 'must be an ISO 4217 currency code such as USD'),
  supportEmail: z
    .string()
    .refine((v) => v === '' || z.email().safeParse(v).success, 'must be an email address (or empty for none)'),
  companyAddress: z.string().max(1000),
  paymentInstructions: z.string().max(2000),
  // Empty: no "Pay online" line, and Easy Pay links land on this server's page.
  portalUrl: z.string().transform((value, ctx) => {
    if (value === '') return '';
    const parsed = portalUrl.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message });
    return z.NEVER;
  }),
  surchargeRateBp: z.number().int().min(0).max(1000),
  surchargeCap: z.number().int().positive().nullable(),
  allowOverpayment: z.boolean(),
  logo: logoSchema.nullable(),
  locale: localeSchema,
  promiseHorizonDays: z.number().int().min(1).max(365),
  promiseToleranceDays: z.number().int().min(0).max(30),
  dunningEnabled: z.boolean(),
  dunningSequence: z.strictObject({
    offsets: z
      .array(z.number().int().min(-90).max(365))
      .max(20)
      .refine((o) => o.every((d, i) => i === 0 || d > o[i - 1]!), 'offsets must rise, each step after the one before'),
    repeatDays: z.number().int().min(1).max(365).nullable(),
  }),
  disputeRouting: z
    .strictObject({
      teams: z.record(
        z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'team names are lower-case words such as shipping'),
        z.string().refine((v) => v === '' || z.email().safeParse(v).success, 'must be an email address (or empty)'),
      ),
      reasons: z.strictObject(
        Object.fromEntries(disputeReasons.map((r) => [r, z.array(z.string()).max(10)])) as Record<
          DisputeReason,
          z.ZodArray<z.ZodString>
        >,
      ),
    })
    .refine(
      (r) => Object.values(r.reasons).every((teams) => teams.every((t) => Object.hasOwn(r.teams, t))),
      'every team a reason names must be in teams',
    ),
} satisfies { [K in SettingKey]-?: z.ZodType<CompanySettings[K]> };

export const settingKeys = Object.keys(settingSchemas) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

/** The defaults that come from configuration. */
export function configuredDefaults(config: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>): Partial<CompanySettings> {
  return { portalUrl: defaultPortalUrl(config) };
}

/** Where the configured defaults come from when a caller has no config: the config's own defaults. */
const FALLBACK_CONFIG = { PUBLIC_URL: 'http://localhost:8787', PORTAL_URL: undefined };

/** A stored value checked against its schema: the value it reads as, or 'invalid' (it reads as the default). */
type Checked = { value: unknown } | 'invalid';

/** Checked values kept per key; a key's entries are dropped when it has more. */
const CHECKED_PER_KEY = 16;
/** The stored logo's SHA-256, kept beside it so a reader can tell the logo it has cached is current. */
const LOGO_DIGEST = 'logoSha256';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads the company's settings: what is stored, else the configured default, else the fixed default.
 * The app makes one (`deps.settings`) and keeps it: settings are read on every request and change
 * rarely, and checking them (a time zone, a currency, a logo's bytes) costs far more than the read,
 * so a reader remembers the values it has checked, by key and value, and the logo by its digest.
 */
export class SettingsReader {
  readonly #configured: Partial<CompanySettings>;
  readonly #checked = new Map<SettingKey, Map<unknown, Checked>>();
  readonly #logos = new Map<string, string | null>();

  constructor(config: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'> = FALLBACK_CONFIG) {
    this.#configured = configuredDefaults(config);
  }

  /** The company's settings. */
  async get(db: DbOrTx): Promise<CompanySettings> {
    return { ...defaultSettings, ...this.#configured, ...(await this.stored(db)) };
  }

  /** The settings stored, each validated; a key that is unknown or holds a bad value is left out. */
  async stored(db: DbOrTx): Promise<Partial<CompanySettings>> {
    const stored: Record<string, unknown> = {};
    // Every value but the logo's, which is looked up by its digest.
    const rows = await db
      .select({
        key: settings.key,
        value: sql<string | null>`CASE WHEN ${settings.key} = 'logo' THEN NULL ELSE ${settings.value} END`,
      })
      .from(settings)
      .all();
    const raw = new Map(rows.map((r) => [r.key, r.value === null ? null : (JSON.parse(r.value) as unknown)]));
    for (const [key, value] of raw) {
      if (!isSettingKey(key)) continue;
      if (key === 'logo') {
        stored.logo = await this.#storedLogo(db, raw.get(LOGO_DIGEST));
        continue;
      }
      const result = this.#check(key, value);
      if (result !== 'invalid') stored[key] = result.value;
    }
    return stored as Partial<CompanySettings>;
  }

  #check(key: SettingKey, value: unknown): Checked {
    let byValue = this.#checked.get(key);
    if (!byValue) this.#checked.set(key, (byValue = new Map()));
    // Strings (a logo among them) are looked up as they are, without copying; null, numbers and booleans too.
    const lookup = value === null || typeof value !== 'object' ? value : JSON.stringify(value);
    let result = byValue.get(lookup);
    if (!result) {
      const parsed = settingSchemas[key].safeParse(value);
      result = parsed.success ? { value: parsed.data } : 'invalid';
      if (byValue.size >= CHECKED_PER_KEY) byValue.clear();
      byValue.set(lookup, result);
    }
    return result;
  }

  /**
   * The stored logo, read from the database only when its digest is not cached: at up to 100 KB it
   * costs milliseconds to read, and settings are read on every request.
   */
  async #storedLogo(db: DbOrTx, digest: unknown): Promise<string | null> {
    if (typeof digest === 'string' && this.#logos.has(digest)) return this.#logos.get(digest)!;
    const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'logo')).get();
    const result = row ? this.#check('logo', row.value) : 'invalid';
    const logo = result === 'invalid' ? null : (result.value as string | null);
    // Cached only under the digest of what was read, so a logo written without one is read every time.
    if (typeof digest === 'string' && typeof row?.value === 'string' && sha256(row.value) === digest) {
      if (this.#logos.size >= 8) this.#logos.clear();
      this.#logos.set(digest, logo);
    }
    return logo;
  }
}

/** The settings stored, each validated, read once (no reader kept): the CLI and tests. */
export function storedSettings(db: DbOrTx): Promise<Partial<CompanySettings>> {
  return new SettingsReader().stored(db);
}

/**
 * The company's settings read once, with `config`'s defaults (without one, the config's own defaults:
 * the demo site at `http://localhost:8787/`). Jobs, emails and documents read them this way; request
 * paths read through the app's `SettingsReader`, which remembers what it has checked.
 */
export function getSettings(db: DbOrTx, config?: Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'>): Promise<CompanySettings> {
  return new SettingsReader(config).get(db);
}

/** Stores values as given (the demo seed and tests); `updateSettings` is the checked way in. */
export async function putSettings(db: DbOrTx, values: Partial<CompanySettings>, now: Date): Promise<void> {
  const entries: [string, unknown][] = Object.entries(values);
  if (values.logo !== undefined) entries.push([LOGO_DIGEST, values.logo === null ? null : sha256(values.logo)]);
  for (const [key, raw] of entries) {
    if (raw === undefined) continue;
    // A JSON null is a value ("no cap"), not a missing one: store the text `null`, not SQL NULL.
    const value = raw === null ? sql`'null'` : raw;
    await db
      .insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
  }
}

export class SettingsError extends Error {
  constructor(readonly issues: { key: string; message: string }[]) {
    super(issues.map((i) => `${i.key}: ${i.message}`).join('\n'));
    this.name = 'SettingsError';
  }
}

/** `values` checked against `settingSchemas`; every problem at once in a `SettingsError`. */
export function validateSettings(values: Record<string, unknown>): Partial<CompanySettings> {
  const issues: { key: string; message: string }[] = [];
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!isSettingKey(key)) {
      issues.push({ key, message: `no such setting; settings are ${settingKeys.join(', ')}` });
      continue;
    }
    const parsed = settingSchemas[key].safeParse(value);
    if (parsed.success) valid[key] = parsed.data;
    else issues.push({ key, message: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  if (issues.length) throw new SettingsError(issues);
  return valid as Partial<CompanySettings>;
}

/** What an event says about a value: a logo is named by its type and size, never copied into the log. */
function describeValue(key: SettingKey, value: unknown): unknown {
  if (key !== 'logo' || typeof value !== 'string') return value;
  const bytes = logoBytes(value);
  return bytes ? `${imageType(bytes)}, ${bytes.byteLength} bytes` : null;
}

/**
 * Validates and stores `values` and removes the `reset` keys (back to their defaults), with one
 * `settings.updated` event, in one transaction. Throws `SettingsError` and changes nothing when any
 * value is bad.
 */
export async function updateSettings(
  db: Db,
  change: { values?: Record<string, unknown>; reset?: string[] },
  actor: Actor,
  now: Date,
): Promise<{ set: SettingKey[]; reset: SettingKey[] }> {
  const values = validateSettings(change.values ?? {});
  const unknown = (change.reset ?? []).filter((key) => !isSettingKey(key));
  if (unknown.length) {
    throw new SettingsError(
      unknown.map((key) => ({ key, message: `no such setting; settings are ${settingKeys.join(', ')}` })),
    );
  }
  const reset = (change.reset ?? []) as SettingKey[];
  const set = Object.keys(values) as SettingKey[];
  await db.transaction(async (tx) => {
    await putSettings(tx, values, now);
    const removed: string[] = reset.includes('logo') ? [...reset, LOGO_DIGEST] : reset;
    if (removed.length) await tx.delete(settings).where(inArray(settings.key, removed)).run();
    await recordEvent(
      tx,
      {
        type: 'settings.updated',
        actor,
        subject: { type: 'settings', id: 'company' },
        data: {
          set: Object.fromEntries(set.map((key) => [key, describeValue(key, values[key])])),
          reset,
        },
      },
      now,
    );
  });
  return { set, reset };
}
