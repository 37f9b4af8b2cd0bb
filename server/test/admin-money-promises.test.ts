/**
 * Promises taken by phone in the staff console (issue 13), over HTTP: the customer's own rules, taken by
 * the staff member, with its jobs, event, webhook and confirmation email; and the promises queue.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import type { AdminPromisePage, PromiseView } from '../src/contract';
import { emailOutbox, erpWebhookDeliveries, events, jobs, promises } from '../src/db/schema';
import { addDays } from '../src/domain/dates';
import {
  collector,
  CONTACTS,
  CUSTOMER,
  customerToken,
  invoice,
  OTHER,
  refused,
  t,
  today,
  useMoneyServer,
  viewer,
  writes,
} from './admin-money-support';

useMoneyServer(async () => {
  inv.a = await invoice(CUSTOMER, 'CR-1', -30, 10_000);
  inv.b = await invoice(CUSTOMER, 'CR-2', -5, 20_000);
  inv.c = await invoice(CUSTOMER, 'CR-3', 15, 30_000);
  inv.other = await invoice(OTHER, 'OC-1', -5, 10_000);
});

const inv = { a: '', b: '', c: '', other: '' };

const post = (path: string, body: unknown, token = collector) =>
  t.call('POST', `/admin/customers/${CUSTOMER}/${path}`, { token, body });

describe('POST /admin/customers/:id/promises', () => {
  it('records a promise taken by phone from a contact, emailed to that contact', async () => {
    const res = await post('promises', {
      invoices: [{ invoiceId: inv.a }, { invoiceId: inv.b, amount: 5_000 }],
      promisedDate: addDays(today(), 5),
      contactId: 'con_money_1',
      note: 'Promised on the phone.',
    });
    assert.equal(res.status, 201, await res.clone().text());
    const promise = (await res.json()) as PromiseView;
    assert.equal(promise.amount, 15_000);
    assert.equal(promise.status, 'open');
    assert.equal(promise.createdBy, CONTACTS[0]);
    assert.equal(promise.autopay, null);
    const row = (await t.db.select().from(promises).where(eq(promises.id, promise.id)).get())!;
    assert.equal(row.takenBy, 'stf_collector');
    const created = (await t.db.select().from(events).where(eq(events.subjectId, promise.id)).all())[0]!;
    assert.equal(created.type, 'promise.created');
    assert.equal(created.actorType, 'staff');
    assert.equal(created.actorId, 'stf_collector');
    const hooks = await t.db
      .select()
      .from(erpWebhookDeliveries)
      .where(eq(erpWebhookDeliveries.eventId, created.id))
      .all();
    assert.equal(hooks.length, 1);
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'promise.confirmation')).all();
    assert.deepEqual(
      mails.map((m) => m.to),
      [CONTACTS[0]],
    );
    const queued = await t.db
      .select({ type: jobs.type })
      .from(jobs)
      .where(inArray(jobs.type, ['promise.verdict']))
      .all();
    assert.equal(queued.length, 1);
  });

  it('refuses what the customer’s own promise refuses, writing nothing', async () => {
    const before = await writes();
    const date = addDays(today(), 5);
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.a }], promisedDate: date }),
      409,
      'invoice_promised',
    );
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.c }], promisedDate: today() }),
      422,
      'promise_date_out_of_range',
    );
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.c }], promisedDate: addDays(today(), 400) }),
      422,
      'promise_date_out_of_range',
    );
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.c, amount: 30_001 }], promisedDate: date }),
      422,
      'promise_amount_too_large',
    );
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.other }], promisedDate: date }),
      404,
      'not_found',
    );
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.c }], promisedDate: date, contactId: 'con_other_1' }),
      422,
      'invalid_request',
    );
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.c }, { invoiceId: inv.c }], promisedDate: date }),
      400,
      'invalid_request',
    );
    await refused(
      await post('promises', { invoices: [{ invoiceId: inv.c }], promisedDate: date }, viewer),
      403,
      'forbidden',
    );
    assert.deepEqual(await writes(), before);
  });

  it('lists promises for staff with who took them; due this week', async () => {
    // Newest first: the customer's promise comes a second after the phone one.
    t.clock.advance(1_000);
    const own = await t.call('POST', '/promises', {
      token: customerToken,
      body: { account: CUSTOMER, invoices: [inv.c], amount: 1_000, promisedDate: addDays(today(), 20) },
    });
    assert.equal(own.status, 201, await own.clone().text());
    const res = await t.call('GET', `/admin/promises?customer=${CUSTOMER}`, { token: viewer });
    assert.equal(res.status, 200, await res.clone().text());
    const page = (await res.json()) as AdminPromisePage;
    assert.deepEqual(
      page.items.map((p) => [p.source, p.takenBy, p.customer.name]),
      [
        ['customer', null, 'Moneypenny Ltd'],
        ['staff', 'Casey Collins', 'Moneypenny Ltd'],
      ],
    );
    const week = (await (
      await t.call('GET', '/admin/promises?due=this_week', { token: viewer })
    ).json()) as AdminPromisePage;
    assert.ok(week.items.every((p) => p.status === 'open' && p.promisedDate <= addDays(today(), 7)));
    assert.ok(week.items.some((p) => p.source === 'staff'));
    const paged = (await (
      await t.call('GET', `/admin/promises?customer=${CUSTOMER}&limit=1`, { token: viewer })
    ).json()) as AdminPromisePage;
    assert.equal(paged.items.length, 1);
    const rest = (await (
      await t.call('GET', `/admin/promises?customer=${CUSTOMER}&limit=1&cursor=${paged.nextCursor}`, { token: viewer })
    ).json()) as AdminPromisePage;
    assert.equal(rest.items[0]!.source, 'staff');
    await refused(await t.call('GET', '/admin/promises?due=someday', { token: viewer }), 400, 'invalid_request');
    await refused(await t.call('GET', '/admin/promises', { token: customerToken }), 403, 'forbidden');
  });
});
