/** A dispute's page and the list of disputes in French (see `en-dispute.ts`). */
import type { Catalog } from './en.js';

export const frDispute = {
  dispute: {
    heading: (invoice: string) => `Contestation de la facture ${invoice}`,
  },
} satisfies Pick<Catalog, 'dispute'>;
