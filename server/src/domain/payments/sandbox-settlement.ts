/** The sandbox's bank settlement, on the job queue. */
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { bankFailureMessage, bankReturnMessage, type BankBehaviour } from '../../payments/sandbox';
import { type Actor } from '../events';
import { enqueueJob, type JobHandler } from '../jobs';
import type { PaymentDeps } from './deps';
import { applyOutcome } from './outcome';
import { returnPayment } from './webhooks';

export const SANDBOX_SETTLE = 'payments.sandbox_settle';

export async function scheduleSandboxSettlement(
  db: DbOrTx,
  config: Config,
  paymentId: string,
  behaviour: BankBehaviour,
  now: Date,
  stage: 'settle' | 'return' = 'settle',
): Promise<void> {
  await enqueueJob(
    db,
    {
      type: SANDBOX_SETTLE,
      payload: { paymentId, behaviour, stage },
      runAt: new Date(now.getTime() + config.SANDBOX_SETTLE_SECONDS * 1000),
    },
    now,
  );
}

/** Settles (or fails) a sandbox bank debit on a later job tick; a "returns" account comes back later still. */
export function sandboxSettlementHandler(deps: Pick<PaymentDeps, 'db' | 'config' | 'clock'>): JobHandler {
  return async (payload, { now, finish }) => {
    const paymentId = String(payload.paymentId);
    const behaviour = payload.behaviour as BankBehaviour;
    const actor: Actor = { type: 'system', id: 'provider:sandbox' };
    await deps.db.transaction(async (tx) => {
      // The settlement and the job's completion commit together: a rerun after a crash schedules nothing twice.
      await finish(tx);
      if (payload.stage === 'return') {
        await returnPayment(tx, deps.config, paymentId, 'account_closed', actor, now, bankReturnMessage);
        return;
      }
      if (behaviour === 'fails') {
        await applyOutcome(
          tx,
          deps.config,
          paymentId,
          { status: 'failed', ref: null, code: 'account_closed', message: bankFailureMessage },
          actor,
          now,
        );
        return;
      }
      await applyOutcome(tx, deps.config, paymentId, { status: 'succeeded', ref: null }, actor, now);
      if (behaviour === 'returns') {
        await scheduleSandboxSettlement(tx, deps.config, paymentId, behaviour, now, 'return');
      }
    });
  };
}
