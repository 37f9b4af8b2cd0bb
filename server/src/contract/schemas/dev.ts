/** The demo's dev mailbox (routes/dev.ts). */
import { z } from 'zod';

/** `?to=`: only the emails to this address. */
export const devMailboxQuery = z.object({ to: z.string().trim().toLowerCase().max(320).optional() });
