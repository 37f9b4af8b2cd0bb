/**
 * What disputes refuse, over real HTTP on the demo data, each refusal with nothing written: files (a sixth,
 * one too large, one that is not an image or PDF whatever its name, none at all), steps on a dispute that is
 * no longer open, amounts beyond the line, the balance or the disputed amount, Easy Pay sessions and other
 * customers outside what they may see, staff assignments and roles, and two collectors deciding at once.
 * Beside them, what a dispute leaves payable: the undisputed rest is paid and asked for by reminders, and the
 * invoice list shows the dispute.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { AccountList, DisputeList, DisputeView, InvoiceList } from '../src/contract';
import { DAY } from '../src/clock';
import { DISPUTE_ATTACHMENT_MAX_BYTES } from '../src/contract';
import { disputes, events, invoices, staffUsers } from '../src/db/schema';
import { NORTHWIND, NORTHWIND_EMAIL, PNG, disputable, linesOf, openDispute, upload, written } from './disputes-support';
import { errorCode, ORIGIN, startTestServer, type TestServer } from './helpers';
import { DEACTIVATED, VIEWER, cardPayment, easyPaySession, staffWorld } from './route-matrix-world';

let t: TestServer;
let owner: string;
let collector: string;
let viewer: string;
let invoicesLeft: Awaited<ReturnType<typeof disputable>>;
/** Past due, disputed only by the payment test (before any reminder run). */
const OVERDUE = 'inv_inv1021';
/** Partly paid: its lines in full come to more than it still owes. */
let partlyPaid: typeof invoices.$inferSelect;

/** The next Northwind invoice nobody has disputed, oldest due first (so the first is past due). */
function nextInvoice() {
  const next = invoicesLeft.shift();
  assert.ok(next, 'the demo seed has no more Northwind invoices to dispute');
  return next;
}

/** Asserts the answer's status and error code (one of them, when several are right), and reads its body. */
async function refused(res: Response, status: number | number[], code: string | string[]) {
  const text = await res.clone().text();
  assert.ok([status].flat().includes(res.status), `expected ${status} ${code}, got ${res.status} ${text}`);
  assert.ok([code].flat().includes(await errorCode(res)), text);
}

/** Runs `act` and checks that no dispute, message, file, credit note or dispute event was written. */
async function nothingWritten(act: () => Promise<void>) {
  const before = await written(t);
  await act();
  assert.deepEqual(await written(t), before);
}

const post = (path: string, token: string, body?: unknown) => t.call('POST', path, { token, body });
const get = (path: string, token: string) => t.call('GET', path, { token });

before(async () => {
  t = await startTestServer({ env: { RESEND_COOLDOWN_SECONDS: '0', PAYMENT_ATTEMPTS_PER_HOUR: '1000' } });
  owner = await t.signIn(NORTHWIND_EMAIL);
  ({ collector, viewer } = await staffWorld(t));
  const rows = await t.db.select().from(invoices).where(eq(invoices.customerId, NORTHWIND)).all();
  invoicesLeft = (await disputable(t)).filter((i) => i.id !== OVERDUE);
  partlyPaid = rows.find((r) => r.balance > 0 && r.balance < r.total && invoicesLeft.some((i) => i.id === r.id))!;
  assert.ok(partlyPaid, 'a partly paid Northwind invoice without a dispute');
  invoicesLeft = invoicesLeft.filter((i) => i.id !== partlyPaid.id);
});
after(() => t?.close());

describe('files', () => {
  let dispute: DisputeView;
  before(async () => {
    dispute = await openDispute(t, owner, nextInvoice().id, 500);
  });
  const attach = (bytes: Uint8Array, name: string, options?: Parameters<typeof upload>[5]) =>
    upload(t, owner, dispute.id, bytes, name, options);

  it('refuses a file over 10 MB (413), at the body limit and just over the size', async () => {
    await nothingWritten(async () => {
      const eleven = new Uint8Array(11 * 1024 * 1024);
      eleven.set(PNG);
      await refused(await attach(eleven, 'big.png'), 413, 'attachment_too_large');
      const justOver = new Uint8Array(DISPUTE_ATTACHMENT_MAX_BYTES + 1);
      justOver.set(PNG);
      await refused(await attach(justOver, 'big.png'), 413, 'attachment_too_large');
    });
  });

  it('refuses HTML and an SVG renamed .png, whatever type the browser claimed (415)', async () => {
    await nothingWritten(async () => {
      const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      await refused(await attach(html, 'invoice.html', { type: 'text/html' }), 415, 'attachment_type_unsupported');
      await refused(await attach(svg, 'photo.png', { type: 'image/png' }), 415, 'attachment_type_unsupported');
      await refused(await attach(PNG.subarray(0, 4), 'cut.png'), 415, 'attachment_type_unsupported');
    });
  });

  it('refuses a form without a file, a file sent as text, a JSON body and an empty file', async () => {
    await nothingWritten(async () => {
      const form = new FormData();
      form.append('message', 'no file here');
      const send = (body: BodyInit, headers: Record<string, string> = {}) =>
        fetch(`${t.api}/disputes/${dispute.id}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${owner}`, origin: ORIGIN, ...headers },
          body,
        });
      await refused(await send(form), 400, 'invalid_request');
      const asText = new FormData();
      asText.append('file', 'iVBORw0KGgo=');
      await refused(await send(asText), 400, 'invalid_request');
      const json = JSON.stringify({ file: PNG.toString('base64') });
      await refused(await send(json, { 'content-type': 'application/json' }), 415, 'invalid_request');
      const empty = await attach(new Uint8Array(0), 'empty.png');
      // Said as such, not as a file of the wrong type.
      await refused(empty, [400, 422], 'invalid_request');
    });
  });

  it('refuses a `message` field that is not a message of this dispute, or is huge', async () => {
    const other = await openDispute(t, owner, nextInvoice().id, 300);
    await nothingWritten(async () => {
      const foreign = { fields: { message: other.messages[0]!.id } };
      await refused(await attach(PNG, 'a.png', foreign), [400, 422], 'invalid_request');
      const huge = { fields: { message: `dmsg_${'x'.repeat(2_000_000)}` } };
      await refused(await attach(PNG, 'a.png', huge), [400, 413], 'invalid_request');
    });
  });

  it('takes five files and refuses a sixth (409)', async () => {
    const first = await attach(PNG, 'one.png', { fields: { message: dispute.messages[0]!.id } });
    assert.equal(first.status, 201, await first.text());
    for (let i = 2; i <= 5; i++) assert.equal((await attach(PNG, `${i}.png`)).status, 201);
    await nothingWritten(async () => refused(await attach(PNG, 'six.png'), 409, 'attachment_limit'));
  });
});

describe('steps on a dispute that is no longer open', () => {
  it('refuses a reply, a file and a second withdrawal once withdrawn', async () => {
    const dispute = await openDispute(t, owner, nextInvoice().id, 400);
    const res = await post(`/disputes/${dispute.id}/withdraw`, owner);
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(((await res.json()) as DisputeView).status, 'withdrawn');
    await nothingWritten(async () => {
      await refused(await post(`/disputes/${dispute.id}/withdraw`, owner), 409, 'dispute_not_open');
      await refused(await post(`/disputes/${dispute.id}/messages`, owner, { body: 'Hello?' }), 409, 'dispute_not_open');
      await refused(await upload(t, owner, dispute.id, PNG, 'late.png'), 409, 'dispute_not_open');
      await refused(await post(`/admin/disputes/${dispute.id}/review`, collector), 409, 'dispute_not_open');
    });
  });

  it('refuses resolving, reviewing or withdrawing a rejected dispute', async () => {
    const dispute = await openDispute(t, owner, nextInvoice().id, 400);
    const rejected = await post(`/admin/disputes/${dispute.id}/reject`, collector, { reason: 'Delivered as ordered.' });
    assert.equal(rejected.status, 200, await rejected.text());
    await nothingWritten(async () => {
      const resolve = { creditAmount: 100, note: 'Changed our mind.' };
      await refused(await post(`/admin/disputes/${dispute.id}/resolve`, collector, resolve), 409, 'dispute_not_open');
      await refused(await post(`/admin/disputes/${dispute.id}/review`, collector), 409, 'dispute_not_open');
      await refused(await post(`/disputes/${dispute.id}/withdraw`, owner), 409, 'dispute_not_open');
    });
  });
});

describe('amounts', () => {
  it('refuses a credit above the disputed amount (422)', async () => {
    const dispute = await openDispute(t, owner, nextInvoice().id, 700);
    await nothingWritten(async () => {
      const res = await post(`/admin/disputes/${dispute.id}/resolve`, collector, { creditAmount: 701, note: 'All.' });
      await refused(res, 422, 'dispute_amount_too_large');
    });
    const exact = await post(`/admin/disputes/${dispute.id}/resolve`, collector, { creditAmount: 700, note: 'All.' });
    assert.equal(exact.status, 200, await exact.text());
  });

  it('refuses lines whose total is above the balance, and a quantity above the line’s (422)', async () => {
    const part = partlyPaid;
    const lines = await linesOf(t, part.id);
    const whole = lines.map((l) => ({ line: l.lineNo, reason: 'pricing', amount: l.amount + l.tax }));
    await nothingWritten(async () => {
      const res = await post('/disputes', owner, { invoice: part.id, lines: whole, message: 'All of it.' });
      await refused(res, 422, 'dispute_amount_too_large');
      const [line] = lines;
      const quantity = line!.quantityMilli / 1000 + 1;
      const tooMany = { line: line!.lineNo, reason: 'quantity', quantity, amount: 1 };
      const res2 = await post('/disputes', owner, { invoice: part.id, lines: [tooMany], message: 'Too many.' });
      await refused(res2, 422, 'dispute_amount_too_large');
      const paid = (await t.db.select().from(invoices).where(eq(invoices.customerId, NORTHWIND)).all()).find(
        (r) => r.balance === 0 && !r.voidedAt,
      )!;
      const res3 = await post('/disputes', owner, {
        invoice: paid.id,
        lines: [{ line: 1, reason: 'other', amount: 1 }],
        message: 'Paid, but still.',
      });
      await refused(res3, 409, 'invoice_not_disputable');
    });
  });
});

describe('who may see and act', () => {
  let dispute: DisputeView;
  before(async () => {
    dispute = await openDispute(t, owner, nextInvoice().id, 600);
    const res = await upload(t, owner, dispute.id, PNG, 'proof.png');
    assert.equal(res.status, 201);
    dispute = (await (await get(`/disputes/${dispute.id}`, owner)).json()) as DisputeView;
  });

  it('an Easy Pay session neither disputes nor reads outside its link, but disputes its own invoice', async () => {
    const own = nextInvoice();
    const easyPay = await easyPaySession(t, NORTHWIND_EMAIL, own);
    const outside = dispute.invoice;
    await nothingWritten(async () => {
      const body = { invoice: outside.id, lines: [{ line: 1, reason: 'other', amount: 1 }], message: 'x' };
      await refused(await post('/disputes', easyPay, body), 404, 'not_found');
      await refused(await get(`/disputes/${dispute.id}`, easyPay), 404, 'not_found');
      const file = `/disputes/${dispute.id}/attachments/${dispute.attachments[0]!.id}`;
      await refused(await get(file, easyPay), 404, 'not_found');
      await refused(await post(`/disputes/${dispute.id}/messages`, easyPay, { body: 'x' }), 404, 'not_found');
      await refused(await upload(t, easyPay, dispute.id, PNG, 'x.png'), 404, 'not_found');
      await refused(await post(`/disputes/${dispute.id}/withdraw`, easyPay), 404, 'not_found');
      const list = (await (await get(`/disputes?account=${NORTHWIND}`, easyPay)).json()) as DisputeList;
      assert.deepEqual(list.items, []);
    });
    const mine = await openDispute(t, easyPay, own.id, 100);
    assert.equal((await get(`/disputes/${mine.id}`, easyPay)).status, 200);
  });

  it('serves a file only under its own dispute', async () => {
    // The demo's dispute, of the same account.
    const file = `/disputes/dsp_demo1/attachments/${dispute.attachments[0]!.id}`;
    await refused(await get(file, owner), 404, 'not_found');
    await refused(await get(`/admin${file}`, collector), 404, 'not_found');
  });

  it('another customer’s dispute does not exist for a customer', async () => {
    const globex = await t.signIn('cfo@globex.test');
    await nothingWritten(async () => {
      await refused(await get(`/disputes/${dispute.id}`, globex), 404, 'not_found');
      await refused(
        await get(`/disputes/${dispute.id}/attachments/${dispute.attachments[0]!.id}`, globex),
        404,
        'not_found',
      );
      await refused(await post(`/disputes/${dispute.id}/messages`, globex, { body: 'x' }), 404, 'not_found');
      await refused(await post(`/disputes/${dispute.id}/withdraw`, globex), 404, 'not_found');
      await refused(await upload(t, globex, dispute.id, PNG, 'x.png'), 404, 'not_found');
      await refused(await get(`/disputes?account=${NORTHWIND}`, globex), 404, 'not_found');
    });
  });

  it('assigns only to an active admin or collector (422 for a viewer, a deactivated user, nobody known)', async () => {
    await nothingWritten(async () => {
      for (const staffUserId of [VIEWER.id, DEACTIVATED.id, 'stf_nobody']) {
        const res = await post(`/admin/disputes/${dispute.id}/assign`, collector, { staffUserId });
        await refused(res, 422, 'assignee_invalid');
      }
    });
  });

  it('“me” assigns the dispute to the staff member acting, as a collector cannot read the staff list', async () => {
    const res = await post(`/admin/disputes/${dispute.id}/assign`, collector, { staffUserId: 'me' });
    assert.equal(res.status, 200, await res.clone().text());
    const view = (await res.json()) as { assignee: { name: string } | null; accountName: string };
    assert.equal(view.assignee?.name, 'Casey Collins');
    assert.equal(view.accountName, 'Northwind Traders');
    const unassigned = await post(`/admin/disputes/${dispute.id}/assign`, collector, { staffUserId: null });
    assert.equal(((await unassigned.json()) as { assignee: unknown }).assignee, null);
  });

  it('a viewer reads but neither resolves, reviews, assigns nor replies (403)', async () => {
    assert.equal((await get(`/admin/disputes/${dispute.id}`, viewer)).status, 200);
    await nothingWritten(async () => {
      const base = `/admin/disputes/${dispute.id}`;
      await refused(await post(`${base}/resolve`, viewer, { creditAmount: 1, note: 'x' }), 403, 'forbidden');
      await refused(await post(`${base}/reject`, viewer, { reason: 'x' }), 403, 'forbidden');
      await refused(await post(`${base}/review`, viewer), 403, 'forbidden');
      await refused(await post(`${base}/assign`, viewer, { staffUserId: null }), 403, 'forbidden');
      await refused(await post(`${base}/messages`, viewer, { body: 'x', internal: true }), 403, 'forbidden');
    });
  });
});

describe('two collectors deciding at once', () => {
  it('lets exactly one resolve win: one 200, one 409, one credit note', async () => {
    await t.db
      .insert(staffUsers)
      .values({
        id: 'stf_second',
        email: 'second@acme.test',
        name: 'Sam Second',
        role: 'collector',
        createdAt: t.clock.now(),
      })
      .run();
    const second = await t.signIn('second@acme.test', 'staff');
    const invoice = nextInvoice();
    for (let round = 0; round < 3; round++) {
      const dispute = await openDispute(t, owner, invoice.id, 800);
      const before = await written(t);
      const answers = await Promise.all(
        [collector, second].map((token, i) =>
          post(`/admin/disputes/${dispute.id}/resolve`, token, { creditAmount: 300 + i, note: `Credit ${i}` }),
        ),
      );
      const texts = await Promise.all(answers.map((r) => r.text()));
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409], texts.join('\n'));
      assert.match(
        texts.find((_, i) => answers[i]!.status === 409)!,
        /"dispute_not_open"/,
      );
      const after = await written(t);
      assert.equal(after.creditNotes, before.creditNotes + 1);
      assert.equal(after.disputes, before.disputes);
    }
  });
});

describe('customers racing', () => {
  let raced: string;
  it('two disputes of one invoice at once: one 201, one 409 invoice_disputed', async () => {
    const invoice = nextInvoice();
    const body = { invoice: invoice.id, lines: [{ line: 1, reason: 'damaged', amount: 100 }], message: 'Broken.' };
    const answers = await Promise.all([post('/disputes', owner, body), post('/disputes', owner, body)]);
    const texts = await Promise.all(answers.map((r) => r.text()));
    assert.deepEqual(answers.map((r) => r.status).sort(), [201, 409], texts.join('\n'));
    assert.match(
      texts.find((_, i) => answers[i]!.status === 409)!,
      /"invoice_disputed"/,
    );
    const rows = await t.db.select().from(disputes).where(eq(disputes.invoiceId, invoice.id)).all();
    assert.equal(rows.length, 1);
    raced = rows[0]!.id;
  });

  it('eight files at once on a dispute without any: five taken, three refused (409 attachment_limit)', async () => {
    const dispute = raced;
    const before = (await (await get(`/disputes/${dispute}`, owner)).json()) as DisputeView;
    const room = 5 - before.attachments.length;
    assert.ok(room > 1, `the dispute has room for files: ${before.attachments.length}`);
    const answers = await Promise.all(
      Array.from({ length: room + 3 }, (_, i) => upload(t, owner, dispute, PNG, `race-${i}.png`)),
    );
    const texts = await Promise.all(answers.map((r) => r.text()));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array(room).fill(201), 409, 409, 409], texts.join('\n'));
    const after = (await (await get(`/disputes/${dispute}`, owner)).json()) as DisputeView;
    assert.equal(after.attachments.length, 5);
  });
});

describe('paying around a dispute', () => {
  it('reminders ask only for the undisputed part; it is paid and the dispute stays open; the list shows it', async () => {
    // Dispute the oldest past-due invoice before any reminder run.
    const [overdue] = await t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.customerId, NORTHWIND), eq(invoices.id, OVERDUE)))
      .all();
    assert.ok(overdue && overdue.balance > 0 && overdue.dueDate < '2026-11-20', 'INV-1021 is past due and unpaid');
    const disputed = 2_000;
    const dispute = await openDispute(t, owner, overdue.id, disputed);
    assert.equal(dispute.undisputed, overdue.balance - disputed);

    // The reminder run of the next morning, company time, as the dunning tests run it.
    t.clock.advance(DAY);
    await t.worker.runDue();
    owner = await t.signIn(NORTHWIND_EMAIL);
    const reminders = await t.db
      .select({ data: events.data })
      .from(events)
      .where(eq(events.type, 'reminder.sent'))
      .all();
    const asked = reminders
      .flatMap((e) => (e.data as { invoices: { id: string; asked: number }[] }).invoices)
      .filter((i) => i.id === overdue.id);
    assert.ok(asked.length > 0, 'a reminder names the disputed invoice');
    for (const a of asked) assert.equal(a.asked, overdue.balance - disputed);

    const pay = await t.call('POST', '/payments', {
      token: owner,
      body: cardPayment(overdue.id, overdue.balance - disputed),
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.ok(pay.status === 200 || pay.status === 201, await pay.text());
    const after = (await (await get(`/disputes/${dispute.id}`, owner)).json()) as DisputeView;
    assert.equal(after.status, 'open');
    assert.equal(after.invoice.balance, disputed);
    assert.equal(after.undisputed, 0);
    const row = await t.db.select().from(disputes).where(eq(disputes.id, dispute.id)).get();
    assert.equal(row!.status, 'open');

    const tab = (await (await get(`/invoices?account=${NORTHWIND}&status=disputed`, owner)).json()) as InvoiceList;
    const listed = tab.items.find((i) => i.id === overdue.id);
    assert.ok(listed, 'the disputed tab lists the invoice');
    assert.deepEqual(listed.dispute, { id: dispute.id, status: 'open', amount: disputed });
    for (const item of tab.items) {
      assert.equal(item.status, 'disputed', `${item.number} in the disputed tab`);
      assert.ok(item.dispute, `${item.number} has its dispute`);
    }
    const accounts = (await (await get('/accounts', owner)).json()) as AccountList;
    const northwind = accounts.items.find((a) => a.id === NORTHWIND)!;
    assert.equal(northwind.counts.disputed, tab.items.length, 'the disputed tab’s count');
    const all = (await (await get(`/invoices?account=${NORTHWIND}&status=all`, owner)).json()) as InvoiceList;
    for (const item of all.items) assert.equal(item.status === 'disputed', item.dispute !== null, item.number);
  });
});
