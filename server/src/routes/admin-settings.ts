import { Hono } from 'hono';
import type { AdminSettings, CompanySettings, DunningPreview, DunningSequence } from '../contract';
import { addDays } from '../contract/dates';
import { adminSettingsBody, dunningPreviewBody } from '../contract/schemas';
import { calendarDate } from '../domain/dates';
import { stepDay } from '../domain/dunning';
import { SettingsError, settingKeys, updateSettings, validateSettings } from '../domain/settings';
import { reminderEmail } from '../mail/reminder-templates';
import { catalogFor } from '../locales/catalog';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { requireFreshSignIn, requireRole } from '../http/middleware';
import { jsonBody } from '../http/validate';
import type { Context } from 'hono';

async function current(c: Context<AppEnv>): Promise<AdminSettings> {
  const { db, settings } = c.var.deps;
  const stored = await settings.stored(db);
  return {
    settings: await settings.get(db),
    stored: settingKeys.filter((key) => Object.hasOwn(stored, key)),
  };
}

/** A bad value as the PATCH answers it: 422 `validation_failed` naming the keys. */
function invalid(error: SettingsError): HttpError {
  return new HttpError(422, 'validation_failed', 'Some settings are not valid; nothing was changed.', {
    issues: error.issues.map((i) => ({ path: i.key, message: i.message })),
  });
}

/** Repeats listed after the sequence's own offsets, so the preview shows how it goes on. */
const PREVIEW_REPEATS = 2;

/**
 * The reminder of the sequence's first step for a made-up invoice (`INV-0000`, the company's currency)
 * due so that this step falls today; its links lead to the portal and do nothing more.
 */
function dunningPreview(
  company: CompanySettings,
  sequence: DunningSequence,
  locale: string,
  now: Date,
): DunningPreview {
  const timing = catalogFor(locale).email.reminder.timing;
  const steps = [];
  const count = sequence.offsets.length + (sequence.repeatDays === null ? 0 : PREVIEW_REPEATS);
  for (let index = 0; index < count; index++) {
    const offset = stepDay(sequence, index);
    steps.push({ offset, label: timing(offset) });
  }
  const daysPastDue = sequence.offsets[0] ?? 0;
  const today = calendarDate(now, company.timeZone);
  const portal = company.portalUrl || 'https://example.com/';
  const email = reminderEmail({
    company: company.companyName,
    to: company.supportEmail || 'customer@example.com',
    accounts: [
      {
        customerName: locale.toLowerCase().startsWith('fr') ? 'Client exemple' : 'Example Customer',
        currency: company.currency,
        invoices: [
          {
            number: 'INV-0000',
            dueDate: addDays(today, -daysPastDue),
            amountDue: 125_000,
            disputed: 0,
            daysPastDue,
            payUrl: portal,
          },
        ],
      },
    ],
    pastDueUrl: portal,
    supportEmail: company.supportEmail,
    footer: { address: company.companyAddress, portalUrl: company.portalUrl },
    locale,
  });
  return { steps, email: { subject: email.subject, text: email.text, html: email.html } };
}

/** `/admin/settings`: admins only; a change also needs a fresh sign-in. */
export const adminSettingsRouter = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json((await current(c)) satisfies AdminSettings))
  .patch('/', requireFreshSignIn(), async (c) => {
    const body = await jsonBody(c, adminSettingsBody);
    const { db, clock } = c.var.deps;
    try {
      await updateSettings(db, body, { type: 'staff', id: c.var.session.staffUserId }, clock.now());
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      throw invalid(error);
    }
    return c.json((await current(c)) satisfies AdminSettings);
  })
  // Changes nothing, so no fresh sign-in: the unsaved form's values, checked by the settings' own rules.
  .post('/dunning/preview', async (c) => {
    const body = await jsonBody(c, dunningPreviewBody);
    const { db, settings, clock } = c.var.deps;
    let asked: Partial<CompanySettings>;
    try {
      asked = validateSettings(body);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      throw invalid(error);
    }
    const company = await settings.get(db);
    const preview = dunningPreview(
      company,
      asked.dunningSequence ?? company.dunningSequence,
      asked.locale ?? company.locale,
      clock.now(),
    );
    return c.json(preview satisfies DunningPreview);
  });
