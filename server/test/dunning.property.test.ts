/**
 * Property: over random accounts (a bookkeeper the contact of two customers), invoices due around the
 * start, promises to pay, staff pauses, disputes and payments, with the clock run day by day over 40
 * days, the reminders sent (the `reminder` emails in the outbox and their `reminder.sent` events):
 *   - never name an invoice while an open promise covers it (until its verdict, even one running late);
 *   - never name an invoice of a customer staff paused until that day or later;
 *   - never name an invoice its open disputes cover in full, nor a paid one, and ask of a partly
 *     disputed one only the undisputed part of its balance;
 *   - name each invoice at the step of the default sequence its days past due fall on, each step once
 *     to each contact;
 *   - reach one address with one reminder email a company-calendar day at most;
 *   - and otherwise do go out, each step on its day (the next when the day's run came late).
 * The state at each reminder is the test's own record of what it did and when.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { DAY, MINUTE } from '../src/clock';
import { disputes, emailOutbox, events, promiseInvoices, promises } from '../src/db/schema';
import { addDays, daysBetween } from '../src/domain/dates';
import { pauseDunning } from '../src/domain/dunning';
import { systemActor } from '../src/domain/events';
import { recordSettledPayment } from '../src/domain/ledger';
import { createPromise } from '../src/domain/promises';
import { companyDay, newYorkMidnight, openDomain, type Domain } from './promises-support';

const CUSTOMERS = 3;
const RUN_DAYS = 40;
/** The default sequence's step days, written out: 3 days before due, on it, 7, 14, 30, then every 14. */
const STEP_DAYS = [-3, 0, 7, 14, 30, ...Array.from({ length: 30 }, (_, k) => 44 + 14 * k)];

type Action =
  | { kind: 'promise'; customer: number; mask: number; percent: number; ahead: number }
  | { kind: 'pause'; customer: number; until: number | null }
  | { kind: 'dispute'; invoice: number; percent: number; status: 'open' | 'under_review' | 'resolved' }
  | { kind: 'settle'; which: number }
  | { kind: 'pay'; invoice: number; percent: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('promise' as const),
      customer: fc.nat(CUSTOMERS - 1),
      mask: fc.integer({ min: 1, max: 15 }),
      percent: fc.integer({ min: 10, max: 100 }),
      ahead: fc.integer({ min: 1, max: 20 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      customer: fc.nat(CUSTOMERS - 1),
      until: fc.option(fc.integer({ min: -2, max: 12 }), { freq: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('dispute' as const),
      invoice: fc.nat(11),
      // Above 100: more than the balance, so the whole of it is in question.
      percent: fc.integer({ min: 10, max: 150 }),
      status: fc.constantFrom('open' as const, 'under_review' as const, 'resolved' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), which: fc.nat(5) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      invoice: fc.nat(11),
      percent: fc.integer({ min: 20, max: 100 }),
    }),
  },
);

const account = fc.array(
  fc.record({ due: fc.integer({ min: -45, max: 25 }), total: fc.integer({ min: 1_000, max: 200_000 }) }),
  { minLength: 1, maxLength: 4 },
);

/** An invoice as a `reminder.sent` event names it. */
interface Named {
  id: string;
  number: string;
  step: number;
  asked: number;
}

interface Invoice {
  id: string;
  customer: number;
  dueDate: string;
  /** The balance after each payment, by the instant of the payment. */
  balances: { at: number; balance: number }[];
}

interface Dispute {
  id: string;
  invoice: number;
  amount: number;
  /** Its status from each instant on. */
  statuses: { at: number; status: string }[];
}

/** What the test did and when: the state any reminder must be judged by (what happened strictly before it). */
class History {
  readonly invoices: Invoice[] = [];
  readonly disputes: Dispute[] = [];
  readonly pauses: { at: number; customer: number; until: string | null }[] = [];

  balance(i: number, t: number): number {
    return this.invoices[i]!.balances.filter((b) => b.at < t).at(-1)!.balance;
  }

  disputed(i: number, t: number): number {
    return this.disputes
      .filter((d) => d.invoice === i)
      .filter((d) => ['open', 'under_review'].includes(d.statuses.filter((s) => s.at < t).at(-1)?.status ?? ''))
      .reduce((sum, d) => sum + d.amount, 0);
  }

  pausedUntil(customer: number, t: number): string | null {
    return this.pauses.filter((p) => p.customer === customer && p.at < t).at(-1)?.until ?? null;
  }
}

describe('dunning, over random accounts, promises, pauses and disputes', () => {
  let d: Domain;
  let run = 0;
  /** What the runs went through, so a generator that stopped reaching a case shows. */
  const seen: Record<string, number> = {};
  const count = (what: string, n = 1) => (seen[what] = (seen[what] ?? 0) + n);

  async function act(a: Action, r: History, customerIds: string[], emails: string[][]) {
    const now = d.clock.now();
    const t = now.getTime();
    const pick = (i: number) => i % r.invoices.length;
    if (a.kind === 'promise') {
      const mine = r.invoices.map((inv, i) => ({ inv, i })).filter(({ inv }) => inv.customer === a.customer);
      const open = new Set(
        (
          await d.db
            .select({ id: promiseInvoices.invoiceId })
            .from(promiseInvoices)
            .where(
              and(
                eq(promiseInvoices.open, true),
                inArray(
                  promiseInvoices.invoiceId,
                  mine.map(({ inv }) => inv.id),
                ),
              ),
            )
            .all()
        ).map((row) => row.id),
      );
      const owed = (i: number) => r.balance(i, t + 1) - Math.min(r.balance(i, t + 1), r.disputed(i, t + 1));
      const chosen = mine.filter(({ inv, i }, k) => a.mask & (1 << k) && !open.has(inv.id) && owed(i) > 0);
      if (chosen.length === 0) return;
      const total = chosen.reduce((sum, { i }) => sum + owed(i), 0);
      await createPromise(
        d.app.deps,
        await d.session(emails[a.customer]![0]!),
        {
          account: customerIds[a.customer]!,
          invoices: chosen.map(({ inv }) => inv.id),
          amount: Math.max(1, Math.floor((total * a.percent) / 100)),
          promisedDate: addDays(companyDay(now), a.ahead),
        },
        null,
      );
      count('promised');
    } else if (a.kind === 'pause') {
      const until = a.until === null ? null : addDays(companyDay(now), a.until);
      await pauseDunning(d.db, customerIds[a.customer]!, until, { type: 'staff', id: 'stf_test' }, now);
      r.pauses.push({ at: t, customer: a.customer, until });
    } else if (a.kind === 'dispute') {
      const i = pick(a.invoice);
      const invoice = r.invoices[i]!;
      // One standing dispute per invoice (the partial unique index): a second waits for the first's end.
      const standing = (x: Dispute) => ['open', 'under_review'].includes(x.statuses.at(-1)!.status);
      if (['open', 'under_review'].includes(a.status) && r.disputes.some((x) => x.invoice === i && standing(x))) return;
      const amount = Math.max(1, Math.floor((r.balance(i, t + 1) * a.percent) / 100));
      const id = `dsp_${run}_${r.disputes.length}`;
      await d.db
        .insert(disputes)
        .values({
          id,
          invoiceId: invoice.id,
          customerId: customerIds[invoice.customer]!,
          status: a.status,
          amount,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      r.disputes.push({ id, invoice: i, amount, statuses: [{ at: t, status: a.status }] });
    } else if (a.kind === 'settle') {
      const dispute = r.disputes[a.which % Math.max(1, r.disputes.length)];
      if (!dispute) return;
      await d.db.update(disputes).set({ status: 'resolved', updatedAt: now }).where(eq(disputes.id, dispute.id)).run();
      dispute.statuses.push({ at: t, status: 'resolved' });
    } else {
      const i = pick(a.invoice);
      const invoice = r.invoices[i]!;
      const balance = r.balance(i, t + 1);
      if (balance === 0) return;
      const amount = Math.max(1, Math.floor((balance * a.percent) / 100));
      await d.db.transaction((tx) =>
        recordSettledPayment(
          tx,
          {
            customerId: customerIds[invoice.customer]!,
            currency: 'USD',
            amount,
            method: 'ach',
            provider: 'test',
            allocations: [{ invoiceId: invoice.id, amount }],
          },
          systemActor,
          now,
        ),
      );
      invoice.balances.push({ at: t, balance: balance - amount });
    }
  }

  async function check(r: History, customerIds: string[], emails: string[][], start: number) {
    const addresses = [...new Set(emails.flat())];
    const sent = await d.db
      .select({ data: events.data, customerId: events.customerId, createdAt: events.createdAt })
      .from(events)
      .where(and(eq(events.type, 'reminder.sent'), inArray(events.customerId, customerIds)))
      .all();
    const windows = await d.db
      .select({
        invoiceId: promiseInvoices.invoiceId,
        from: promises.createdAt,
        decidedAt: promises.decidedAt,
        cancelledAt: promises.cancelledAt,
      })
      .from(promiseInvoices)
      .innerJoin(promises, eq(promises.id, promiseInvoices.promiseId))
      .where(inArray(promises.customerId, customerIds))
      .all();
    const steps = new Set<string>();
    for (const e of sent) {
      const t = e.createdAt.getTime();
      const today = companyDay(t);
      const data = e.data as { to: string; invoices: Named[] };
      for (const named of data.invoices) {
        const i = r.invoices.findIndex((inv) => inv.id === named.id);
        const invoice = r.invoices[i]!;
        const what = `${named.number} in the reminder of ${today} to ${data.to}`;
        // Open from when it was made until its verdict or its cancelling: a verdict running late keeps it so.
        const inWindow = windows.find((w) => {
          const end = Math.min(w.decidedAt?.getTime() ?? Infinity, w.cancelledAt?.getTime() ?? Infinity);
          return w.invoiceId === named.id && w.from.getTime() < t && t < end;
        });
        assert.equal(inWindow, undefined, `${what}: under an open promise made ${inWindow?.from.toISOString()}`);
        const paused = r.pausedUntil(invoice.customer, t);
        assert.ok(paused === null || paused < today, `${what}: its customer is paused until ${paused}`);
        const balance = r.balance(i, t);
        const disputed = Math.min(balance, r.disputed(i, t));
        assert.ok(balance - disputed > 0, `${what}: balance ${balance}, of which ${disputed} disputed`);
        assert.equal(
          named.asked,
          balance - disputed,
          `${what}: asks ${named.asked} of ${balance}, ${disputed} disputed`,
        );
        const late = daysBetween(invoice.dueDate, today);
        const step = STEP_DAYS.findLastIndex((day) => day <= late);
        assert.equal(named.step, step, `${what}: ${late} days past due is step ${step}`);
        assert.ok(!steps.has(`${data.to}:${named.id}:${step}`), `${what}: step ${step} sent twice`);
        steps.add(`${data.to}:${named.id}:${step}`);
        count('reminders');
        if (disputed > 0) count('partlyDisputed');
      }
    }
    const mail = await d.db
      .select({ kind: emailOutbox.kind, to: emailOutbox.to, createdAt: emailOutbox.createdAt })
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.to, addresses), inArray(emailOutbox.kind, ['reminder', 'promise.missed'])))
      .all();
    const perDay = new Map<string, string>();
    for (const m of mail.filter((e) => e.kind === 'reminder')) {
      const key = `${m.to} on ${companyDay(m.createdAt)}`;
      assert.ok(!perDay.has(key), `two reminder emails to ${key}`);
      perDay.set(key, m.kind);
    }
    // A "promise missed" email takes the day's place of a reminder: never both to one address on one day.
    for (const m of mail.filter((e) => e.kind === 'promise.missed')) {
      count('missed');
      const key = `${m.to} on ${companyDay(m.createdAt)}`;
      assert.ok(!perDay.has(key), `a reminder and a "promise missed" email to ${key}`);
    }
    // Each reminder email is the one its events tell of: same address, same instant.
    const emailed = mail.filter((m) => m.kind === 'reminder').map((m) => `${m.to} ${m.createdAt.toISOString()}`);
    const told = new Set(sent.map((e) => `${(e.data as { to: string }).to} ${e.createdAt.toISOString()}`));
    assert.deepEqual(new Set(emailed), told, 'the reminder emails and their events');
    count('shared', sent.filter((e) => (e.data as { to: string }).to.startsWith('bookkeeper')).length);
    // And they do go out: an invoice never promised, disputed or paid off is named at each step on its
    // day (or the next, when that day's run came late) to each contact no "promise missed" email kept a
    // day from, once its customer's pause is over.
    const missed = new Set(mail.filter((m) => m.kind === 'promise.missed').map((m) => m.to));
    const [first, last] = [addDays(companyDay(start), 2), addDays(companyDay(start + RUN_DAYS * DAY), -2)];
    for (const [i, invoice] of r.invoices.entries()) {
      const heldBack =
        windows.some((w) => w.invoiceId === invoice.id) ||
        r.disputes.some((x) => x.invoice === i) ||
        r.balance(i, Infinity) === 0;
      if (heldBack) continue;
      for (const to of emails[invoice.customer]!.filter((e) => !missed.has(e))) {
        const named = sent
          .filter((e) => (e.data as { to: string }).to === to)
          .flatMap((e) =>
            (e.data as { invoices: Named[] }).invoices.map((n) => ({ ...n, day: companyDay(e.createdAt) })),
          )
          .filter((n) => n.id === invoice.id);
        for (const [step, offset] of STEP_DAYS.entries()) {
          const on = addDays(invoice.dueDate, offset);
          // Its customer not paused that day nor the next, and no pause or resume around them.
          const [from, till] = [newYorkMidnight(addDays(on, -1)), newYorkMidnight(addDays(on, 2))];
          const until = r.pausedUntil(invoice.customer, from);
          const touched = r.pauses.some((p) => p.customer === invoice.customer && p.at >= from && p.at < till);
          if (on < first || on > last || touched || (until !== null && until >= on)) continue;
          const hit = named.filter((n) => n.step === step).map((n) => daysBetween(on, n.day));
          assert.ok(
            hit.length === 1 && hit[0]! >= 0 && hit[0]! <= 1,
            `${to}: step ${step} of ${invoice.id}, due ${on}, came ${JSON.stringify(hit)} days later`,
          );
          count('onTime');
        }
      }
    }
  }

  it('reminds on each step’s day, never inside a promise, a pause or a full dispute, once a day per address', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 * 24 * 60 }),
        fc.array(account, { minLength: CUSTOMERS, maxLength: CUSTOMERS }),
        fc.boolean(),
        fc.array(fc.tuple(fc.integer({ min: 0, max: RUN_DAYS * 24 * 60 }), action), { minLength: 0, maxLength: 16 }),
        async (startGap, accounts, shared, actions) => {
          run++;
          // A database of the run's own: every run starts from the same day, so a seed replays it.
          d = await openDomain('portico-dunning-', '2026-10-25T14:00:00Z');
          try {
            await d.runUntil(d.clock.now().getTime() + startGap * MINUTE);
            const start = d.clock.now().getTime();
            const today = companyDay(start);
            const r = new History();
            const bookkeeper = `bookkeeper${run}@dunning.test`;
            const emails = accounts.map((_, c) => [
              `ap${run}-${c}@dunning.test`,
              ...(c === 2 ? [`cfo${run}@dunning.test`] : []),
              ...(shared && c < 2 ? [bookkeeper] : []),
            ]);
            const customerIds = accounts.map((_, c) => `cus_dun${run}_${c}`);
            for (const [c, planned] of accounts.entries()) {
              const dueDates = planned.map((p) => addDays(today, p.due));
              const ids = await d.customer(
                customerIds[c]!,
                emails[c]!,
                planned.map((p, k) => ({ number: `D${run}-${c}-${k}`, total: p.total, dueDate: dueDates[k]! })),
              );
              for (const [k, id] of ids.entries()) {
                r.invoices.push({
                  id,
                  customer: c,
                  dueDate: dueDates[k]!,
                  balances: [{ at: 0, balance: planned[k]!.total }],
                });
              }
            }
            for (const [minutes, a] of [...actions].sort((x, y) => x[0] - y[0])) {
              await d.runUntil(start + minutes * MINUTE + 1);
              await act(a, r, customerIds, emails);
              await d.app.worker.runDue();
            }
            await d.runUntil(start + RUN_DAYS * DAY);
            count('paused', r.pauses.length);
            await check(r, customerIds, emails, start);
          } finally {
            await d.close();
          }
        },
      ),
      // A failure prints its seed and path: FC_SEED=… FC_PATH=… replays it.
      {
        numRuns: 40,
        includeErrorInReport: true,
        ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
      },
    );
    console.log(`dunning over ${run} runs: ${JSON.stringify(seen)}`);
  });
});
