/** What a webhook delivery shows of its event's subject (webhooks.ts), each as its pull feed shows it. */
import type { ErpWebhookPayload } from '../../contract';
import type { DbOrTx } from '../../db/client';
import { erpCreditNotes, erpDisputes } from './disputes-feed';
import { erpPayments } from './payments-feed';
import { erpPromises } from './promises-feed';

/** How each kind of subject appears in a delivery's `data`: as its feed shows it now. */
export const SHOWN: Record<string, (db: DbOrTx, id: string) => Promise<ErpWebhookPayload['data'] | null>> = {
  payment: async (db, id) => {
    const [payment] = await erpPayments(db, [id]);
    return payment ? { payment } : null;
  },
  promise: async (db, id) => {
    const [promise] = await erpPromises(db, [id]);
    return promise ? { promise } : null;
  },
  dispute: async (db, id) => {
    const [dispute] = await erpDisputes(db, [id]);
    return dispute ? { dispute } : null;
  },
  credit_note: async (db, id) => {
    const [creditNote] = await erpCreditNotes(db, [id]);
    return creditNote ? { creditNote } : null;
  },
};
