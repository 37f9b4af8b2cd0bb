/**
 * Disputes over real HTTP on the demo data: a customer disputes two lines of a Northwind invoice with
 * a photo, the invoice shows the dispute and what is undisputed, the thread, a collector takes it up
 * and resolves it with a partial credit note (balance, statement, emails); and every refusal, with
 * nothing written.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, gt } from 'drizzle-orm';
import type {
  AccountList,
  DisputeAttachmentView,
  DisputeList,
  DisputeView,
  ErpCreditNoteFeed,
  ErpDisputeFeed,
  InvoiceDetail,
  Statement,
} from '../src/contract';
import { createErpKey } from '../src/domain/erp';
import { createWebhookEndpoint, webhookPayload } from '../src/domain/erp/webhooks';
import { systemActor } from '../src/domain/events';
import { emailOutbox, erpWebhookDeliveries, invoices } from '../src/db/schema';
import { errorCode, startTestServer, type TestServer } from './helpers';
import {
  NORTHWIND,
  NORTHWIND_EMAIL as EMAIL,
  PNG,
  disputable as disputableOf,
  openDispute as openDisputeOf,
  linesOf as linesIn,
  upload as uploadAs,
  written as writtenIn,
} from './disputes-support';

let t: TestServer;
let token: string;
let collector: string;
let viewer: string;

const disputable = () => disputableOf(t);
const linesOf = (invoiceId: string) => linesIn(t, invoiceId);
const written = () => writtenIn(t);
const upload = (id: string, bytes: Uint8Array, name: string) => uploadAs(t, token, id, bytes, name);

const outbox = (kind: string) =>
  t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, kind)).orderBy(asc(emailOutbox.createdAt)).all();

before(async () => {
  t = await startTestServer();
  token = await t.signIn(EMAIL);
  collector = await t.signIn('collector@acme.test', 'staff');
  viewer = '';
  // An endpoint for every event, so each dispute step queues its delivery.
  await t.db.transaction((tx) =>
    createWebhookEndpoint(tx, { url: 'https://erp.shop.test/hooks', events: [] }, systemActor, t.clock.now()),
  );
});
after(() => t.close());

describe('a dispute from opening to resolution', () => {
  let dispute: DisputeView;
  let invoice: { id: string; number: string; balance: number };

  it('opens a dispute of two lines: the view, the invoice disputed, the emails', async () => {
    [invoice] = (await disputable()) as [typeof invoice];
    const [one, two] = await linesOf(invoice.id);
    const first = Math.min(one!.amount + one!.tax, 5_000);
    const second = Math.min(two!.amount + two!.tax, 2_500);
    const res = await t.call('POST', '/disputes', {
      token,
      body: {
        invoice: invoice.id,
        lines: [
          { line: one!.lineNo, reason: 'damaged', amount: first, note: 'Crushed' },
          { line: two!.lineNo, reason: 'pricing', quantity: 1, amount: second },
        ],
        message: 'Two problems with this delivery.',
      },
    });
    assert.equal(res.status, 201, await res.clone().text());
    dispute = (await res.json()) as DisputeView;
    assert.match(dispute.id, /^dsp_/);
    assert.equal(dispute.status, 'open');
    assert.equal(dispute.amount, first + second);
    assert.equal(dispute.undisputed, invoice.balance - first - second);
    assert.deepEqual(
      dispute.lines.map((l) => [l.line, l.reason, l.amount, l.quantity]),
      [
        [one!.lineNo, 'damaged', first, null],
        [two!.lineNo, 'pricing', second, 1],
      ],
    );
    assert.equal(dispute.messages.length, 1);
    assert.equal(dispute.messages[0]!.author.type, 'customer');
    assert.equal(dispute.openedBy, EMAIL);

    const detail = (await (await t.call('GET', `/invoices/${invoice.number}`, { token })).json()) as InvoiceDetail;
    assert.equal(detail.status, 'disputed');
    assert.deepEqual(detail.dispute, { id: dispute.id, status: 'open', amount: first + second });

    const [received] = await outbox('dispute.opened');
    assert.equal(received!.to, EMAIL);
    assert.match(received!.text, new RegExp(invoice.number));
    const notices = await outbox('dispute.notice');
    // Damaged → shipping, pricing → sales, and the account's collector (every collector: none is set).
    assert.deepEqual(notices.map((n) => n.to).sort(), ['collector@acme.test', 'sales@acme.test', 'shipping@acme.test']);
  });

  it('takes a photo, and serves it only as a download', async () => {
    const res = await upload(dispute.id, PNG, '../../photo of box.png');
    assert.equal(res.status, 201, await res.clone().text());
    const file = (await res.json()) as DisputeAttachmentView;
    assert.equal(file.type, 'image/png');
    assert.equal(file.name, 'photo of box.png');
    assert.equal(file.size, PNG.byteLength);
    const got = await t.call('GET', `/disputes/${dispute.id}/attachments/${file.id}`, { token });
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.match(got.headers.get('content-disposition')!, /^attachment; filename="photo_of_box.png"/);
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.match(got.headers.get('content-security-policy')!, /default-src 'none'; sandbox/);
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), PNG);
    const staff = await t.call('GET', `/disputes/${dispute.id}/attachments/${file.id}`, { token: collector });
    assert.equal(staff.status, 200);
    await staff.arrayBuffer();
  });

  it('refuses a file that is not an image or PDF by its bytes, whatever its name', async () => {
    const before = await written();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const res = await upload(dispute.id, svg, 'cat.png');
    assert.equal(res.status, 415);
    assert.equal(await errorCode(res), 'attachment_type_unsupported');
    const html = await upload(dispute.id, Buffer.from('<html><body>hi</body></html>'), 'cat.png');
    assert.equal(html.status, 415);
    await html.arrayBuffer();
    assert.deepEqual(await written(), before);
  });

  it('threads a reply, then a collector reviews, replies and resolves with a partial credit', async () => {
    const reply = await t.call('POST', `/disputes/${dispute.id}/messages`, { token, body: { body: 'Any news?' } });
    assert.equal(reply.status, 201);
    await reply.arrayBuffer();

    t.clock.advance(60_000);
    const review = await t.call('POST', `/admin/disputes/${dispute.id}/review`, { token: collector });
    assert.equal(review.status, 200, await review.clone().text());
    assert.equal(((await review.json()) as DisputeView).status, 'under_review');

    const note = await t.call('POST', `/admin/disputes/${dispute.id}/messages`, {
      token: collector,
      body: { body: 'Checked with the warehouse.', internal: true },
    });
    assert.equal(note.status, 201);
    await note.arrayBuffer();
    const seen = (await (await t.call('GET', `/disputes/${dispute.id}`, { token })).json()) as DisputeView;
    assert.ok(!seen.messages.some((m) => m.internal), 'the customer never sees an internal note');
    const staffView = (await (
      await t.call('GET', `/admin/disputes/${dispute.id}`, { token: collector })
    ).json()) as DisputeView;
    assert.ok(staffView.messages.some((m) => m.internal));

    t.clock.advance(60_000);
    const credit = Math.floor(dispute.amount / 2);
    const res = await t.call('POST', `/admin/disputes/${dispute.id}/resolve`, {
      token: collector,
      body: { creditAmount: credit, note: 'We credit half of it.' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const resolved = (await res.json()) as DisputeView;
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.resolution!.creditAmount, credit);
    assert.equal(resolved.invoice.balance, invoice.balance - credit);
    assert.equal(resolved.undisputed, invoice.balance - credit);
    assert.deepEqual(
      resolved.messages.filter((m) => m.author.type === 'system').map((m) => m.body),
      ['under_review', 'resolved'],
    );

    const statement = (await (await t.call('GET', `/statement?account=${NORTHWIND}`, { token })).json()) as Statement;
    assert.ok(
      statement.lines.some((l) => l.type === 'credit' && l.reference === resolved.resolution!.creditNoteNumber),
    );
    assert.ok(!statement.disputed.items.some((d) => d.disputeId === dispute.id));
    const emails = await outbox('dispute.resolved');
    assert.equal(emails.length, 1);
    assert.equal(emails[0]!.to, EMAIL);

    const again = await t.call('POST', `/disputes/${dispute.id}/messages`, { token, body: { body: 'Thanks' } });
    assert.equal(again.status, 409);
    assert.equal(await errorCode(again), 'dispute_not_open');
  });

  it('lists the account’s disputes, newest first', async () => {
    const res = await t.call('GET', `/disputes?account=${NORTHWIND}`, { token });
    const list = (await res.json()) as DisputeList;
    assert.equal(list.items[0]!.id, dispute.id);
    assert.ok(list.items.some((d) => d.id === 'dsp_demo1'));
  });
});

describe('a dispute whose invoice was paid in full meanwhile', () => {
  it('resolves with the credit on the account, on a credit note of no invoice', async () => {
    const [invoice] = await disputable();
    const dispute = await openDisputeOf(t, token, invoice!.id, 1_500);
    const paid = await t.call('POST', '/payments', {
      token,
      headers: { 'idempotency-key': `whole-${invoice!.id}` },
      body: {
        account: NORTHWIND,
        allocations: [{ invoiceId: invoice!.id, amount: invoice!.balance }],
        method: 'card',
        paymentMethod: 'tok_visa',
      },
    });
    assert.equal(paid.status, 201, await paid.clone().text());
    await paid.arrayBuffer();
    await t.worker.runDue();
    const accounts = async () =>
      ((await (await t.call('GET', '/accounts', { token })).json()) as AccountList).items.find(
        (a) => a.id === NORTHWIND,
      )!;
    const before = await accounts();
    const res = await t.call('POST', `/admin/disputes/${dispute.id}/resolve`, {
      token: collector,
      body: { creditAmount: 1_500, note: 'Credited to your account.' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const resolved = (await res.json()) as DisputeView;
    assert.equal(resolved.resolution!.creditAmount, 1_500);
    assert.equal(resolved.invoice.balance, 0);
    assert.equal(resolved.resolution!.accountCredit, 1_500);
    assert.equal((await accounts()).credit, before.credit + resolved.resolution!.accountCredit);
  });
});

describe('the ERP sees disputes and credit notes', () => {
  const erp = async (path: string) => {
    const key = await createErpKey(t.db, `feed ${path}`, systemActor, t.clock.now());
    const res = await fetch(`${t.api}/erp/${path}`, { headers: { authorization: `Bearer ${key.key}` } });
    assert.equal(res.status, 200);
    return res.json();
  };

  it('feeds the disputes, decided ones with their credit note, and the credit notes', async () => {
    const disputeFeed = (await erp('disputes?limit=100')) as ErpDisputeFeed;
    const resolved = disputeFeed.items.find((d) => d.status === 'resolved')!;
    assert.ok(resolved, 'the resolved dispute is in the feed');
    assert.equal(resolved.customerId, NORTHWIND);
    assert.ok(!('messages' in resolved), 'the thread stays out of the ERP');
    const notes = (await erp('credit-notes?limit=100')) as ErpCreditNoteFeed;
    const note = notes.items.find((n) => n.id === resolved.resolution!.creditNoteId)!;
    assert.equal(note.disputeId, resolved.id);
    assert.equal(note.amount, resolved.resolution!.creditAmount);
    assert.equal(note.invoice!.id, resolved.invoice.id);
  });

  it('delivers dispute.* and credit_note.created webhooks with the subject as the feeds show it', async () => {
    const rows = await t.db.select().from(erpWebhookDeliveries).orderBy(asc(erpWebhookDeliveries.eventId)).all();
    const types = rows.map((r) => r.type);
    for (const type of ['dispute.opened', 'dispute.resolved', 'credit_note.created'])
      assert.ok(types.includes(type), type);
    assert.ok(!types.includes('dispute.message'), 'the thread is not an ERP event');
    const opened = await webhookPayload(
      t.db,
      rows.find((r) => r.type === 'dispute.opened')!,
    );
    assert.match(opened.data.dispute!.id, /^dsp_/);
    const credit = await webhookPayload(
      t.db,
      rows.find((r) => r.type === 'credit_note.created')!,
    );
    assert.ok(credit.data.creditNote!.number.startsWith('CN-'));
  });
});

describe('refusals, with nothing written', () => {
  it('refuses bad lines and amounts, a second dispute, a paid invoice, another customer’s', async () => {
    const [invoice] = await disputable();
    const [one] = await linesOf(invoice!.id);
    const most = one!.amount + one!.tax;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ lines: [{ line: 999, reason: 'other', amount: 1 }] }, 422, 'dispute_line_invalid'],
      [
        {
          lines: [
            { line: one!.lineNo, reason: 'other', amount: 1 },
            { line: one!.lineNo, reason: 'tax', amount: 1 },
          ],
        },
        422,
        'dispute_line_invalid',
      ],
      [{ lines: [{ line: one!.lineNo, reason: 'other', amount: most + 1 }] }, 422, 'dispute_amount_too_large'],
      [{ lines: [{ line: one!.lineNo, reason: 'other', amount: 0 }] }, 400, 'invalid_request'],
      [{ lines: [{ line: one!.lineNo, reason: 'other', amount: -5 }] }, 400, 'invalid_request'],
      [{ lines: [{ line: one!.lineNo, reason: 'wrong', amount: 5 }] }, 400, 'invalid_request'],
      [{ lines: [{ line: one!.lineNo, reason: 'other', amount: 5 }], message: '' }, 400, 'invalid_request'],
      [{ invoice: 'inv_nope' }, 404, 'not_found'],
      [{ invoice: 'inv_inv1029' }, 409, 'invoice_disputed'],
    ];
    const before = await written();
    for (const [patch, status, code] of cases) {
      const res = await t.call('POST', '/disputes', {
        token,
        body: {
          invoice: invoice!.id,
          lines: [{ line: one!.lineNo, reason: 'other', amount: 1 }],
          message: 'x',
          ...patch,
        },
      });
      assert.equal(res.status, status, `${JSON.stringify(patch)}: ${await res.clone().text()}`);
      assert.equal(await errorCode(res), code);
    }
    const globex = await t.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.customerId, 'cus_globex'), gt(invoices.balance, 0)))
      .get();
    const other = await t.call('POST', '/disputes', {
      token,
      body: { invoice: globex!.id, lines: [{ line: 1, reason: 'other', amount: 1 }], message: 'x' },
    });
    assert.equal(other.status, 404);
    await other.arrayBuffer();
    assert.deepEqual(await written(), before);
  });

  it('keeps viewers and customers off the staff actions', async () => {
    const asCustomer = await t.call('POST', '/admin/disputes/dsp_demo1/review', { token });
    assert.equal(asCustomer.status, 403);
    await asCustomer.arrayBuffer();
    void viewer;
  });
});
