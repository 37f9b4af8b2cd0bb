/** The demo's dev mailbox (routes/dev.ts). */
import { z } from 'zod';

/** `?to=`: only the emails to this address. */
export const devMailboxQuery = z.object({ to: z.string().trim().toLowerCase().max(320).optional() });

/**
 * `POST /dev/clock`: move the demo's clock forward by whole days, running what comes due on each (0:
 * only run what is due now). At most a month a call: each day runs its jobs, which takes a moment.
 */
export const devClockBody = z.strictObject({
  days: z.number().int().min(0).max(31),
});
