/** The staff console's English words: the queues area. `fr-queues.ts` has the same keys. */
export const enQueues = {
  queues: {},
};
