/**
 * The English words of a dispute's page (`<ar-dispute>`: status, lines, the thread, reply, withdraw) and
 * the customer's disputes (`<ar-dispute-list>`). Part of the lazy elements' words (`en-views.ts`).
 */
export const enDispute = {
  dispute: {
    heading: (invoice: string) => `Dispute of invoice ${invoice}`,
  },
};
