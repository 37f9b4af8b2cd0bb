/** The staff money actions' request schemas (issue 13) on their own: the contract's shapes, and refusals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import type {
  AdminCreditNoteBody,
  AdminRefundBody,
  ApplyCreditBody,
  OfflinePaymentBody,
  PhonePromiseBody,
} from '../src/contract';
import {
  adminCreditNoteBody,
  adminRefundBody,
  applyCreditBody,
  offlinePaymentBody,
  phonePromiseBody,
} from '../src/contract/schemas';

describe('the money actions’ request schemas', () => {
  it('accept exactly the contract’s request types', () => {
    // Both ways: what the contract writes out is what the schema takes.
    const pairs: [OfflinePaymentBody, z.input<typeof offlinePaymentBody>][] = [];
    const back: [z.input<typeof offlinePaymentBody>, OfflinePaymentBody][] = pairs.map(([a, b]) => [b, a]);
    const credit: [ApplyCreditBody, z.input<typeof applyCreditBody>][] = [];
    const creditBack: [z.input<typeof applyCreditBody>, ApplyCreditBody][] = credit.map(([a, b]) => [b, a]);
    const note: [AdminCreditNoteBody, z.input<typeof adminCreditNoteBody>][] = [];
    const noteBack: [z.input<typeof adminCreditNoteBody>, AdminCreditNoteBody][] = note.map(([a, b]) => [b, a]);
    const promise: [PhonePromiseBody, z.input<typeof phonePromiseBody>][] = [];
    const promiseBack: [z.input<typeof phonePromiseBody>, PhonePromiseBody][] = promise.map(([a, b]) => [b, a]);
    const refund: [AdminRefundBody, z.input<typeof adminRefundBody>][] = [];
    const refundBack: [z.input<typeof adminRefundBody>, AdminRefundBody][] = refund.map(([a, b]) => [b, a]);
    assert.equal(back.length + creditBack.length + noteBack.length + promiseBack.length + refundBack.length, 0);
  });

  it('refuse fractions, an invoice twice, empty lists and unknown fields', () => {
    const ok = { method: 'wire', amount: 100, currency: 'USD', receivedOn: '2026-11-20' };
    assert.ok(offlinePaymentBody.safeParse(ok).success);
    assert.ok(!offlinePaymentBody.safeParse({ ...ok, amount: 1.5 }).success);
    assert.ok(!offlinePaymentBody.safeParse({ ...ok, method: 'card' }).success);
    assert.ok(!offlinePaymentBody.safeParse({ ...ok, receivedOn: '2026-02-30' }).success);
    assert.ok(!offlinePaymentBody.safeParse({ ...ok, currency: 'usd' }).success);
    assert.ok(!offlinePaymentBody.safeParse({ ...ok, extra: 1 }).success);
    const twice = [
      { invoiceId: 'inv_1', amount: 1 },
      { invoiceId: 'inv_1', amount: 2 },
    ];
    assert.ok(!offlinePaymentBody.safeParse({ ...ok, allocations: twice }).success);
    assert.ok(!applyCreditBody.safeParse({ currency: 'USD', allocations: [] }).success);
    assert.ok(!applyCreditBody.safeParse({ currency: 'USD', allocations: twice }).success);
    assert.ok(adminCreditNoteBody.safeParse({ invoiceId: null, amount: 1, currency: 'EUR', reason: 'x' }).success);
    assert.ok(!adminCreditNoteBody.safeParse({ amount: 1, currency: 'EUR', reason: 'x' }).success);
    assert.ok(!phonePromiseBody.safeParse({ invoices: [], promisedDate: '2026-12-01' }).success);
    assert.ok(adminRefundBody.safeParse({ reason: 'x' }).success);
    assert.ok(!adminRefundBody.safeParse({ reason: 'x', amount: 0 }).success);
  });
});
