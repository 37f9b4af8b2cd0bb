/** The staff console's people: inviting one, changing one, and their id in paths. */
import { z } from 'zod';
import { normalizeEmail } from '../email';

const role = z.enum(['admin', 'collector', 'viewer']);
const name = z.string().trim().min(1, 'must not be empty').max(200);

/** `POST /admin/staff`: a new staff user (never self-registered), told by email. */
export const staffInviteBody = z.strictObject({
  email: z
    .string()
    .max(320)
    .transform((raw, ctx) => {
      const email = normalizeEmail(raw);
      if (email) return email;
      ctx.addIssue({ code: 'custom', message: 'must be one email address' });
      return z.NEVER;
    }),
  name,
  role,
});

/** `PATCH /admin/staff/:id`: a new name or role, or `active: false` to deactivate (`true` to restore). */
export const staffUpdateBody = z
  .strictObject({ name: name.optional(), role: role.optional(), active: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.role !== undefined || b.active !== undefined, 'change at least one thing');

/** A staff user id (`stf_…`) in a path. */
export const staffUserId = z.string().regex(/^stf_[A-Za-z0-9_]{1,60}$/);
