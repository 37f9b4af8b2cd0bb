/** The payment jobs: a waiting payment's lapse and a refund, queued in the caller's transaction. */
import { MINUTE } from '../../clock';
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { enqueueJob } from '../jobs';

export const LAPSE_PAYMENT = 'payments.lapse';

export async function scheduleLapse(
  db: DbOrTx,
  config: Pick<Config, 'PAYMENT_WAIT_MINUTES'>,
  paymentId: string,
  now: Date,
): Promise<void> {
  await enqueueJob(
    db,
    {
      type: LAPSE_PAYMENT,
      payload: { paymentId },
      runAt: new Date(now.getTime() + config.PAYMENT_WAIT_MINUTES * MINUTE + 1000),
    },
    now,
  );
}

export const REFUND_PAYMENT = 'payments.refund';

export async function scheduleRefund(db: DbOrTx, paymentId: string, now: Date): Promise<void> {
  await enqueueJob(db, { type: REFUND_PAYMENT, payload: { paymentId }, runAt: now }, now);
}
