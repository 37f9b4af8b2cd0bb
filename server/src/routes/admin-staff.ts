import { Hono } from 'hono';
import type { StaffUserList, StaffUserView } from '../contract';
import { staffInviteBody, staffUpdateBody, staffUserId } from '../contract/schemas';
import { inviteStaff, listStaff, updateStaff } from '../domain/auth';
import type { Actor } from '../domain/events';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { requireFreshSignIn, requireRole } from '../http/middleware';
import { jsonBody } from '../http/validate';

/** `/admin/staff`: admins only; inviting or changing someone also needs a fresh sign-in. */
export const adminStaffRouter = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json({ items: await listStaff(c.var.deps.db) } satisfies StaffUserList))
  .post('/', requireFreshSignIn(), async (c) => {
    const body = await jsonBody(c, staffInviteBody);
    const { db, clock, settings, worker } = c.var.deps;
    const actor: Actor = { type: 'staff', id: c.var.session.staffUserId };
    const company = await settings.get(db);
    const user = await db.transaction((tx) =>
      inviteStaff(tx, company, body, { actor, name: c.var.session.name }, clock.now()),
    );
    worker.kick();
    return c.json(user satisfies StaffUserView, 201);
  })
  .patch('/:id', requireFreshSignIn(), async (c) => {
    const id = staffUserId.safeParse(c.req.param('id'));
    if (!id.success) throw new HttpError(404, 'not_found', 'No such staff user.');
    const body = await jsonBody(c, staffUpdateBody);
    const { db, clock } = c.var.deps;
    const actor: Actor = { type: 'staff', id: c.var.session.staffUserId };
    const user = await db.transaction((tx) => updateStaff(tx, id.data, body, actor, clock.now()));
    return c.json(user satisfies StaffUserView);
  });
