/** The staff console's French words: the queues area (the keys of `en-queues.ts`). */
import type { AdminCatalog } from './en.js';

export const frQueues: Pick<AdminCatalog, 'queues'> = {
  queues: {},
};
