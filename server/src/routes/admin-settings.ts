import { Hono } from 'hono';
import type { AdminSettings } from '../contract';
import { adminSettingsBody } from '../contract/schemas';
import { SettingsError, settingKeys, updateSettings } from '../domain/settings';
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
      throw new HttpError(422, 'validation_failed', 'Some settings are not valid; nothing was changed.', {
        issues: error.issues.map((i) => ({ path: i.key, message: i.message })),
      });
    }
    return c.json((await current(c)) satisfies AdminSettings);
  });
