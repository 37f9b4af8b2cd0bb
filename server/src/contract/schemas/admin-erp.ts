/** The staff console's ERP connections: an API key's name (its endpoints reuse `POST /erp/webhooks`'s body). */
import { z } from 'zod';

/** `POST /admin/erp/keys`. */
export const adminErpKeyBody = z.strictObject({ name: z.string().trim().min(1, 'must not be empty').max(100) });
