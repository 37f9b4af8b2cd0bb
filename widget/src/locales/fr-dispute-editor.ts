/** `<ar-dispute-editor>` in French (see `en-dispute-editor.ts`). */
import type { Catalog } from './en.js';

export const frDisputeEditor = {
  disputeEditor: {
    heading: (invoice: string) => `Contester la facture ${invoice}`,
  },
} satisfies Pick<Catalog, 'disputeEditor'>;
