/** `portico settings show | set KEY=VALUE… | reset KEY…`: the company's name, address, portal URL, logo… */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock';
import { z } from 'zod';
import { configSchema, portalUrl, type Config } from '../config';
import { openDb } from '../db/client';
import {
  imageType,
  isSettingKey,
  logoBytes,
  logoDataUrl,
  settingKeys,
  SettingsError,
  SettingsReader,
  storedSettings,
  updateSettings,
  validateSettings,
  type SettingKey,
} from '../domain/settings';
import { cliDatabase, UsageError } from './usage';

const actor = { type: 'system' as const, id: 'cli:settings' };

/** Short names people type, for the settings' own names. */
const ALIASES: Record<string, SettingKey> = {
  name: 'companyName',
  address: 'companyAddress',
  email: 'supportEmail',
  portal: 'portalUrl',
  timezone: 'timeZone',
  tz: 'timeZone',
};

function settingKey(name: string): string {
  return (
    ALIASES[name] ??
    ALIASES[name.toLowerCase()] ??
    settingKeys.find((k) => k.toLowerCase() === name.toLowerCase()) ??
    name
  );
}

/** A value as typed on the command line, made the type its setting holds. Errors name the key. */
async function settingValue(key: string, raw: string): Promise<unknown> {
  switch (key) {
    case 'surchargeRateBp':
    case 'promiseHorizonDays':
    case 'promiseToleranceDays':
      return /^\d+$/.test(raw) ? Number(raw) : raw;
    case 'dunningSequence': {
      // `-3,0,7,14,30 every 14`, `0,10` (no repeats), or the JSON the settings hold.
      const compact = /^\s*(-?\d+(?:\s*,\s*-?\d+)*)\s*(?:every\s+(\d+))?\s*$/.exec(raw);
      if (compact) {
        const offsets = compact[1]!.split(',').map((d) => Number(d.trim()));
        return { offsets, repeatDays: compact[2] ? Number(compact[2]) : null };
      }
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw;
      }
    }
    case 'disputeRouting':
      // The JSON the setting holds: {"teams": {"shipping": "…"}, "reasons": {"damaged": ["shipping"], …}}.
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw;
      }
    case 'surchargeCap':
      if (raw === '' || raw === 'none') return null;
      return /^\d+$/.test(raw) ? Number(raw) : raw;
    case 'allowOverpayment':
    case 'dunningEnabled':
      if (['true', 'yes', '1'].includes(raw)) return true;
      if (['false', 'no', '0'].includes(raw)) return false;
      return raw;
    case 'logo': {
      if (raw === '' || raw === 'none') return null;
      let bytes: Buffer;
      try {
        bytes = readFileSync(raw);
      } catch (err) {
        throw new SettingsError([
          { key, message: `cannot read ${raw}: ${(err as NodeJS.ErrnoException).code ?? err}` },
        ]);
      }
      try {
        const url = logoDataUrl(bytes);
        await checkImageDecodes(bytes);
        return url;
      } catch (err) {
        throw new SettingsError([{ key, message: `${raw}: ${(err as Error).message}` }]);
      }
    }
    case 'companyAddress':
    case 'paymentInstructions':
      // `address="1 Main St\nSpringfield"` in a shell that has no $'…'.
      return raw.replace(/\\n/g, '\n');
    default:
      return raw;
  }
}

/**
 * A file whose first bytes say PNG or JPEG but that PDFKit cannot read would be left off every PDF:
 * refuse it now, with PDFKit's own reader (loaded only here; the rest of the CLI needs no PDFKit).
 */
async function checkImageDecodes(bytes: Buffer): Promise<void> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ autoFirstPage: false }) as PDFKit.PDFDocument & { openImage(src: Buffer): unknown };
  try {
    doc.openImage(bytes);
  } catch (err) {
    throw new Error(`not a readable PNG or JPEG image (${(err as Error).message})`);
  }
}

function show(value: unknown, key: SettingKey): string {
  if (key === 'logo') {
    const bytes = logoBytes(value as string | null);
    return bytes ? `${imageType(bytes)}, ${bytes.byteLength} bytes` : '(none)';
  }
  if (value === null) return '(none)';
  if (key === 'dunningSequence') {
    const { offsets, repeatDays } = value as { offsets: number[]; repeatDays: number | null };
    return `${offsets.join(',')}${repeatDays ? ` every ${repeatDays}` : ''}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export async function runSettings(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { database: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [action, ...args] = parsed.positionals;
  const { values } = parsed;
  if (action === 'show') {
    if (args.length) throw new UsageError(`Unexpected argument "${args[0]}".`);
  } else if (action === 'set') {
    if (args.length === 0) throw new UsageError('settings set needs KEY=VALUE, e.g. portalUrl=https://pay.example.com');
    for (const arg of args) {
      if (!/^[A-Za-z]+=/.test(arg)) throw new UsageError(`"${arg}" is not KEY=VALUE.`);
    }
  } else if (action === 'reset') {
    if (args.length === 0) throw new UsageError('settings reset needs the settings to reset, e.g. logo');
  } else {
    throw new UsageError(`settings what? Give show, set or reset${action ? `, not "${action}"` : ''}.`);
  }
  if (action !== 'show' && values.json) throw new UsageError('--json goes with settings show.');

  const database = await openDb(cliDatabase(values.database, env));
  try {
    const db = database.db;
    const reader = new SettingsReader(configuredDefaultsOf(env));
    if (action === 'show') {
      const effective = await reader.get(db);
      const stored = await storedSettings(db);
      if (values.json) {
        const out = { ...effective, logo: effective.logo ? show(effective.logo, 'logo') : null };
        console.log(JSON.stringify(out, null, 2));
        return 0;
      }
      const rows = settingKeys.map((key) => [
        key,
        show(effective[key], key),
        key in stored ? 'stored' : key === 'portalUrl' ? 'default (PORTAL_URL, else PUBLIC_URL)' : 'default',
      ]);
      const width = Math.max(...settingKeys.map((k) => k.length));
      for (const [key, value, source] of rows) console.log(`${key!.padEnd(width)}  ${value}  (${source})`);
      return 0;
    }
    try {
      if (action === 'set') {
        const input: Record<string, unknown> = {};
        const problems: { key: string; message: string }[] = [];
        for (const arg of args) {
          const at = arg.indexOf('=');
          const key = settingKey(arg.slice(0, at));
          if (!isSettingKey(key)) {
            problems.push({ key, message: `no such setting; settings are ${settingKeys.join(', ')}` });
            continue;
          }
          try {
            input[key] = await settingValue(key, arg.slice(at + 1));
          } catch (err) {
            if (!(err instanceof SettingsError)) throw err;
            problems.push(...err.issues);
          }
        }
        try {
          validateSettings(input);
        } catch (err) {
          if (!(err instanceof SettingsError)) throw err;
          problems.push(...err.issues);
        }
        if (problems.length) throw new SettingsError(problems);
        const { set } = await updateSettings(db, { values: input }, actor, systemClock.now());
        const now = await reader.get(db);
        for (const key of set) console.log(`${key} = ${show(now[key], key)}`);
        warnAboutPortal(now.portalUrl, set, env);
        return 0;
      }
      const keys = args.map(settingKey);
      const { reset } = await updateSettings(db, { reset: keys }, actor, systemClock.now());
      const now = await reader.get(db);
      for (const key of reset) console.log(`${key} = ${show(now[key], key)} (default)`);
      return 0;
    } catch (err) {
      if (!(err instanceof SettingsError)) throw err;
      console.error(`Nothing was changed:\n${err.issues.map((i) => `  ${i.key}: ${i.message}`).join('\n')}`);
      return 1;
    }
  } finally {
    await database.close();
  }
}

/**
 * What the server's config makes the portal URL's default, from the environment it would read: read
 * leniently, as a bad value there is the server's to report, not the settings command's.
 */
function configuredDefaultsOf(env: NodeJS.ProcessEnv): Pick<Config, 'PORTAL_URL' | 'PUBLIC_URL'> {
  const parsed = z.object({ PUBLIC_URL: z.string().optional(), PORTAL_URL: portalUrl.optional() }).safeParse(env);
  const publicUrl = parsed.success && parsed.data.PUBLIC_URL ? parsed.data.PUBLIC_URL.replace(/\/$/, '') : null;
  return {
    PUBLIC_URL: publicUrl ?? 'http://localhost:8787',
    PORTAL_URL: parsed.success ? parsed.data.PORTAL_URL : undefined,
  };
}

/** Easy Pay links only land on allowed origins: say so when the new portal is not one. */
function warnAboutPortal(portalUrl: string, set: SettingKey[], env: NodeJS.ProcessEnv): void {
  if (!set.includes('portalUrl') || !portalUrl) return;
  const config = configSchema.safeParse(env);
  if (!config.success) return;
  const origin = new URL(portalUrl).origin;
  if (!config.data.ALLOWED_ORIGINS.includes(origin)) {
    console.error(
      `Note: ${origin} is not in ALLOWED_ORIGINS, so the portal there cannot call this server and Easy Pay links ` +
        `land on ${config.data.PUBLIC_URL}/ until it is added.`,
    );
  }
}
