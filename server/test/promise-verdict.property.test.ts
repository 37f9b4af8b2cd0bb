/**
 * Property: over random payment histories and clocks, every promise to pay has exactly the status the
 * rule gives it from the ledger as it stood, at every step:
 *   - kept the moment the cash applied to its invoices since it was made reaches its amount, or nothing
 *     is left owing on them (a credit note) — before the deadline, not at it;
 *   - at the end of its deadline day (promised date + 2 days of grace, New York), partially kept when
 *     some cash came, broken when none did; payments made before the promise or after its deadline,
 *     on other invoices, or taken back do not count;
 *   - a payment returned later reopens a kept or partly kept verdict on its invoices that no longer
 *     holds, judged anew at the deadline (at once when it has passed);
 *   - cancelling works on an open promise only;
 *   - each invoice's `promises_broken` counts the broken promises that covered it.
 * The expectation is computed here from the payments the test made, not by the server's rule. Runs on
 * a real database of the run's engine through the domain functions and the job queue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { DAY, MINUTE } from '../src/clock';
import { invoices, promises } from '../src/db/schema';
import { addDays } from '../src/domain/dates';
import { DomainError } from '../src/domain/errors';
import { systemActor } from '../src/domain/events';
import { issueCreditNote, recordSettledPayment, reversePayment } from '../src/domain/ledger';
import { cancelPromise, createPromise } from '../src/domain/promises';
import { companyDay, newYorkMidnight, openDomain, type Domain } from './promises-support';

type Action =
  | { kind: 'pay'; picks: [number, number][] }
  | { kind: 'credit'; invoice: number; percent: number }
  | { kind: 'return'; which: number }
  | { kind: 'promise'; mask: number; percent: number; ahead: number }
  | { kind: 'cancel'; which: number }
  | { kind: 'wait'; minutes: number };

const INVOICES = 4;
/** A share of an invoice's balance in percent (100: all of it). */
const percent = fc.oneof(fc.integer({ min: 5, max: 99 }), fc.constant(100));
const promiseAction: fc.Arbitrary<Action> = fc.record({
  kind: fc.constant('promise' as const),
  mask: fc.integer({ min: 1, max: 2 ** INVOICES - 1 }),
  percent,
  ahead: fc.integer({ min: 1, max: 30 }),
});
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      picks: fc.uniqueArray(fc.tuple(fc.nat(INVOICES - 1), percent), {
        minLength: 1,
        maxLength: 3,
        selector: (p) => p[0],
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('credit' as const), invoice: fc.nat(INVOICES - 1), percent }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('return' as const), which: fc.nat(10) }) },
  { weight: 3, arbitrary: promiseAction },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), which: fc.nat(4) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 60, max: 9 * 24 * 60 }) }),
  },
);
/** Minutes the clock runs before each action, so nothing shares an instant with what came before. */
const gap = fc.integer({ min: 1, max: 36 * 60 });
const step = fc.tuple(gap, action);

type Status = 'open' | 'kept' | 'partially_kept' | 'broken' | 'cancelled';

interface PaymentMade {
  id: string;
  at: number;
  lines: { invoice: number; amount: number }[];
  returned: boolean;
}

interface PromiseMade {
  id: string;
  invoices: number[];
  amount: number;
  at: number;
  deadline: number;
  status: Status;
  decidedAt: number | null;
}

/** The run's ledger as the test made it, and the status each promise must have. */
class Expected {
  readonly payments: PaymentMade[] = [];
  readonly promises: PromiseMade[] = [];
  readonly broken: number[];
  constructor(readonly balances: number[]) {
    this.broken = balances.map(() => 0);
  }

  /** The verdict the promise would get now: kept when its amount came since it was made or nothing is owed. */
  verdict(p: PromiseMade): Exclude<Status, 'open' | 'cancelled'> {
    let paid = 0;
    for (const payment of this.payments) {
      if (payment.returned || payment.at < p.at || payment.at > p.deadline) continue;
      for (const line of payment.lines) if (p.invoices.includes(line.invoice)) paid += line.amount;
    }
    const owed = p.invoices.reduce((sum, i) => sum + this.balances[i]!, 0);
    if (paid >= p.amount || owed === 0) return 'kept';
    return paid > 0 ? 'partially_kept' : 'broken';
  }

  decide(p: PromiseMade, now: number) {
    p.status = this.verdict(p);
    p.decidedAt = now;
    if (p.status === 'broken') for (const i of p.invoices) this.broken[i]!++;
  }

  /** Money met the invoices: an open promise with nothing left of it is kept now. */
  moneyIn(now: number) {
    for (const p of this.promises) {
      if (p.status === 'open' && this.verdict(p) === 'kept') {
        p.status = 'kept';
        p.decidedAt = now;
      }
    }
  }

  /** Money was taken back from `invoices`: a verdict on them that no longer holds reopens, judged at once past its deadline. */
  moneyOut(now: number, invoices: number[]) {
    for (const p of this.promises) {
      if (!p.invoices.some((i) => invoices.includes(i))) continue;
      if ((p.status !== 'kept' && p.status !== 'partially_kept') || this.verdict(p) === p.status) continue;
      p.status = 'open';
      p.decidedAt = null;
      if (now >= p.deadline) this.decide(p, now);
    }
  }

  /** The clock reached `now`: open promises past their deadline get their verdict. */
  clockAt(now: number) {
    for (const p of this.promises) if (p.status === 'open' && now >= p.deadline) this.decide(p, now);
  }

  /** Invoices a new promise may take: owing, and under no promise whose verdict could still change. */
  promisable(): number[] {
    return this.balances
      .map((_, i) => i)
      .filter(
        (i) =>
          this.balances[i]! > 0 &&
          !this.promises.some((p) => ['open', 'kept', 'partially_kept'].includes(p.status) && p.invoices.includes(i)),
      );
  }
}

describe('promise verdicts, over random payment histories and clocks', () => {
  let d: Domain;
  let run = 0;
  const seen = { kept: 0, partially_kept: 0, broken: 0, cancelled: 0, reopened: 0, keptEarly: 0 };

  before(async () => {
    // No dunning: the reminders are another property's; these runs cross a change of daylight saving time.
    d = await openDomain('portico-verdicts-', '2026-10-20T13:00:00Z', { dunningEnabled: false });
  });
  after(() => d?.close());

  async function act(a: Action, x: Expected, ids: string[], customerId: string, email: string) {
    const now = d.clock.now();
    if (a.kind === 'pay') {
      const lines = a.picks
        .map(([invoice, share]) => ({ invoice, amount: Math.max(1, Math.floor((x.balances[invoice]! * share) / 100)) }))
        .filter((l) => x.balances[l.invoice]! > 0);
      if (lines.length === 0) return;
      const amount = lines.reduce((sum, l) => sum + l.amount, 0);
      const id = await d.db.transaction((tx) =>
        recordSettledPayment(
          tx,
          {
            customerId,
            currency: 'USD',
            amount,
            method: 'ach',
            provider: 'test',
            allocations: lines.map((l) => ({ invoiceId: ids[l.invoice]!, amount: l.amount })),
          },
          systemActor,
          now,
        ),
      );
      for (const l of lines) x.balances[l.invoice]! -= l.amount;
      x.payments.push({ id, at: now.getTime(), lines, returned: false });
      x.moneyIn(now.getTime());
    } else if (a.kind === 'credit') {
      const balance = x.balances[a.invoice]!;
      if (balance === 0) return;
      const amount = Math.max(1, Math.floor((balance * a.percent) / 100));
      await d.db.transaction((tx) =>
        issueCreditNote(
          tx,
          {
            customerId,
            invoiceId: ids[a.invoice]!,
            number: `CN-${run}-${now.getTime()}`,
            amount,
            currency: 'USD',
            issueDate: companyDay(now),
          },
          systemActor,
          now,
        ),
      );
      x.balances[a.invoice]! -= amount;
      x.moneyIn(now.getTime());
    } else if (a.kind === 'return') {
      const standing = x.payments.filter((p) => !p.returned);
      const payment = standing[a.which % Math.max(1, standing.length)];
      if (!payment) return;
      assert.equal(await d.db.transaction((tx) => reversePayment(tx, payment.id, 'R01', systemActor, now)), true);
      payment.returned = true;
      for (const l of payment.lines) x.balances[l.invoice]! += l.amount;
      const before = x.promises.filter((p) => p.status === 'open').length;
      x.moneyOut(
        now.getTime(),
        payment.lines.map((l) => l.invoice),
      );
      seen.reopened += x.promises.filter((p) => p.status === 'open').length - before;
    } else if (a.kind === 'promise') {
      const chosen = x.promisable().filter((i) => a.mask & (1 << i));
      if (chosen.length === 0) return;
      const owed = chosen.reduce((sum, i) => sum + x.balances[i]!, 0);
      const amount = Math.max(1, Math.floor((owed * a.percent) / 100));
      const promisedDate = addDays(companyDay(now), a.ahead);
      const view = await createPromise(
        d.app.deps,
        await d.session(email),
        { account: customerId, invoices: chosen.map((i) => ids[i]!), amount, promisedDate },
        null,
      );
      const deadline = newYorkMidnight(addDays(promisedDate, 3));
      assert.equal(view.deadlineDate, addDays(promisedDate, 2), 'two days of grace');
      assert.equal(
        Date.parse(view.deadline),
        deadline,
        `the verdict falls at the end of ${view.deadlineDate} in New York`,
      );
      x.promises.push({
        id: view.id,
        invoices: chosen,
        amount,
        at: now.getTime(),
        deadline,
        status: 'open',
        decidedAt: null,
      });
    } else if (a.kind === 'cancel') {
      const p = x.promises[a.which % Math.max(1, x.promises.length)];
      if (!p) return;
      try {
        await cancelPromise(d.app.deps, await d.session(email), p.id, null);
        assert.equal(p.status, 'open', `${p.id} was cancelled while ${p.status}`);
        p.status = 'cancelled';
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'promise_not_open') throw err;
        assert.notEqual(p.status, 'open', `${p.id} is open, yet could not be cancelled`);
      }
    } else {
      await d.runUntil(now.getTime() + a.minutes * MINUTE, (at) => x.clockAt(at));
    }
  }

  async function check(x: Expected, ids: string[], history: string[]) {
    const where = () => `\nhistory:\n${history.join('\n')}\nexpected: ${JSON.stringify(x.promises)}`;
    const rows = await d.db
      .select({ id: promises.id, status: promises.status, decidedAt: promises.decidedAt })
      .from(promises)
      .where(
        inArray(
          promises.id,
          x.promises.map((p) => p.id),
        ),
      )
      .all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of x.promises) {
      const row = byId.get(p.id)!;
      assert.equal(row.status, p.status, `${p.id} is ${row.status}, the rule says ${p.status}${where()}`);
      if (p.status !== 'cancelled')
        assert.equal(row.decidedAt?.getTime() ?? null, p.decidedAt, `${p.id} decided when${where()}`);
    }
    const invoiceRows = await d.db
      .select({ id: invoices.id, balance: invoices.balance, promisesBroken: invoices.promisesBroken })
      .from(invoices)
      .where(inArray(invoices.id, ids))
      .all();
    for (const [i, id] of ids.entries()) {
      const row = invoiceRows.find((r) => r.id === id)!;
      assert.equal(row.balance, x.balances[i], `balance of invoice ${i}${where()}`);
      assert.equal(row.promisesBroken, x.broken[i], `promises broken on invoice ${i}${where()}`);
    }
  }

  it('gives each promise the verdict its payments earn, when they earn it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.array(fc.integer({ min: 500, max: 300_000 }), { minLength: INVOICES, maxLength: INVOICES }),
        fc.array(step, { minLength: 0, maxLength: 3 }),
        fc.tuple(gap, promiseAction),
        fc.array(step, { minLength: 2, maxLength: 14 }),
        async (startGap, totals, early, first, later) => {
          run++;
          const customerId = `cus_verdict${run}`;
          const email = `payer${run}@verdicts.test`;
          await d.runUntil(d.clock.now().getTime() + startGap * MINUTE);
          const today = companyDay(d.clock.now());
          const ids = await d.customer(
            customerId,
            [email],
            totals.map((total, i) => ({ number: `V${run}-${i}`, total, dueDate: addDays(today, 5 * i - 10) })),
          );
          const x = new Expected([...totals]);
          const history: string[] = [];
          for (const [minutes, a] of [...early, first, ...later]) {
            await d.runUntil(d.clock.now().getTime() + minutes * MINUTE, (at) => x.clockAt(at));
            history.push(`${d.clock.now().toISOString()} ${JSON.stringify(a)}`);
            await act(a, x, ids, customerId, email);
            await d.app.worker.runDue();
            await check(x, ids, history);
          }
          // Past every deadline: nothing is left open.
          await d.runUntil(d.clock.now().getTime() + 40 * DAY, (at) => x.clockAt(at));
          await check(x, ids, history);
          for (const p of x.promises) {
            assert.notEqual(p.status, 'open');
            seen[p.status as keyof typeof seen]++;
            if (p.status === 'kept' && p.decidedAt! < p.deadline) seen.keptEarly++;
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
    // What the runs went through, so a generator that stopped reaching a case shows.
    console.log(`promise verdicts seen over ${run} runs: ${JSON.stringify(seen)}`);
  });
});
