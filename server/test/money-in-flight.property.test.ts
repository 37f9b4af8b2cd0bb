/**
 * Property: over random sequences of payment requests (several at once), confirmations,
 * cancellations, settlements, failures, lapses and returns on a few invoices, at every step
 *   - no invoice's balance minus what payments in flight hold goes below zero,
 *   - what payers are charged never exceeds what was owed (the company keeps no credit here),
 *   - nothing is applied to an invoice the payer did not choose (nobody asked for the oldest first),
 *   - every succeeded payment is accounted for to the cent (allocated + credit + refunded).
 * Runs on a real database of the run's engine (a SQLite file, or PostgreSQL) through the app's own
 * domain functions and job queue, with the sandbox provider and an injected clock.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { PaymentMethod } from '../src/contract';
import { createApp } from '../src/app';
import { ManualClock } from '../src/clock';
import { testConfig } from '../src/config';
import { allocations, contacts, customers, invoices, payments, reservations } from '../src/db/schema';
import { systemActor } from '../src/domain/events';
import { createInvoice } from '../src/domain/ledger/ledger';
import { confirmPayment, createPayment } from '../src/domain/payments';
import { authenticate, createSession } from '../src/domain/auth/sessions';
import type { AuthSession } from '../src/domain/auth';
import { putSettings } from '../src/domain/settings';
import { DomainError } from '../src/domain/errors';
import { statusOf } from '../src/http/errors';
import { devMailer } from '../src/mail/mailer';
import { openTestDatabase } from './postgres-support';

const kinds: { method: PaymentMethod; token?: string }[] = [
  { method: 'card', token: 'tok_visa' },
  { method: 'card', token: 'tok_authentication_required' },
  { method: 'card', token: 'tok_insufficient_funds' },
  { method: 'paypal' },
  { method: 'ach', token: 'btok_settles' },
  { method: 'ach', token: 'btok_fails' },
  { method: 'ach', token: 'btok_returns' },
];

type Step =
  | { kind: 'pay'; payments: { picks: [number, number][]; how: number }[] }
  | { kind: 'confirm'; which: number; outcome: 'complete' | 'cancel' }
  | { kind: 'wait'; minutes: number };

/** A share of an invoice's balance in percent: above 100 asks for more than is owed. */
const pick = fc.tuple(fc.nat(2), fc.integer({ min: 10, max: 130 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      payments: fc.array(
        fc.record({
          picks: fc.uniqueArray(pick, { minLength: 1, maxLength: 3, selector: (p) => p[0] }),
          how: fc.nat(kinds.length - 1),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  fc.record({
    kind: fc.constant('confirm' as const),
    which: fc.nat(20),
    outcome: fc.constantFrom('complete', 'cancel'),
  }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 0, max: 40 }) }),
);

describe('money in flight, over random histories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-money-'));
  const clock = new ManualClock('2026-11-20T15:00:00Z');
  let config: ReturnType<typeof testConfig>;
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof createApp>>;
  let db: Awaited<ReturnType<typeof openTestDatabase>>['db'];
  let run = 0;

  before(async () => {
    database = await openTestDatabase(dir);
    config = testConfig({ ...database.config, SANDBOX_SETTLE_SECONDS: '60', PAYMENT_ATTEMPTS_PER_HOUR: '100000' });
    db = database.db;
    app = await createApp({ config, db, clock, mailer: devMailer });
    await putSettings(db, { allowOverpayment: false, surchargeRateBp: 0, surchargeCap: null }, clock.now());
  });
  after(async () => {
    await app?.worker.stop();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function account(totals: number[]) {
    const customerId = `cus_prop${++run}`;
    const now = clock.now();
    await db
      .insert(customers)
      .values({ id: customerId, name: `Prop ${run}`, currency: 'USD', updatedAt: now })
      .run();
    const email = `payer${run}@prop.test`;
    await db
      .insert(contacts)
      .values({ id: `con_prop${run}`, customerId, email })
      .run();
    const ids: string[] = [];
    for (const [i, total] of totals.entries()) {
      const invoice = await createInvoice(
        db,
        {
          customerId,
          number: `P${run}-${i}`,
          issueDate: '2026-10-01',
          dueDate: `2026-10-${String(10 + i).padStart(2, '0')}`,
          currency: 'USD',
          lines: [{ description: 'x', quantityMilli: 1000, unitPrice: total }],
        },
        systemActor,
        now,
      );
      ids.push(invoice.id);
    }
    // The clock runs on for hours between steps: each call gets a fresh session, as a returning payer would.
    const session = async (): Promise<AuthSession> => {
      const { token } = await createSession(
        db,
        config,
        { audience: 'customer', email, staffUserId: null, scopeInvoiceIds: null, linkId: null },
        clock.now(),
      );
      return (await authenticate(db, config, token, clock.now()))!;
    };
    return { customerId, ids, session };
  }

  async function check(customerId: string, ids: string[], owed: number, requested: Map<string, Set<string>>) {
    const rows = await db
      .select({
        id: invoices.id,
        balance: invoices.balance,
        held: sql<number>`coalesce((SELECT sum(${reservations.amount}) FROM ${reservations} WHERE ${reservations.invoiceId} = ${invoices.id}), 0)`.mapWith(
          Number,
        ),
      })
      .from(invoices)
      .where(inArray(invoices.id, ids))
      .all();
    for (const r of rows) {
      assert.ok(r.balance >= 0, `${r.id} balance ${r.balance}`);
      assert.ok(r.balance - r.held >= 0, `${r.id}: balance ${r.balance} − held ${r.held} < 0`);
    }
    const all = await db.select().from(payments).where(eq(payments.customerId, customerId)).all();
    const live = all.filter((p) => ['pending', 'processing', 'succeeded', 'refunded'].includes(p.status));
    const charged = live.reduce((s, p) => s + p.amount - p.refunded, 0);
    assert.ok(charged <= owed, `charged ${charged} > owed ${owed}`);
    for (const p of all.filter((q) => q.status === 'succeeded' || q.status === 'refunded')) {
      const applied = await db
        .select({ invoiceId: allocations.invoiceId, amount: allocations.amount })
        .from(allocations)
        .where(eq(allocations.paymentId, p.id))
        .all();
      for (const a of applied) {
        assert.ok(requested.get(p.id)?.has(a.invoiceId), `${p.id} paid ${a.invoiceId}, which its payer did not choose`);
      }
      const sum = applied.reduce((s, a) => s + a.amount, 0);
      assert.equal(sum + p.unapplied + p.refunded, p.amount, `${p.id} is accounted for`);
      assert.equal(p.unapplied, 0, 'no credit where the company keeps none');
    }
  }

  it('never reserves or charges more than is owed, and applies only where the payer chose', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 100, max: 500_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(step, { minLength: 1, maxLength: 10 }),
        async (totals, steps) => {
          const { customerId, ids, session } = await account(totals);
          const owed = totals.reduce((s, n) => s + n, 0);
          const requested = new Map<string, Set<string>>();
          for (const s of steps) {
            if (s.kind === 'pay') {
              await Promise.all(
                s.payments.map(async ({ picks, how }) => {
                  const kind = kinds[how]!;
                  const balances = new Map(
                    (
                      await db
                        .select({ id: invoices.id, balance: invoices.balance })
                        .from(invoices)
                        .where(inArray(invoices.id, ids))
                        .all()
                    ).map((r) => [r.id, r.balance]),
                  );
                  const asks = picks
                    .map(([i, pct]) => ({
                      invoiceId: ids[i]!,
                      amount: Math.max(1, Math.floor((balances.get(ids[i]!)! * pct) / 100)),
                    }))
                    .filter((a) => balances.get(a.invoiceId)! > 0);
                  if (!asks.length) return;
                  try {
                    const result = await createPayment(
                      app.deps,
                      await session(),
                      {
                        account: customerId,
                        allocations: asks,
                        method: kind.method,
                        ...(kind.token ? { paymentMethod: kind.token } : {}),
                      },
                      `key-${run}-${Math.random()}`,
                      null,
                    );
                    requested.set(result.view.id, new Set(asks.map((a) => a.invoiceId)));
                  } catch (err) {
                    // Refusals are the point: over the balance, or held by a payment in flight.
                    if (!(err instanceof DomainError) || ![409, 422].includes(statusOf(err))) throw err;
                  }
                }),
              );
            } else if (s.kind === 'confirm') {
              const waiting = await db
                .select({ id: payments.id })
                .from(payments)
                .where(eq(payments.customerId, customerId))
                .orderBy(payments.createdAt, payments.id)
                .all();
              const target = waiting[s.which % Math.max(1, waiting.length)];
              if (target) {
                try {
                  await confirmPayment(app.deps, await session(), target.id, s.outcome, null);
                } catch (err) {
                  if (!(err instanceof DomainError) || err.code !== 'payment_lapsed') throw err;
                }
              }
            } else {
              clock.advance(s.minutes * 60_000);
              await app.worker.runDue();
            }
            await check(customerId, ids, owed, requested);
          }
          // Let everything in flight finish: settlements, returns, lapses, refunds.
          for (let i = 0; i < 4; i++) {
            clock.advance(31 * 60_000);
            await app.worker.runDue();
          }
          await check(customerId, ids, owed, requested);
          const stillHeld = (await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(reservations)
            .where(inArray(reservations.invoiceId, ids))
            .get())!.n;
          assert.equal(stillHeld, 0, 'nothing is held once every payment has finished');
        },
      ),
      { numRuns: 60 },
    );
  });
});
