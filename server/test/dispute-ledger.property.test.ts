/**
 * Property: over random sequences of disputes opened, parts of the undisputed rest paid, disputes resolved
 * with a credit (of a random amount, sometimes more than allowed), rejected and withdrawn, and steps tried on
 * disputes already decided, on a few invoices of a new account, after every step
 *   - every invoice's balance is its total less what was paid and credited to it,
 *   - the account's `disputed` (GET /accounts) is the sum over standing disputes of min(amount, balance),
 *     and the statement's disputed total says the same,
 *   - each standing dispute's `undisputed` and min(amount, balance) make up the invoice's balance,
 *   - the statement's identity holds (opening + invoiced − paid − credited = closing),
 *   - no credit note is more than its dispute's amount,
 *   - a decided dispute never changes again,
 * and each request is answered as the model of the ledger predicts. Over real HTTP on the demo server
 * (sessions made directly). `FC_SEED=… FC_PATH=…` replays a failure; `FC_RUNS` sets the number of runs.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { AccountList, DisputeList, DisputeView, Statement } from '../src/contract';
import { testConfig } from '../src/config';
import { allocations, contacts, creditNotes, customers, disputes, invoices } from '../src/db/schema';
import { createSession } from '../src/domain/auth/sessions';
import { systemActor } from '../src/domain/events';
import { createInvoice } from '../src/domain/ledger';
import { linesOf } from './disputes-support';
import { startTestServer, type TestServer } from './helpers';

const INVOICES = 3;

type Step =
  | { kind: 'open'; invoice: number; lines: { line: number; pct: number }[] }
  /** A share of the undisputed rest, or now and then of the whole balance (the disputed part too). */
  | { kind: 'pay'; invoice: number; pct: number; of: 'undisputed' | 'balance' }
  | { kind: 'resolve'; invoice: number; pct: number }
  | { kind: 'reject' | 'withdraw'; invoice: number }
  /** A step on one of the account's decided disputes. */
  | { kind: 'poke'; dispute: number; action: 'resolve' | 'reject' | 'withdraw' | 'message' };

const invoice = fc.nat(INVOICES - 1);
const pct = (max: number) => fc.integer({ min: 1, max });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('open' as const),
      invoice,
      lines: fc.uniqueArray(fc.record({ line: fc.integer({ min: 1, max: 2 }), pct: pct(100) }), {
        minLength: 1,
        maxLength: 2,
        selector: (l) => l.line,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      invoice,
      pct: pct(100),
      of: fc.constantFrom('undisputed' as const, 'undisputed' as const, 'balance' as const),
    }),
  },
  // Up to 120 %: some credits ask for more than the dispute allows.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('resolve' as const), invoice, pct: pct(120) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('reject' as const, 'withdraw' as const), invoice }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('poke' as const),
      dispute: fc.nat(9),
      action: fc.constantFrom('resolve' as const, 'reject' as const, 'withdraw' as const, 'message' as const),
    }),
  },
);

/** Run first, so every kind of step is reached whatever the seed. */
const EVERY_STEP: [[number, number][], Step[]] = [
  [
    [10_000, 5_000],
    [20_000, 3_000],
    [8_000, 4_000],
  ],
  [
    { kind: 'open', invoice: 0, lines: [{ line: 1, pct: 50 }] },
    { kind: 'pay', invoice: 0, pct: 50, of: 'undisputed' },
    { kind: 'resolve', invoice: 0, pct: 120 },
    { kind: 'resolve', invoice: 0, pct: 50 },
    { kind: 'poke', dispute: 0, action: 'resolve' },
    {
      kind: 'open',
      invoice: 1,
      lines: [
        { line: 2, pct: 100 },
        { line: 1, pct: 10 },
      ],
    },
    { kind: 'reject', invoice: 1 },
    { kind: 'open', invoice: 2, lines: [{ line: 1, pct: 100 }] },
    { kind: 'withdraw', invoice: 2 },
    { kind: 'poke', dispute: 1, action: 'message' },
    { kind: 'open', invoice: 1, lines: [{ line: 1, pct: 100 }] },
    { kind: 'pay', invoice: 1, pct: 95, of: 'balance' },
    { kind: 'resolve', invoice: 1, pct: 100 },
  ],
];

let t: TestServer;
let staff: string;
let run = 0;
const seen = new Map<string, number>();
const tally = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

before(async () => {
  t = await startTestServer({ env: { PAYMENT_ATTEMPTS_PER_HOUR: '100000' } });
  staff = await sessionFor({ audience: 'staff', email: 'collector@acme.test', staffUserId: 'stf_collector' });
});
after(() => t?.close());

async function sessionFor(who: { audience: 'customer' | 'staff'; email: string; staffUserId: string | null }) {
  const config = testConfig();
  const created = await createSession(t.db, config, { ...who, scopeInvoiceIds: null, linkId: null }, t.clock.now());
  return created.token;
}

/** A new account with a contact and invoices of two lines each; the contact's session. */
async function account(prices: [number, number][]) {
  const customerId = `cus_dl${++run}`;
  const now = t.clock.now();
  await t.db
    .insert(customers)
    .values({ id: customerId, name: `Ledger ${run}`, currency: 'USD', updatedAt: now })
    .run();
  const email = `ap${run}@ledger-prop.test`;
  await t.db
    .insert(contacts)
    .values({ id: `con_dl${run}`, customerId, email })
    .run();
  const ids: string[] = [];
  for (const [i, [a, b]] of prices.entries()) {
    const created = await createInvoice(
      t.db,
      {
        customerId,
        number: `DL${run}-${i}`,
        issueDate: '2026-10-01',
        dueDate: `2026-10-${String(10 + i).padStart(2, '0')}`,
        currency: 'USD',
        lines: [
          { description: 'Pallets', quantityMilli: 2000, unitPrice: a, taxRateBp: 825 },
          { description: 'Freight', quantityMilli: 1000, unitPrice: b },
        ],
      },
      systemActor,
      now,
    );
    ids.push(created.id);
  }
  const token = await sessionFor({ audience: 'customer', email, staffUserId: null });
  const lines = await Promise.all(ids.map(async (id) => (await linesOf(t, id)).map((l) => l.amount + l.tax)));
  return { customerId, ids, token, lines };
}

type DisputeRow = typeof disputes.$inferSelect;
const standing = (d: DisputeRow) => d.status === 'open' || d.status === 'under_review';
/** What may never change once a dispute is decided. */
const decidedFields = (d: DisputeRow) =>
  JSON.stringify([d.status, d.amount, d.creditNoteId, d.closedAt, d.resolutionNote, d.rejectionReason]);

async function invoiceRows(ids: string[]) {
  return t.db.select().from(invoices).where(inArray(invoices.id, ids)).orderBy(invoices.number).all();
}

async function disputeRows(customerId: string) {
  return t.db.select().from(disputes).where(eq(disputes.customerId, customerId)).orderBy(disputes.createdAt).all();
}

/** The invariants, read from the database and the API; `decided` holds what each decided dispute was. */
async function check(customerId: string, ids: string[], token: string, decided: Map<string, string>) {
  const rows = await invoiceRows(ids);
  const all = await disputeRows(customerId);
  for (const r of rows) {
    const paid = (await t.db
      .select({ n: sql<number>`coalesce(sum(${allocations.amount}), 0)`.mapWith(Number) })
      .from(allocations)
      .where(and(eq(allocations.invoiceId, r.id), isNull(allocations.reversedAt)))
      .get())!.n;
    const credited = (await t.db
      .select({ n: sql<number>`coalesce(sum(${creditNotes.amount} - ${creditNotes.unapplied}), 0)`.mapWith(Number) })
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, r.id))
      .get())!.n;
    assert.equal(r.balance, r.total - paid - credited, `${r.number}: balance = total − paid − credited`);
    assert.ok(r.balance >= 0, `${r.number}: balance ${r.balance}`);
  }
  const balanceOf = new Map(rows.map((r) => [r.id, r.balance]));
  const live = all.filter(standing);
  assert.ok(
    ids.every((id) => live.filter((d) => d.invoiceId === id).length <= 1),
    'one standing dispute per invoice',
  );
  const expectedDisputed = live.reduce((s, d) => s + Math.min(d.amount, balanceOf.get(d.invoiceId)!), 0);

  const accounts = (await (await t.call('GET', '/accounts', { token })).json()) as AccountList;
  const summary = accounts.items.find((a) => a.id === customerId)!;
  assert.equal(summary.disputed, expectedDisputed, 'the account’s disputed');
  assert.equal(
    summary.balance,
    [...balanceOf.values()].reduce((s, b) => s + b, 0),
    'the account’s balance',
  );

  const list = (await (await t.call('GET', `/disputes?account=${customerId}`, { token })).json()) as DisputeList;
  for (const d of list.items.filter((x) => x.status === 'open' || x.status === 'under_review')) {
    const balance = balanceOf.get(d.invoice.id)!;
    assert.equal(d.invoice.balance, balance);
    assert.equal(d.undisputed + Math.min(d.amount, balance), balance, `${d.id}: undisputed + disputed = balance`);
  }

  const res = await t.call('GET', `/statement?account=${customerId}`, { token });
  const statement = (await res.json()) as Statement;
  const { openingBalance, totals, closingBalance } = statement;
  assert.equal(openingBalance + totals.invoiced - totals.paid - totals.credited, closingBalance, 'statement identity');
  // Credit a resolution gave the account (its invoice no longer owed it) is unapplied credit, less on the statement.
  assert.equal(closingBalance, summary.balance - summary.credit, 'the statement closes on the balance less credit');
  assert.equal(statement.unappliedCredit, summary.credit, 'the statement’s unapplied credit');
  assert.equal(statement.disputed.total, expectedDisputed, 'the statement’s disputed');

  for (const d of all) {
    if (d.creditNoteId) {
      // Its credit notes: on its invoice (what the invoice still owed), else on the account; never more than disputed.
      const notes = await t.db.select().from(creditNotes).where(eq(creditNotes.disputeId, d.id)).all();
      const total = notes.reduce((sum, n) => sum + n.amount, 0);
      assert.ok(total <= d.amount, `${d.id}: credited ${total} > the disputed ${d.amount}`);
      assert.ok(notes.some((n) => n.id === d.creditNoteId));
      for (const note of notes) assert.ok(note.invoiceId === d.invoiceId || note.invoiceId === null, note.number);
    }
    const before = decided.get(d.id);
    if (before !== undefined) assert.equal(decidedFields(d), before, `${d.id} changed after it was decided`);
    else if (!standing(d)) decided.set(d.id, decidedFields(d));
  }
}

/** The status and code the model predicts, and the answer's. */
async function expectAnswer(res: Response, status: number, code: string | null, what: string) {
  const text = await res.text();
  assert.equal(res.status, status, `${what}: ${text}`);
  if (code) assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, code, what);
  tally(`${what} ${status}`);
  return text;
}

describe('the ledger around disputes, over random histories', () => {
  it('keeps balances, disputed amounts, undisputed rests and statements consistent', async () => {
    const price = fc.integer({ min: 500, max: 90_000 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(price, price), { minLength: INVOICES, maxLength: INVOICES }),
        fc.array(step, { minLength: 4, maxLength: 14 }),
        async (prices, steps) => {
          const { customerId, ids, token, lines } = await account(prices);
          const decided = new Map<string, string>();
          for (const s of steps) {
            const rows = await invoiceRows(ids);
            const all = await disputeRows(customerId);
            if (s.kind === 'poke') {
              const closed = all.filter((d) => !standing(d));
              const id = closed[s.dispute % Math.max(1, closed.length)]?.id;
              if (!id) continue;
              const [path, body, as] =
                s.action === 'resolve'
                  ? [`/admin/disputes/${id}/resolve`, { creditAmount: 1, note: 'Again?' }, staff]
                  : s.action === 'reject'
                    ? [`/admin/disputes/${id}/reject`, { reason: 'Again?' }, staff]
                    : s.action === 'withdraw'
                      ? [`/disputes/${id}/withdraw`, undefined, token]
                      : [`/disputes/${id}/messages`, { body: 'Still there?' }, token];
              await expectAnswer(
                await t.call('POST', path, { token: as, body }),
                409,
                'dispute_not_open',
                `decided ${s.action}`,
              );
            } else {
              const inv = rows.find((r) => r.id === ids[s.invoice])!;
              const live = all.find((d) => d.invoiceId === inv.id && standing(d));
              if (s.kind === 'open') {
                const asked = s.lines.map((l) => ({
                  line: l.line,
                  reason: 'pricing',
                  amount: Math.max(1, Math.floor((lines[s.invoice]![l.line - 1]! * l.pct) / 100)),
                }));
                const sum = asked.reduce((n, l) => n + l.amount, 0);
                const [status, code] =
                  inv.balance <= 0
                    ? [409, 'invoice_not_disputable']
                    : live
                      ? [409, 'invoice_disputed']
                      : sum > inv.balance
                        ? [422, 'dispute_amount_too_large']
                        : [201, null];
                const res = await t.call('POST', '/disputes', {
                  token,
                  body: { invoice: inv.id, lines: asked, message: 'These are wrong.' },
                });
                const text = await expectAnswer(res, status, code, 'open');
                if (status === 201) assert.match((JSON.parse(text) as DisputeView).id, /^dsp_/);
              } else if (s.kind === 'pay') {
                const undisputed = inv.balance - (live ? Math.min(live.amount, inv.balance) : 0);
                const amount = Math.floor(((s.of === 'balance' ? inv.balance : undisputed) * s.pct) / 100);
                if (amount <= 0) continue;
                const res = await t.call('POST', '/payments', {
                  token,
                  headers: { 'idempotency-key': randomUUID() },
                  body: {
                    account: customerId,
                    allocations: [{ invoiceId: inv.id, amount }],
                    method: 'card',
                    paymentMethod: 'tok_visa',
                  },
                });
                await expectAnswer(res, 201, null, `pay of the ${s.of}`);
                const after = await t.db.select().from(disputes).where(eq(disputes.invoiceId, inv.id)).all();
                if (live)
                  assert.ok(standing(after.find((d) => d.id === live.id)!), 'paying leaves the dispute standing');
              } else if (s.kind === 'resolve') {
                if (!live) continue;
                // Up to the disputed amount; what the invoice no longer owes becomes credit on the account.
                const most = live.amount;
                const credit = Math.max(1, Math.floor((most * s.pct) / 100));
                const res = await t.call('POST', `/admin/disputes/${live.id}/resolve`, {
                  token: staff,
                  body: { creditAmount: credit, note: 'Credited.' },
                });
                const [status, code] = credit > most ? [422, 'dispute_amount_too_large'] : [200, null];
                await expectAnswer(res, status, code, 'resolve');
              } else {
                if (!live) continue;
                const res =
                  s.kind === 'reject'
                    ? await t.call('POST', `/admin/disputes/${live.id}/reject`, {
                        token: staff,
                        body: { reason: 'No.' },
                      })
                    : await t.call('POST', `/disputes/${live.id}/withdraw`, { token });
                await expectAnswer(res, 200, null, s.kind);
              }
            }
            await check(customerId, ids, token, decided);
          }
        },
      ),
      {
        numRuns: Number(process.env.FC_RUNS ?? 25),
        includeErrorInReport: true,
        examples: [EVERY_STEP],
        ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
      },
    );
    // What the runs went through, so a generator that stopped reaching a case shows.
    console.log([...seen].map(([k, n]) => `${k}: ${n}`).join(', '));
    const reachedAll = [
      'open 201',
      'pay of the undisputed 201',
      'pay of the balance 201',
      'resolve 200',
      'withdraw 200',
      'reject 200',
    ];
    for (const reached of [...reachedAll, 'resolve 422'])
      assert.ok(seen.has(reached), `the runs never reached ${reached}`);
    assert.ok(
      [...seen.keys()].some((k) => k.startsWith('decided')),
      'the runs never tried a step on a decided dispute',
    );
  });
});
