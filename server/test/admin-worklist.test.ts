/**
 * `GET /admin/worklist`: the customers with something unpaid, ranked by the documented score
 * (domain/worklist/score.ts), filtered and paged. A small fixed ledger whose scores are worked out by
 * hand below, and the demo data checked against the formula recomputed from its rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { WorklistPage, WorklistRow } from '../src/contract';
import { contacts, customers, disputes, events, invoices, promises, staffUsers } from '../src/db/schema';
import { calendarDate, daysBetween } from '../src/domain/dates';
import { recordEvent, systemActor } from '../src/domain/events';
import { createInvoice, recordSettledPayment } from '../src/domain/ledger';
import { agingWeight, CONTACT_EVENT_TYPES, listWorklist, worklistScore } from '../src/domain/worklist';
import { errorCode, startTestServer, type TestServer } from './helpers';

const NOW = '2026-11-20T15:00:00Z';
const at = (iso: string) => new Date(iso);

async function page(t: TestServer, token: string, query = ''): Promise<WorklistPage> {
  const res = await t.call('GET', `/admin/worklist${query}`, { token });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as WorklistPage;
}

/** Every row, following nextCursor with `limit` rows a page. */
async function walk(t: TestServer, token: string, query: string, limit: number) {
  const rows: WorklistRow[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const p = await page(t, token, `?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.ok(p.items.length <= limit);
    rows.push(...p.items);
    cursor = p.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error('the cursor never ended');
}

const ids = (rows: WorklistRow[]) => rows.map((r) => r.id);

describe('the worklist on a small fixed ledger', () => {
  let t: TestServer;
  let collector: string;

  before(async () => {
    t = await startTestServer({ seed: false, now: NOW });
    const { db } = t;
    const created = at('2026-01-01T00:00:00Z');
    await db
      .insert(staffUsers)
      .values([
        { id: 'stf_ar', email: 'ar@acme.test', name: 'Alex Rivera', role: 'admin' },
        { id: 'stf_collector', email: 'collector@acme.test', name: 'Casey Collins', role: 'collector' },
        { id: 'stf_viewer', email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer' },
      ])
      .run();
    const customer = (
      id: string,
      name: string,
      externalId: string | null,
      currency: string,
      collectorId: string | null,
    ) => ({ id, name, externalId, currency, collectorId, createdAt: created, updatedAt: created }) as const;
    await db
      .insert(customers)
      .values([
        customer('cus_a', 'Alpha Ltd', 'ALPHA-1', 'USD', 'stf_collector'),
        customer('cus_b', 'Bravo GmbH', null, 'EUR', null),
        customer('cus_c', 'Charlie KK', 'CHARLIE', 'JPY', 'stf_ar'),
        customer('cus_d', 'Delta Inc', 'D-4', 'USD', 'stf_collector'),
        customer('cus_e', 'Echo & Co', 'ECHO_50%', 'USD', null),
        customer('cus_f', 'Foxtrot', 'ECHO-500', 'USD', null),
      ])
      .run();
    await db.insert(contacts).values({ id: 'con_a', customerId: 'cus_a', email: 'ap@alpha.test' }).run();
    const invoice = async (id: string, customerId: string, currency: string, dueDate: string, amount: number) => {
      await createInvoice(
        db,
        {
          id,
          customerId,
          number: id.toUpperCase(),
          issueDate: '2026-01-01',
          dueDate,
          currency,
          lines: [{ description: 'Goods', quantityMilli: 1000, unitPrice: amount }],
        },
        systemActor,
        created,
      );
    };
    // Alpha: $1,000 10 days late (×1), $500 111 days late (×4), $300 not yet due; one broken promise.
    await invoice('inv_a1', 'cus_a', 'USD', '2026-11-10', 100_000);
    await invoice('inv_a2', 'cus_a', 'USD', '2026-08-01', 50_000);
    await invoice('inv_a3', 'cus_a', 'USD', '2026-12-15', 30_000);
    await db.update(invoices).set({ promisesBroken: 1 }).where(eq(invoices.id, 'inv_a1')).run();
    // Bravo: €2,000 50 days late but disputed (€500 in question); €100 66 days late (×3) under an open promise.
    await invoice('inv_b1', 'cus_b', 'EUR', '2026-10-01', 200_000);
    await invoice('inv_b2', 'cus_b', 'EUR', '2026-09-15', 10_000);
    await db
      .insert(disputes)
      .values({
        id: 'dsp_b1',
        invoiceId: 'inv_b1',
        customerId: 'cus_b',
        status: 'under_review',
        amount: 50_000,
        createdAt: created,
        updatedAt: created,
      })
      .run();
    const promise = (id: string, promisedDate: string, amount: number) => ({
      id,
      customerId: 'cus_b',
      amount,
      currency: 'EUR',
      promisedDate,
      deadlineDate: promisedDate,
      deadline: at(`${promisedDate}T23:59:59Z`),
      status: 'open' as const,
      createdAt: created,
      updatedAt: created,
    });
    await db
      .insert(promises)
      .values([promise('prm_b2', '2026-11-28', 4_000), promise('prm_b1', '2026-11-25', 10_000)])
      .run();
    // Charlie: ¥1,500 31 days late (×2), last reminded in May (more than 90 days ago).
    await invoice('inv_c1', 'cus_c', 'JPY', '2026-10-20', 1_500);
    // Delta: paid in full, so not on the list. Echo and Foxtrot: not yet due, emailed 9 days 23 hours ago.
    await invoice('inv_d1', 'cus_d', 'USD', '2026-10-01', 20_000);
    await recordSettledPayment(
      db,
      {
        customerId: 'cus_d',
        currency: 'USD',
        amount: 20_000,
        method: 'wire',
        provider: 'manual',
        allocations: [{ invoiceId: 'inv_d1', amount: 20_000 }],
      },
      systemActor,
      created,
    );
    await invoice('inv_e1', 'cus_e', 'USD', '2026-12-20', 5_000);
    await invoice('inv_f1', 'cus_f', 'USD', '2026-12-20', 5_000);
    const contact = (type: string, customerId: string, when: string) =>
      recordEvent(
        db,
        { type, actor: systemActor, subject: { type: 'customer', id: customerId }, customerId },
        at(when),
      );
    await contact('reminder.sent', 'cus_a', '2026-11-15T15:00:00Z');
    // Not a contact: a later payment event does not move Alpha's last contact.
    await contact('payment.created', 'cus_a', '2026-11-19T15:00:00Z');
    await contact('reminder.sent', 'cus_c', '2026-05-04T09:00:00Z');
    await contact('invoice.sent', 'cus_e', '2026-11-10T16:00:00Z');
    await contact('invoice.sent', 'cus_f', '2026-11-10T16:00:00Z');
    collector = await t.signIn('collector@acme.test', 'staff');
  });
  after(() => t.close());

  it('ranks by the documented score, worked out by hand, ties by customer id', async () => {
    const { items, nextCursor } = await page(t, collector);
    assert.equal(nextCursor, null);
    // Charlie: ⌊1,500 × 2 ÷ 1⌋ = 3,000, never contacted within 90 days: + 5 × 90 = 3,450.
    // Alpha: ⌊(100,000 × 1 + 50,000 × 4) ÷ 100⌋ = 3,000, + 250 × 1 broken, + 5 × 5 days = 3,275.
    // Bravo: ⌊10,000 × 3 ÷ 100⌋ = 300 (the disputed invoice apart), + 50 × 1 dispute, + 5 × 90 never contacted = 800.
    // Echo and Foxtrot: nothing past due, contacted 9 whole days ago: 45 each, by id.
    assert.deepEqual(
      items.map((r) => [r.id, r.score]),
      [
        ['cus_c', 3450],
        ['cus_a', 3275],
        ['cus_b', 800],
        ['cus_e', 45],
        ['cus_f', 45],
      ],
    );
    assert.equal(
      worklistScore({
        weightedPastDue: 300_000,
        currency: 'USD',
        brokenPromises: 1,
        openDisputes: 0,
        daysSinceContact: 5,
      }),
      3275,
    );
    assert.equal(
      worklistScore({
        weightedPastDue: 3_000,
        currency: 'JPY',
        brokenPromises: 0,
        openDisputes: 0,
        daysSinceContact: 200,
      }),
      3450,
    );
    const contactOnly = (days: number | null) =>
      worklistScore({
        weightedPastDue: 0,
        currency: 'USD',
        brokenPromises: 0,
        openDisputes: 0,
        daysSinceContact: days,
      });
    assert.deepEqual([null, 91, 90, 89, 0, -1].map(contactOnly), [450, 450, 450, 445, 0, 0]);
    assert.deepEqual([0, 1, 30, 31, 60, 61, 90, 91].map(agingWeight), [0, 1, 1, 2, 2, 3, 3, 4]);
  });

  it('shows each row’s figures: balance, past due, disputed, promise, last contact, collector', async () => {
    const { items } = await page(t, collector);
    const row = (id: string) => items.find((r) => r.id === id)!;
    assert.deepEqual(row('cus_a'), {
      id: 'cus_a',
      name: 'Alpha Ltd',
      externalId: 'ALPHA-1',
      currency: 'USD',
      balance: 180_000,
      pastDue: 150_000,
      disputed: 0,
      openDisputes: 0,
      promise: null,
      brokenPromises: 1,
      lastContact: '2026-11-15T15:00:00.000Z',
      collector: { id: 'stf_collector', name: 'Casey Collins' },
      score: 3275,
    });
    assert.deepEqual(row('cus_b'), {
      id: 'cus_b',
      name: 'Bravo GmbH',
      externalId: null,
      currency: 'EUR',
      balance: 210_000,
      pastDue: 10_000,
      disputed: 50_000,
      openDisputes: 1,
      promise: { id: 'prm_b1', promisedDate: '2026-11-25', amount: 10_000 },
      brokenPromises: 0,
      lastContact: null,
      collector: null,
      score: 800,
    });
    assert.equal(row('cus_c').collector?.name, 'Alex Rivera');
    assert.equal(row('cus_c').lastContact, '2026-05-04T09:00:00.000Z');
    assert.equal(
      items.find((r) => r.id === 'cus_d'),
      undefined,
      'a paid-up customer is not on the list',
    );
  });

  it('filters: my accounts, unassigned, a collector, search, promise, dispute, past due', async () => {
    const cases: [string, string[]][] = [
      ['collector=me', ['cus_a']],
      ['collector=unassigned', ['cus_b', 'cus_e', 'cus_f']],
      ['collector=stf_ar', ['cus_c']],
      ['collector=stf_nobody', []],
      ['q=alp', ['cus_a']],
      ['q=CHARLIE%20kk', ['cus_c']],
      ['q=charlie', ['cus_c']],
      // `%` and `_` are the characters, not wildcards: Foxtrot's ECHO-500 does not match.
      ['q=echo_50%25', ['cus_e']],
      ['q=echo', ['cus_e', 'cus_f']],
      ['promise=open', ['cus_b']],
      ['promise=none', ['cus_c', 'cus_a', 'cus_e', 'cus_f']],
      ['promise=broken', ['cus_a']],
      ['dispute=open', ['cus_b']],
      ['dispute=none', ['cus_c', 'cus_a', 'cus_e', 'cus_f']],
      ['minPastDue=100000', ['cus_a']],
      ['minPastDue=1500', ['cus_c', 'cus_a', 'cus_b']],
      ['minPastDue=1501', ['cus_a', 'cus_b']],
      ['collector=unassigned&dispute=none', ['cus_e', 'cus_f']],
    ];
    for (const [query, expected] of cases) {
      assert.deepEqual(ids((await page(t, collector, `?${query}`)).items), expected, query);
    }
  });

  it('pages with a small limit: every row once, in order, and the order stands still while time passes', async () => {
    const all = ids((await page(t, collector)).items);
    assert.deepEqual(ids(await walk(t, collector, '', 2)), all);
    assert.deepEqual(ids(await walk(t, collector, '', 1)), all);
    assert.deepEqual(ids(await walk(t, collector, 'collector=unassigned', 1)), ['cus_b', 'cus_e', 'cus_f']);
    // Forty days pass between pages (past the session's life, so through the domain): the later pages rank
    // as of the first, so nothing is skipped or repeated although every score has moved since.
    const paged: WorklistRow[] = [];
    let now = t.clock.now();
    let cursor: string | undefined;
    do {
      const next = await listWorklist(t.db, 'stf_collector', { limit: 2, cursor }, now, 'UTC');
      paged.push(...next.items);
      cursor = next.nextCursor ?? undefined;
      now = new Date(now.getTime() + 40 * 86_400_000);
    } while (cursor);
    assert.deepEqual(ids(paged), all);
    const scores = (rows: WorklistRow[]) => rows.map((r) => r.score);
    assert.notDeepEqual(scores((await listWorklist(t.db, null, { limit: 10 }, now, 'UTC')).items), scores(paged));
  });

  it('refuses a cursor it never issued and filters it cannot read with 400 invalid_request', async () => {
    const forged = Buffer.from(JSON.stringify([1, 'x'])).toString('base64url');
    for (const query of [
      'cursor=nope',
      `cursor=${forged}`,
      'promise=maybe',
      'dispute=closed',
      'minPastDue=-1',
      'minPastDue=1.5',
      'limit=0',
      'limit=201',
      `q=${'x'.repeat(101)}`,
    ]) {
      const res = await t.call('GET', `/admin/worklist?${query}`, { token: collector });
      assert.equal(res.status, 400, query);
      assert.equal(await errorCode(res), 'invalid_request', query);
    }
  });

  it('is read by every staff role, refused to customers and to no session', async () => {
    const viewer = await t.signIn('viewer@acme.test', 'staff');
    assert.equal((await page(t, viewer)).items.length, 5);
    const admin = await t.signIn('ar@acme.test', 'staff');
    assert.deepEqual(ids((await page(t, admin, '?collector=me')).items), ['cus_c']);
    const customer = await t.signIn('ap@alpha.test');
    assert.equal((await t.call('GET', '/admin/worklist', { token: customer })).status, 403);
    assert.equal((await t.call('GET', '/admin/worklist')).status, 401);
  });
});

describe('the worklist on the demo data', () => {
  let t: TestServer;
  let collector: string;

  before(async () => {
    t = await startTestServer();
    collector = await t.signIn('collector@acme.test', 'staff');
  });
  after(() => t.close());

  it('lists every customer with something unpaid, each scored as the formula says from its own rows', async () => {
    const rows = await walk(t, collector, '', 3);
    const now = t.clock.now();
    const { timeZone } = await t.deps.settings.get(t.db);
    const today = calendarDate(now, timeZone);
    const unpaid = await t.db
      .select({
        id: invoices.id,
        customerId: invoices.customerId,
        dueDate: invoices.dueDate,
        balance: invoices.balance,
        broken: invoices.promisesBroken,
      })
      .from(invoices)
      .where(and(isNull(invoices.voidedAt), sql`${invoices.balance} > 0`))
      .all();
    assert.deepEqual(ids(rows).sort(), [...new Set(unpaid.map((i) => i.customerId))].sort());
    const standing = await t.db
      .select({ invoiceId: disputes.invoiceId })
      .from(disputes)
      .where(inArray(disputes.status, ['open', 'under_review']))
      .all();
    const disputed = new Set(standing.map((d) => d.invoiceId));
    const contactsMade = await t.db
      .select({ customerId: events.customerId, createdAt: events.createdAt })
      .from(events)
      .where(inArray(events.type, [...CONTACT_EVENT_TYPES]))
      .all();
    for (const row of rows) {
      const mine = unpaid.filter((i) => i.customerId === row.id);
      const late = mine.filter((i) => !disputed.has(i.id) && i.dueDate < today);
      const last = Math.max(...contactsMade.filter((e) => e.customerId === row.id).map((e) => e.createdAt.getTime()));
      const expected = worklistScore({
        weightedPastDue: late.reduce((s, i) => s + i.balance * agingWeight(daysBetween(i.dueDate, today)), 0),
        currency: row.currency,
        brokenPromises: mine.reduce((s, i) => s + i.broken, 0),
        openDisputes: mine.filter((i) => disputed.has(i.id)).length,
        daysSinceContact: Number.isFinite(last) ? Math.floor((now.getTime() - last) / 86_400_000) : null,
      });
      assert.equal(row.score, expected, row.name);
      const pastDue = late.reduce((s, i) => s + i.balance, 0);
      assert.equal(row.pastDue, pastDue, row.name);
    }
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      assert.ok(a.score > b.score || (a.score === b.score && a.id < b.id), `${a.id} before ${b.id}`);
    }
  });

  it('puts Northwind at the top of the collector’s worklist', async () => {
    const { items } = await page(t, collector, '?limit=1');
    assert.equal(items[0]?.id, 'cus_northwind');
  });
});
