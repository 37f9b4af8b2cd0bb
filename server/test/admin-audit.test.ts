/**
 * The staff console's audit log (issue 13): GET /admin/events and its CSV export over real HTTP, on the demo
 * company (New York) plus a promise, a dispute and a payment made over the API, and events written here.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { count, sql } from 'drizzle-orm';
import type { AuditEvent, AuditEventList } from '../src/contract';
import { addDays } from '../src/contract/dates';
import { events, staffUsers } from '../src/db/schema';
import { auditEventChunks } from '../src/domain/audit';
import { calendarDate, startOfDay } from '../src/domain/dates';
import { recordEvent } from '../src/domain/events';
import { errorCode, startTestServer, type TestServer } from './helpers';
import { disputable, NORTHWIND, NORTHWIND_EMAIL, openDispute } from './disputes-support';

const ZONE = 'America/New_York';
/** 23:30 on 19 November in New York (EST, UTC−5), and an hour later, already the 20th there. */
const LATE_ON_19TH = new Date('2026-11-20T04:30:00Z');
const EARLY_ON_20TH = new Date('2026-11-20T05:30:00Z');
const FORMULA_SUBJECT = '=HYPERLINK("https://evil.test","open")';
const AWKWARD_NOTE = 'He said "fine, later",\nthen left';
const MULTILINE_SUBJECT = 'Dock 4, "north"\ngate';

let t: TestServer;
let admin: string;
let viewer: string;
let customer: string;
/** Every session token, link token and code this test was given: none may appear in the audit log. */
const secrets: string[] = [];
const made = { promise: '', dispute: '', payment: '', lateEvent: '', earlyEvent: '' };

/** Signs in through a real link, keeping the link's token and code and the session's token as secrets. */
async function signIn(email: string, audience: 'customer' | 'staff'): Promise<string> {
  const link = await t.signInLink(email, { audience });
  t.clock.advance(60_000);
  const res = await t.call('POST', '/auth/sessions', { body: { token: link.token, audience } });
  assert.equal(res.status, 200, await res.clone().text());
  const { token } = (await res.json()) as { token: string };
  secrets.push(link.token, link.code, token);
  return token;
}

async function listed(query: Record<string, string>, token = admin): Promise<AuditEventList> {
  const res = await t.call('GET', `/admin/events?${new URLSearchParams(query)}`, { token });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as AuditEventList;
}

/** Every page of `query`, following nextCursor. */
async function everyPage(query: Record<string, string>): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await listed({ ...query, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

async function exported(query: Record<string, string>, token = admin): Promise<Response> {
  return t.call('GET', `/admin/events/export.csv?${new URLSearchParams(query)}`, { token });
}

const idsOf = (items: AuditEvent[]) => items.map((e) => e.id);

describe('the audit log', () => {
  before(async () => {
    t = await startTestServer();
    const now = t.clock.now();
    await t.db
      .insert(staffUsers)
      .values({ id: 'stf_viewer', email: 'viewer@acme.test', name: 'Vic Viewer', role: 'viewer', createdAt: now })
      .run();
    admin = await signIn('ar@acme.test', 'staff');
    viewer = await signIn('viewer@acme.test', 'staff');
    customer = await signIn(NORTHWIND_EMAIL, 'customer');

    const [forDispute, forPromise, forPayment] = await disputable(t);
    made.dispute = (await openDispute(t, customer, forDispute!.id, 100)).id;
    const today = calendarDate(t.clock.now(), ZONE);
    const promise = await t.call('POST', '/promises', {
      token: customer,
      body: { account: NORTHWIND, invoices: [forPromise!.id], amount: 500, promisedDate: addDays(today, 5) },
    });
    assert.equal(promise.status, 201, await promise.clone().text());
    made.promise = ((await promise.json()) as { id: string }).id;
    const payment = await t.call('POST', '/payments', {
      token: customer,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        account: NORTHWIND,
        allocations: [{ invoiceId: forPayment!.id, amount: 1_000 }],
        method: 'card',
        paymentMethod: 'tok_visa',
      },
    });
    assert.equal(payment.status, 201, await payment.clone().text());
    made.payment = ((await payment.json()) as { id: string }).id;
    const collector = await signIn('collector@acme.test', 'staff');
    const assigned = await t.call('POST', `/admin/disputes/${made.dispute}/assign`, {
      token: collector,
      body: { staffUserId: 'stf_collector' },
    });
    assert.equal(assigned.status, 200, await assigned.clone().text());

    const note = (subjectId: string, at: Date) =>
      recordEvent(
        t.db,
        {
          type: 'audit.test_note',
          actor: { type: 'staff', id: 'stf_collector' },
          subject: { type: 'customer', id: subjectId },
          customerId: 'cus_globex',
          data: { note: AWKWARD_NOTE },
        },
        at,
      );
    made.lateEvent = `evt_${await note(FORMULA_SUBJECT, LATE_ON_19TH)}`;
    made.earlyEvent = `evt_${await note(MULTILINE_SUBJECT, EARLY_ON_20TH)}`;
  });
  after(() => t.close());

  it('answers each event with its actor, subject, customer, data and request id, newest first', async () => {
    const { items } = await listed({ subject: made.dispute });
    assert.deepEqual(
      items.map((e) => e.type),
      ['dispute.assigned', 'dispute.opened'],
    );
    const [assigned, opened] = items as [AuditEvent, AuditEvent];
    assert.ok(Number(assigned.id.slice(4)) > Number(opened.id.slice(4)));
    assert.deepEqual(assigned.actor, { type: 'staff', id: 'stf_collector', name: 'Casey Collins' });
    assert.deepEqual(opened.actor, { type: 'customer', id: NORTHWIND_EMAIL });
    assert.deepEqual(opened.subject, { type: 'dispute', id: made.dispute });
    assert.deepEqual(opened.customer, { id: NORTHWIND, name: 'Northwind Traders' });
    assert.equal(opened.data.amount, 100);
    assert.match(opened.requestId ?? '', /\S/);
    assert.match(opened.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('filters by one type exactly, and by the start of the type', async () => {
    const promises = await everyPage({ type: 'promise.created' });
    assert.ok(promises.length > 0);
    assert.ok(promises.every((e) => e.type === 'promise.created'));
    assert.ok(promises.some((e) => e.subject?.id === made.promise));

    const payments = await everyPage({ typePrefix: 'payment.' });
    assert.ok(payments.every((e) => e.type.startsWith('payment.')));
    const ours = payments.filter((e) => e.subject?.id === made.payment).map((e) => e.type);
    assert.ok(ours.includes('payment.created') && ours.includes('payment.succeeded'), ours.join());
    // A prefix is not a pattern: `_` and `%` are the characters.
    assert.deepEqual((await listed({ typePrefix: 'payment_' })).items, []);
    assert.deepEqual((await listed({ typePrefix: '%' })).items, []);
  });

  it('filters by customer and by actor, an email in any case', async () => {
    const globex = await everyPage({ customer: 'cus_globex' });
    assert.ok(globex.every((e) => e.customer?.id === 'cus_globex' && e.customer.name === 'Globex'));
    assert.ok(idsOf(globex).includes(made.lateEvent));

    const byCollector = await everyPage({ actor: 'stf_collector' });
    assert.ok(byCollector.length >= 3);
    assert.ok(byCollector.every((e) => e.actor.id === 'stf_collector' && e.actor.name === 'Casey Collins'));

    const byCustomer = await everyPage({ actor: 'AP@Northwind.TEST' });
    assert.ok(byCustomer.every((e) => e.actor.id === NORTHWIND_EMAIL));
    assert.ok(byCustomer.some((e) => e.subject?.id === made.promise));
  });

  it('takes dates as whole days in the company time zone: 23:30 on the last day is in', async () => {
    const on19th = await everyPage({ from: '2026-11-19', to: '2026-11-19' });
    assert.ok(idsOf(on19th).includes(made.lateEvent));
    assert.ok(!idsOf(on19th).includes(made.earlyEvent));
    const start = startOfDay('2026-11-19', ZONE).getTime();
    const end = startOfDay('2026-11-20', ZONE).getTime();
    assert.ok(on19th.every((e) => Date.parse(e.at) >= start && Date.parse(e.at) < end));

    const from20th = await everyPage({ from: '2026-11-20' });
    assert.ok(idsOf(from20th).includes(made.earlyEvent));
    assert.ok(!idsOf(from20th).includes(made.lateEvent));
  });

  it('searches the type, the actor, the subject and the customer name with q, ignoring case', async () => {
    const byName = await everyPage({ q: 'NORTHWIND traders' });
    assert.ok(byName.length > 0 && byName.every((e) => e.customer?.id === NORTHWIND));
    const bySubject = await everyPage({ q: made.payment.toUpperCase() });
    assert.ok(bySubject.length > 0 && bySubject.every((e) => e.subject?.id === made.payment));
    const byType = await everyPage({ q: 'TEST_NOTE' });
    assert.deepEqual(idsOf(byType).toSorted(), [made.earlyEvent, made.lateEvent].toSorted());
    const byActor = await everyPage({ q: 'viewer@acme' });
    assert.ok(byActor.length > 0 && byActor.every((e) => JSON.stringify(e).includes('viewer@acme.test')));
    assert.ok((await everyPage({ q: 'casey' })).some((e) => e.type === 'dispute.assigned'));
    assert.deepEqual((await listed({ q: 'no such thing anywhere' })).items, []);
  });

  it('pages through every event once, newest first', async () => {
    const all = await everyPage({ limit: '7' });
    const [{ n }] = (await t.db.select({ n: count() }).from(events).all()) as [{ n: number }];
    assert.equal(all.length, Number(n));
    assert.equal(new Set(idsOf(all)).size, all.length);
    const numbers = all.map((e) => Number(e.id.slice(4)));
    assert.deepEqual(
      numbers,
      numbers.toSorted((a, b) => b - a),
    );
    const first = await listed({ limit: '7' });
    assert.equal(first.items.length, 7);
    assert.equal(first.nextCursor, first.items[6]!.id.slice(4));
  });

  it('reads the export in chunks that together hold each event once', async () => {
    const chunks: AuditEvent[][] = [];
    for await (const chunk of auditEventChunks(t.db, { typePrefix: 'payment.' }, ZONE, { chunkSize: 3, atMost: 1000 }))
      chunks.push(chunk);
    assert.ok(chunks.length > 1 && chunks.every((c) => c.length <= 3));
    assert.deepEqual(idsOf(chunks.flat()), idsOf(await everyPage({ typePrefix: 'payment.' })));
    const capped = [];
    for await (const chunk of auditEventChunks(t.db, {}, ZONE, { chunkSize: 3, atMost: 5 })) capped.push(...chunk);
    assert.equal(capped.length, 5);
  });

  it('exports the filtered events as CSV, escaped, with formulas neutralised', async () => {
    const res = await exported({ customer: 'cus_globex', from: '2026-11-19' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="audit-events-2026-11-20\.csv"$/);
    const text = await res.text();
    assert.ok(text.startsWith('id,at,type,actor_type,actor,subject_type,subject,customer,data\n'));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const late = rows.find((r) => r.id === made.lateEvent);
    assert.deepEqual(late, {
      id: made.lateEvent,
      at: LATE_ON_19TH.toISOString(),
      type: 'audit.test_note',
      actor_type: 'staff',
      actor: 'stf_collector',
      subject_type: 'customer',
      subject: `'${FORMULA_SUBJECT}`,
      customer: 'cus_globex',
      data: JSON.stringify({ note: AWKWARD_NOTE }),
    });
    // Cells with a quote, a comma or a newline are quoted, their quotes doubled.
    assert.ok(text.includes(`"{""note"":""He said \\""fine, later\\"",\\nthen left""}"`));
    assert.ok(text.includes(`,"Dock 4, ""north""\ngate",cus_globex,`));
    assert.equal(rows.find((r) => r.id === made.earlyEvent)?.subject, MULTILINE_SUBJECT);
    assert.deepEqual(
      rows.map((r) => r.id),
      idsOf(await everyPage({ customer: 'cus_globex', from: '2026-11-19' })),
    );
  });

  it('refuses bad dates, a range backwards and a cursor it never gave with 400 invalid_request', async () => {
    const bad: Record<string, string>[] = [
      { from: '2026-02-30' },
      { to: '20-11-2026' },
      { from: '2026-11-20', to: '2026-11-19' },
      { cursor: 'abc' },
      { cursor: '0' },
      { cursor: '-5' },
      { limit: '0' },
      { limit: '201' },
    ];
    for (const query of bad) {
      const res = await t.call('GET', `/admin/events?${new URLSearchParams(query)}`, { token: admin });
      assert.equal(res.status, 400, JSON.stringify(query));
      assert.equal(await errorCode(res), 'invalid_request');
    }
    const res = await exported({ from: 'yesterday' });
    assert.equal(res.status, 400);
    assert.equal(await errorCode(res), 'invalid_request');
  });

  it('is read by every staff role, refused to customers, and asks for a session', async () => {
    assert.ok((await listed({}, viewer)).items.length > 0);
    assert.equal((await exported({ type: 'promise.created' }, viewer)).status, 200);
    for (const path of ['/admin/events', '/admin/events/export.csv']) {
      const asCustomer = await t.call('GET', path, { token: customer });
      assert.equal(asCustomer.status, 403);
      assert.equal(await errorCode(asCustomer), 'forbidden');
      assert.equal((await t.call('GET', path)).status, 401);
    }
  });

  it('shows no session token, link token or code anywhere in the log', async () => {
    assert.ok(secrets.length >= 12);
    const text = JSON.stringify(await everyPage({ limit: '200' })) + (await (await exported({})).text());
    const shown = secrets.filter((s) => text.includes(s));
    assert.deepEqual(shown, []);
  });

  it('exports up to 100,000 events and refuses a filter that matches more with 422', async () => {
    await t.db.run(sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
      INSERT INTO events (type, actor_type, data, created_at)
      SELECT 'bulk.filler', 'system', '{}', 1700000000000 FROM n`);
    const tooMany = await exported({});
    assert.equal(tooMany.status, 422);
    assert.equal(await errorCode(tooMany), 'invalid_request');
    const atTheCap = await exported({ type: 'bulk.filler' });
    assert.equal(atTheCap.status, 200);
    const lines = (await atTheCap.text()).trimEnd().split('\n');
    assert.equal(lines.length, 1 + 100_000);
  });
});
