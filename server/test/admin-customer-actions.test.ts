/**
 * The customer page's actions in the staff console (issue 13), over HTTP on the demo data as a collector:
 * notes, the reminders' pause, the collector, contacts and their access, sign-in and Easy Pay links that
 * work, statements by email; each with its event and emails, and refused with nothing written to a viewer,
 * a customer, and bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { ContactAccessEnded, CustomerContactView, CustomerNoteView } from '../src/contract';
import { customers, emailOutbox, events, invoices, sessions, staffUsers } from '../src/db/schema';
import { attachmentRenderers } from '../src/domain/registry';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let collector: string;
let viewer: string;

const post = (path: string, body?: unknown, token = collector) =>
  t.call('POST', `/admin/customers/${path}`, { token, ...(body === undefined ? {} : { body }) });

async function lastEvent(type: string) {
  return t.db.select().from(events).where(eq(events.type, type)).orderBy(desc(events.id)).limit(1).get();
}

async function outboxTo(to: string, kind?: string) {
  const rows = await t.db.select().from(emailOutbox).where(eq(emailOutbox.to, to)).all();
  return rows.filter((r) => !kind || r.kind === kind);
}

/** How many events and emails there are: a refused request changes neither. */
async function writes() {
  const [e] = await t.db.select({ n: count() }).from(events).all();
  const [m] = await t.db.select({ n: count() }).from(emailOutbox).all();
  return { events: Number(e!.n), emails: Number(m!.n) };
}

async function refused(res: Response, status: number, code: string) {
  const body = await res.clone().text();
  assert.equal(res.status, status, body);
  assert.equal(await errorCode(res), code);
}

/** The token of the newest emailed link to `to`, once delivered. */
async function emailedToken(to: string, sentBefore: number): Promise<string> {
  await t.deliver();
  const mail = await t.mail.waitFor(to, { after: sentBefore });
  const match = /#portico-link=([A-Za-z0-9_-]+)/.exec(mail.text);
  assert.ok(match, `a link in: ${mail.text}`);
  return match[1]!;
}

async function signInWith(token: string): Promise<string> {
  const res = await t.call('POST', '/auth/sessions', { body: { token } });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { token: string }).token;
}

async function status(token: string): Promise<number> {
  const res = await t.call('GET', '/auth/session', { token });
  await res.arrayBuffer();
  return res.status;
}

before(async () => {
  t = await startTestServer();
  await t.db
    .insert(staffUsers)
    .values({
      id: 'stf_viewer',
      email: 'viewer@acme.test',
      name: 'Vic Viewer',
      role: 'viewer',
      createdAt: t.clock.now(),
    })
    .run();
  collector = await t.signIn('collector@acme.test', 'staff');
  viewer = await t.signIn('viewer@acme.test', 'staff');
});
after(() => t.close());

describe('notes, the reminders’ pause and the collector', () => {
  it('adds a note as a customer.note_added event', async () => {
    const res = await post('cus_northwind/notes', { body: '  Promised to call back Friday. ' });
    assert.equal(res.status, 201, await res.clone().text());
    const note = (await res.json()) as CustomerNoteView;
    assert.equal(note.body, 'Promised to call back Friday.');
    assert.deepEqual(note.author, { id: 'stf_collector', name: 'Casey Collins' });
    const event = (await lastEvent('customer.note_added'))!;
    assert.equal(String(event.id), note.id);
    assert.equal(event.customerId, 'cus_northwind');
    assert.deepEqual([event.actorType, event.actorId], ['staff', 'stf_collector']);
    assert.deepEqual(event.data, { body: 'Promised to call back Friday.' });
  });

  it('pauses reminders until a date or indefinitely, and resumes them', async () => {
    const until = await post('cus_northwind/dunning/pause', { until: '2026-12-15' });
    assert.deepEqual(await until.json(), { dunningPausedUntil: '2026-12-15' });
    assert.equal((await lastEvent('dunning.paused'))!.customerId, 'cus_northwind');
    const forever = await post('cus_northwind/dunning/pause', { until: null });
    assert.deepEqual(await forever.json(), { dunningPausedUntil: '9999-12-31' });
    const resumed = await post('cus_northwind/dunning/resume');
    assert.deepEqual(await resumed.json(), { dunningPausedUntil: null });
    assert.deepEqual((await lastEvent('dunning.resumed'))!.actorId, 'stf_collector');
  });

  it('assigns a collector and takes them off', async () => {
    const res = await post('cus_globex/collector', { staffUserId: 'stf_collector' });
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(await res.json(), {
      collector: { id: 'stf_collector', name: 'Casey Collins', email: 'collector@acme.test' },
    });
    const row = await t.db.select().from(customers).where(eq(customers.id, 'cus_globex')).get();
    assert.equal(row!.collectorId, 'stf_collector');
    assert.deepEqual((await lastEvent('customer.collector_assigned'))!.data, { staffUserId: 'stf_collector' });
    const none = await post('cus_globex/collector', { staffUserId: null });
    assert.deepEqual(await none.json(), { collector: null });
    const mine = await post('cus_globex/collector', { staffUserId: 'me' });
    assert.equal(
      ((await mine.json()) as { collector: { id: string } }).collector.id,
      'stf_collector',
      '“me” is who acts',
    );
  });

  it('refuses a past date, a viewer as collector, bad input and unknown customers, writing nothing', async () => {
    const before = await writes();
    await refused(await post('cus_northwind/dunning/pause', { until: '2026-11-19' }), 422, 'invalid_request');
    await refused(await post('cus_northwind/dunning/pause', { until: '2026-02-30' }), 400, 'invalid_request');
    await refused(await post('cus_northwind/collector', { staffUserId: 'stf_viewer' }), 422, 'invalid_request');
    await refused(await post('cus_northwind/collector', { staffUserId: 'stf_nobody' }), 422, 'invalid_request');
    await refused(await post('cus_northwind/notes', { body: '   ' }), 400, 'invalid_request');
    await refused(await post('cus_nobody/notes', { body: 'Hello' }), 404, 'not_found');
    assert.deepEqual(await writes(), before);
    const row = await t.db.select().from(customers).where(eq(customers.id, 'cus_northwind')).get();
    assert.equal(row!.dunningPausedUntil, null);
    assert.equal(row!.collectorId, null);
  });

  it('refuses viewers and customers', async () => {
    const customer = await t.signIn('ap@northwind.test');
    const before = await writes();
    for (const token of [viewer, customer]) {
      await refused(await post('cus_northwind/notes', { body: 'Hi' }, token), 403, 'forbidden');
      await refused(await post('cus_northwind/dunning/resume', undefined, token), 403, 'forbidden');
      await refused(await post('cus_northwind/contacts', { email: 'x@northwind.test' }, token), 403, 'forbidden');
      const del = await t.call('DELETE', '/admin/customers/cus_northwind/contacts/con_northwind_1', { token });
      await refused(del, 403, 'forbidden');
    }
    assert.deepEqual(await writes(), before);
  });
});

describe('contacts and their access', () => {
  it('adds a contact, once', async () => {
    const res = await post('cus_northwind/contacts', { email: ' Pay@Northwind.test ', name: 'Pat', locale: 'fr_ca' });
    assert.equal(res.status, 201, await res.clone().text());
    const contact = (await res.json()) as CustomerContactView;
    assert.deepEqual([contact.email, contact.name, contact.locale], ['pay@northwind.test', 'Pat', 'fr-CA']);
    assert.equal((await lastEvent('customer.contact_added'))!.subjectId, contact.id);
    await refused(await post('cus_northwind/contacts', { email: 'pay@northwind.test' }), 409, 'conflict');
    await refused(await post('cus_northwind/contacts', { email: 'not an email' }), 400, 'invalid_request');
  });

  it('removing a contact ends their sessions and links', async () => {
    const added = (await (await post('cus_northwind/contacts', { email: 'temp@northwind.test' })).json()) as {
      id: string;
    };
    const session = await t.signIn('temp@northwind.test');
    assert.equal(await status(session), 200);
    const { token: unused } = await t.signInLink('temp@northwind.test');
    const res = await t.call('DELETE', `/admin/customers/cus_northwind/contacts/${added.id}`, { token: collector });
    assert.equal(res.status, 204, await res.clone().text());
    assert.equal(await status(session), 401, 'their next call is refused');
    const exchange = await t.call('POST', '/auth/sessions', { body: { token: unused } });
    assert.notEqual(exchange.status, 200, 'their open link no longer signs in');
    await exchange.arrayBuffer();
    const event = (await lastEvent('customer.contact_removed'))!;
    assert.equal(event.customerId, 'cus_northwind');
    assert.equal((event.data as { sessions: number }).sessions, 1);
    assert.ok((event.data as { links: number }).links >= 1);
    const again = await t.call('DELETE', `/admin/customers/cus_northwind/contacts/${added.id}`, { token: collector });
    await refused(again, 404, 'not_found');
  });

  it('a contact of another customer too keeps their session', async () => {
    const session = await t.signIn('bookkeeper@ledger.test');
    const res = await t.call('DELETE', '/admin/customers/cus_globex/contacts/con_globex_1', { token: collector });
    assert.equal(res.status, 204, await res.clone().text());
    assert.equal(await status(session), 200, 'still Initech’s contact');
    const other = await t.call('DELETE', '/admin/customers/cus_globex/contacts/con_initech_1', { token: collector });
    await refused(other, 404, 'not_found');
  });

  it('ends a contact’s sessions and open links', async () => {
    const session = await t.signIn('compta@lumiere.test');
    const res = await post('cus_lumiere/contacts/con_lumiere_1/sessions/end', undefined);
    assert.equal(res.status, 200, await res.clone().text());
    const ended = (await res.json()) as ContactAccessEnded;
    assert.equal(ended.sessions, 1);
    assert.equal(await status(session), 401);
    assert.equal((await lastEvent('customer.contact_sessions_ended'))!.customerId, 'cus_lumiere');
    const open = await t.db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.email, 'compta@lumiere.test'), isNull(sessions.revokedAt)))
      .get();
    assert.equal(Number(open!.n), 0);
  });
});

describe('links and statements by email', () => {
  it('emails a sign-in link that signs the contact in', async () => {
    const sent = t.mail.to('ap@northwind.test').length;
    const res = await post('cus_northwind/links', { contactId: 'con_northwind_1', kind: 'sign_in' });
    assert.equal(res.status, 202, await res.clone().text());
    assert.deepEqual(await res.json(), { sent: 1 });
    const event = (await lastEvent('customer.link_sent'))!;
    assert.deepEqual(event.data, { contact: 'ap@northwind.test', kind: 'sign_in' });
    assert.equal(event.customerId, 'cus_northwind');
    const token = await emailedToken('ap@northwind.test', sent);
    assert.doesNotMatch(JSON.stringify(event), new RegExp(token), 'the event never holds the token');
    assert.equal(await status(await signInWith(token)), 200);
  });

  it('emails Easy Pay links for open invoices, each with its PDF, that open only those invoices', async () => {
    const open = await t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.customerId, 'cus_northwind'), gt(invoices.balance, 0), isNull(invoices.voidedAt)))
      .orderBy(invoices.id)
      .all();
    const invoice = open[0]!;
    const sent = t.mail.to('ap@northwind.test').length;
    const before = (await outboxTo('ap@northwind.test', 'invoice')).length;
    const res = await post('cus_northwind/links', {
      contactId: 'con_northwind_1',
      kind: 'easy_pay',
      invoices: [invoice.id],
    });
    assert.equal(res.status, 202, await res.clone().text());
    const emails = await outboxTo('ap@northwind.test', 'invoice');
    assert.equal(emails.length, before + 1);
    assert.deepEqual(emails.at(-1)!.attachments, [{ type: 'invoice_pdf', invoiceId: invoice.id }]);
    assert.deepEqual((await lastEvent('customer.link_sent'))!.data, {
      contact: 'ap@northwind.test',
      kind: 'easy_pay',
      invoices: [invoice.number],
    });
    const session = await signInWith(await emailedToken('ap@northwind.test', sent));
    const info = (await (await t.call('GET', '/auth/session', { token: session })).json()) as {
      scope: { invoiceIds: string[] } | null;
    };
    assert.deepEqual(info.scope, { invoiceIds: [invoice.id] });
  });

  it('refuses unknown or another customer’s contacts and invoices, writing nothing', async () => {
    const globexInvoice = await t.db.select().from(invoices).where(eq(invoices.customerId, 'cus_globex')).get();
    const before = await writes();
    const cases = [
      { contactId: 'con_nobody', kind: 'sign_in' },
      { contactId: 'con_lumiere_1', kind: 'sign_in' },
      { contactId: 'con_northwind_1', kind: 'easy_pay', invoices: [globexInvoice!.id] },
      { contactId: 'con_northwind_1', kind: 'easy_pay', invoices: ['inv_nobody'] },
    ];
    for (const body of cases) await refused(await post('cus_northwind/links', body), 422, 'invalid_request');
    await refused(
      await post('cus_northwind/links', { contactId: 'con_northwind_1', kind: 'fax' }),
      400,
      'invalid_request',
    );
    await refused(await post('cus_northwind/statement/send', { contactId: 'con_lumiere_1' }), 422, 'invalid_request');
    await refused(
      await post('cus_northwind/statement/send', { from: '2026-10-01', to: '2026-09-01' }),
      400,
      'invalid_request',
    );
    assert.deepEqual(await writes(), before);
  });

  it('limits what staff may email one contact: 10 links or statements an hour, then 429 and nothing sent', async () => {
    const body = { contactId: 'con_initech_1', kind: 'sign_in' };
    let accepted = 0;
    for (let i = 0; i < 10; i += 1) {
      const res = await post('cus_initech/links', body);
      if (res.status === 202) accepted += 1;
      else assert.equal(res.status, 429, await res.text());
    }
    assert.ok(accepted >= 1, 'the first sends go out');
    const before = await writes();
    const res = await post('cus_initech/links', body);
    await refused(res, 429, 'rate_limited');
    assert.ok(Number(res.headers.get('Retry-After')) > 0, 'says when to try again');
    await refused(await post('cus_initech/statement/send', { contactId: 'con_initech_1' }), 429, 'rate_limited');
    assert.deepEqual(await writes(), before, 'no email, no event');
    const other = await post('cus_northwind/links', { contactId: 'con_northwind_1', kind: 'sign_in' });
    assert.equal(other.status, 202, 'another contact is not held back');
  });

  it('emails the statement to every contact, or to one', async () => {
    const res = await post('cus_globex/statement/send', {});
    assert.equal(res.status, 202, await res.clone().text());
    assert.deepEqual(await res.json(), { sent: 1 }, 'the bookkeeper was removed above');
    const [email] = await outboxTo('cfo@globex.test', 'statement');
    assert.match(email!.subject, /Globex/);
    const spec = email!.attachments![0]!;
    assert.equal(spec.type, 'statement_pdf');
    // The attachment as delivery renders it: a real PDF of the account's statement, in the reader's words.
    const file = await attachmentRenderers(t.deps.pdf).statement_pdf!(
      t.db,
      spec as never,
      t.clock.now(),
      'cfo@globex.test',
    );
    assert.equal(file.contentType, 'application/pdf');
    assert.match(file.filename, /^statement-Globex-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(Buffer.from(file.content).subarray(0, 5).toString(), '%PDF-');
    assert.match(email!.text, /Balance due: /);
    assert.match(email!.text, /Sign in to the customer portal/);
    const event = (await lastEvent('statement.sent'))!;
    assert.equal(event.customerId, 'cus_globex');
    assert.deepEqual((event.data as { recipients: string[] }).recipients, ['cfo@globex.test']);

    const one = await post('cus_lumiere/statement/send', { contactId: 'con_lumiere_1', from: '2026-01-01' });
    assert.equal(one.status, 202, await one.clone().text());
    const [french] = await outboxTo('compta@lumiere.test', 'statement');
    assert.match(french!.subject, /Relevé de compte/);
    assert.deepEqual((await lastEvent('statement.sent'))!.data.from, '2026-01-01');
  });
});
