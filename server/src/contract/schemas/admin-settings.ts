/** `PATCH /admin/settings`: values to set (each checked by its setting's own rule) and keys to reset. */
import { z } from 'zod';

export const adminSettingsBody = z
  .strictObject({
    /** Setting → new value; an unknown key or a bad value refuses the whole change (422 `validation_failed`). */
    values: z.record(z.string().max(64), z.unknown()).optional(),
    /** Settings to put back to their defaults. */
    reset: z.array(z.string().max(64)).max(50).optional(),
  })
  .refine((b) => Object.keys(b.values ?? {}).length + (b.reset?.length ?? 0) > 0, 'change at least one setting');

/**
 * `POST /admin/settings/dunning/preview`: the form's unsaved values, each optional (the stored one
 * otherwise). The sequence's own rules (rising offsets) are the setting's, checked by the server.
 */
export const dunningPreviewBody = z.strictObject({
  dunningSequence: z
    .strictObject({
      offsets: z.array(z.number().int().min(-90).max(365)).max(20),
      repeatDays: z.number().int().min(1).max(365).nullable(),
    })
    .optional(),
  locale: z.string().max(35).optional(),
});
