/**
 * Cash application as plain functions (fast-check): planning how arrived money is applied, and the card surcharge.
 * Applying and reversing payments on a database is in cash-application-ledger.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  cardSurcharge,
  planSettlement,
  surchargeOnRefund,
  type Allocation,
  type OpenInvoice,
} from '../src/domain/ledger/cash-application';

const openInvoices = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 60 }).map((n) => `inv_${String(n).padStart(3, '0')}`),
    balance: fc.integer({ min: 1, max: 1_000_000 }),
    dueDate: fc.integer({ min: 1, max: 28 }).map((d) => `2026-10-${String(d).padStart(2, '0')}`),
    disputed: fc.boolean(),
  }),
  { selector: (i) => i.id, maxLength: 12 },
);

/** Open invoices, a valid request over some of them, and a payment at least as big as the request. */
const validPayment = openInvoices.chain((open) =>
  fc
    .tuple(
      fc
        .subarray(open)
        .chain((picked) =>
          fc.tuple(
            ...picked.map((i) => fc.integer({ min: 1, max: i.balance }).map((amount) => ({ invoiceId: i.id, amount }))),
          ),
        ),
      fc.integer({ min: 0, max: 3_000_000 }),
    )
    .map(([requested, extra]) => ({
      open,
      requested: requested as Allocation[],
      amount: Math.max(1, requested.reduce((s, r) => s + r.amount, 0) + extra),
    })),
);

describe('planning how arrived money is applied', () => {
  const settle = (
    open: OpenInvoice[],
    requested: Allocation[],
    amount: number,
    restToOldest: boolean,
    credit: boolean,
  ) => planSettlement(open, requested, amount, { applyRestToOldest: restToOldest, keepAsCredit: credit });

  it('accounts for every cent, never overfills an invoice, and keeps the payer’s choice first', () => {
    fc.assert(
      fc.property(validPayment, fc.boolean(), fc.boolean(), ({ open, requested, amount }, restToOldest, credit) => {
        const plan = settle(open, requested, amount, restToOldest, credit);
        const allocated = plan.allocations.reduce((s, a) => s + a.amount, 0);
        assert.equal(allocated + plan.unapplied + plan.refund, amount);
        assert.ok(plan.unapplied >= 0 && plan.refund >= 0);
        assert.ok(credit ? plan.refund === 0 : plan.unapplied === 0, 'credit only where the company keeps it');
        const byId = new Map(plan.allocations.map((a) => [a.invoiceId, a.amount]));
        for (const invoice of open) {
          const taken = byId.get(invoice.id) ?? 0;
          assert.ok(taken >= 0 && taken <= invoice.balance, 'never more than the invoice can take');
        }
        for (const r of requested) assert.ok((byId.get(r.invoiceId) ?? 0) >= r.amount, 'the payer’s choice is kept');
        const chosen = new Set(requested.map((r) => r.invoiceId));
        if (!restToOldest) {
          for (const a of plan.allocations) assert.ok(chosen.has(a.invoiceId), `${a.invoiceId} was not chosen`);
          return;
        }
        // Asked to apply the rest oldest first: an undisputed invoice stays short only if nothing is left.
        if (plan.unapplied + plan.refund > 0) {
          for (const invoice of open.filter((i) => !i.disputed)) assert.equal(byId.get(invoice.id), invoice.balance);
        }
        const auto = open
          .filter((i) => !i.disputed)
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
        let seenShort = false;
        for (const invoice of auto) {
          const taken = byId.get(invoice.id) ?? 0;
          const wanted = chosen.has(invoice.id) ? requested.find((r) => r.invoiceId === invoice.id)!.amount : 0;
          if (seenShort)
            assert.equal(taken, wanted, `${invoice.id} got more than chosen after an older one was left short`);
          if (taken < invoice.balance) seenShort = true;
        }
        for (const invoice of open.filter((i) => i.disputed && !chosen.has(i.id)))
          assert.equal(byId.get(invoice.id), undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('refunds what a chosen invoice can no longer take, unless the payer asked for the oldest or the company keeps credit', () => {
    // The ERP recorded a payment of 600 on inv_a after the payer chose to pay its whole 1,000.
    const open: OpenInvoice[] = [
      { id: 'inv_a', balance: 400, dueDate: '2026-10-05', disputed: false },
      { id: 'inv_b', balance: 2_000, dueDate: '2026-10-01', disputed: false },
    ];
    const chosen = [{ invoiceId: 'inv_a', amount: 1_000 }];
    assert.deepEqual(settle(open, chosen, 1_000, false, false), {
      allocations: [{ invoiceId: 'inv_a', amount: 400 }],
      unapplied: 0,
      refund: 600,
    });
    assert.deepEqual(settle(open, chosen, 1_000, false, true), {
      allocations: [{ invoiceId: 'inv_a', amount: 400 }],
      unapplied: 600,
      refund: 0,
    });
    assert.deepEqual(settle(open, chosen, 1_000, true, false), {
      allocations: [
        { invoiceId: 'inv_a', amount: 400 },
        { invoiceId: 'inv_b', amount: 600 },
      ],
      unapplied: 0,
      refund: 0,
    });
  });

  it('gives back the surcharge on what it refunds, in the payer’s favour, exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e13 }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (amount, surcharge, share) => {
          const refund = Math.min(amount, Math.floor(amount * share));
          const back = surchargeOnRefund(surcharge, amount, refund);
          assert.ok(Number.isSafeInteger(back) && back >= 0 && back <= surcharge);
          if (refund === 0) assert.equal(back, 0);
          if (refund === amount) assert.equal(back, surcharge);
          // What the payer keeps paying is at most the surcharge's share of what was applied.
          assert.ok(BigInt(surcharge - back) * BigInt(amount) <= BigInt(surcharge) * BigInt(amount - refund));
        },
      ),
    );
  });
});

describe('the card surcharge', () => {
  it('applies to card only, on the base, rounded half up and capped', () => {
    const policy = { rateBp: 300, cap: 5_000 };
    assert.equal(cardSurcharge('card', 1_050, policy), 32);
    assert.equal(cardSurcharge('card', 1_000_000, policy), 5_000);
    for (const method of ['debit', 'ach', 'eft', 'paypal']) assert.equal(cardSurcharge(method, 1_050, policy), 0);
    assert.equal(cardSurcharge('card', 1_050, null), 0);
  });

  it('is never charged on the surcharge itself and never exceeds its rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
        (base, rateBp, cap) => {
          const surcharge = cardSurcharge('card', base, { rateBp, cap });
          assert.ok(Number.isSafeInteger(surcharge) && surcharge >= 0);
          if (cap !== null) assert.ok(surcharge <= cap);
          // Exactly rate × base, half up, computed here in BigInt: the base is what goes to invoices only.
          const exact = Number((BigInt(base) * BigInt(rateBp) + 5000n) / 10000n);
          assert.equal(surcharge, cap === null ? exact : Math.min(exact, cap));
        },
      ),
    );
  });
});
