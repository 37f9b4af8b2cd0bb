/**
 * Payments from the portal: validate what the payer asked for, record it once per Idempotency-Key
 * with its hold on each invoice (see `../reservations`), charge through the method's provider, and
 * move the payment through its states:
 *
 *   pending ──charge──▶ succeeded            (card)
 *      │    └────────▶ processing ─settle─▶ succeeded ─return─▶ returned   (bank debit)
 *      ├─next action─▶ pending(nextAction) ─confirm─▶ succeeded | failed   (3-D Secure, PayPal)
 *      │                   └─lapse or replaced─▶ failed (cancelled | lapsed), cancelled at the provider first
 *      └────────────▶ failed                 (declined: nothing applied, balances untouched)
 *
 * Every change is one transaction with its event; success applies the cash in that same transaction
 * (`applySucceededPayment`), refunds what no chosen invoice can take, and queues the receipt.
 * Providers never see a payment twice: our payment id is their idempotency key.
 *
 * This module is the slice's entry: the rest of the server imports payments from here only.
 *   request.ts   what a payer may ask for (config, checks)        create.ts    a new payment and its charge
 *   outcome.ts   where a provider's answer moves a payment         waiting.ts   confirm, replace, lapse
 *   refunds.ts   the refund job                                    webhooks.ts  provider webhooks, returns
 *   schedule.ts  the payment jobs' queueing                        read.ts      views and lists
 *   sandbox-settlement.ts  the sandbox's bank settlement           deps.ts      shared types and helpers
 */
export { CANCELLED_CODES, type PaymentDeps, type RunningCharges } from './deps';
export { paymentConfig } from './request';
export { createPayment, type PaymentResult } from './create';
export { applyOutcome } from './outcome';
export { confirmPayment, lapseHandler } from './waiting';
export { refundHandler } from './refunds';
export { LAPSE_PAYMENT, REFUND_PAYMENT } from './schedule';
export { handleProviderEvent, returnPayment } from './webhooks';
export { SANDBOX_SETTLE, sandboxSettlementHandler } from './sandbox-settlement';
export { listPayments, paymentView, visiblePayment } from './read';
export { receiptNumber } from '../ledger';
