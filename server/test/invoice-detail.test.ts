import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDFParse } from 'pdf-parse';
import type { InvoiceDetail, InvoiceList } from '../src/contract';
import { testConfig } from '../src/config';
import { receiptNumber } from '../src/domain/payments';
import { createSession } from '../src/domain/auth/sessions';
import { errorCode, startTestServer, type TestServer } from './helpers';

let t: TestServer;
let northwind: string;

async function detail(token: string, idOrNumber: string): Promise<InvoiceDetail> {
  const res = await t.call('GET', `/invoices/${encodeURIComponent(idOrNumber)}`, { token });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as InvoiceDetail;
}

describe('one invoice in full', () => {
  before(async () => {
    t = await startTestServer({ now: '2026-11-20T15:00:00Z' });
    northwind = await t.signIn('ap@northwind.test');
  });
  after(() => t.close());

  it('finds an invoice by number or by id, with lines that add up to its totals', async () => {
    const byNumber = await detail(northwind, 'INV-1023');
    const byId = await detail(northwind, byNumber.id);
    assert.deepEqual(byId, byNumber);
    assert.equal(byNumber.accountName, 'Northwind Traders');
    assert.ok(byNumber.lines.length >= 2);
    assert.equal(
      byNumber.lines.reduce((s, l) => s + l.amount, 0),
      byNumber.subtotal,
    );
    assert.equal(
      byNumber.lines.reduce((s, l) => s + l.tax, 0),
      byNumber.taxTotal,
    );
    assert.equal(byNumber.subtotal + byNumber.taxTotal, byNumber.total);
    for (const line of byNumber.lines) assert.equal(line.amount, Math.round(line.quantity * line.unitPrice));
  });

  it('shows the partial payment applied, the balance left, and the history', async () => {
    const invoice = await detail(northwind, 'INV-1023');
    assert.equal(invoice.status, 'past_due');
    assert.equal(invoice.payments.length, 1);
    assert.equal(invoice.payments[0]!.amount, invoice.amountPaid);
    assert.equal(invoice.balance, invoice.total - invoice.amountPaid - invoice.amountCredited);
    assert.deepEqual(
      invoice.history.map((h) => h.type),
      ['invoice.created', 'payment.applied'],
    );
    assert.match(invoice.history[1]!.label, /^Payment of \$[\d,]+\.\d\d applied$/);
  });

  it('shows a credit note applied and an open dispute', async () => {
    const credited = await detail(northwind, 'INV-1028');
    assert.deepEqual(
      credited.credits.map((c) => [c.number, c.amount]),
      [['CN-2001', 4_250]],
    );
    assert.equal(credited.amountCredited, 4_250);
    assert.ok(credited.history.some((h) => h.type === 'credit.applied'));
    const disputed = await detail(northwind, 'INV-1029');
    assert.equal(disputed.status, 'disputed');
    assert.equal(disputed.dispute?.id, 'dsp_demo1');
    assert.equal(disputed.dispute?.status, 'open');
    assert.ok(disputed.dispute!.amount > 0 && disputed.dispute!.amount < disputed.balance);
    assert.deepEqual(
      disputed.disputes.map((d) => d.id),
      ['dsp_demo1'],
    );
    assert.ok(disputed.history.some((h) => h.type === 'dispute.opened'));
  });

  it("answers 404 for another customer's invoice by id or number, and for nonsense", async () => {
    const globexToken = await t.signIn('cfo@globex.test');
    const [globexInvoice] = ((await (await t.call('GET', '/invoices', { token: globexToken })).json()) as InvoiceList)
      .items;
    for (const idOrNumber of [
      globexInvoice!.id,
      globexInvoice!.number,
      'INV-99999',
      'x'.repeat(500),
      '..%2F..%2Fetc',
    ]) {
      for (const suffix of ['', '/pdf']) {
        const res = await t.call('GET', `/invoices/${encodeURIComponent(idOrNumber)}${suffix}`, { token: northwind });
        assert.equal(res.status, 404, `${idOrNumber}${suffix}`);
        assert.equal(await errorCode(res), 'not_found');
      }
    }
  });

  it('lets an Easy Pay session see only the invoices of its link', async () => {
    const inList = await detail(northwind, 'INV-1024');
    const { token } = await t.db.transaction((tx) =>
      createSession(
        tx,
        testConfig(),
        {
          audience: 'customer',
          email: 'ap@northwind.test',
          staffUserId: null,
          scopeInvoiceIds: [inList.id],
          linkId: null,
        },
        t.clock.now(),
      ),
    );
    assert.equal((await detail(token, 'INV-1024')).id, inList.id);
    assert.equal((await t.call('GET', '/invoices/INV-1025', { token })).status, 404);
    const list = (await (await t.call('GET', '/invoices?status=all', { token })).json()) as InvoiceList;
    assert.deepEqual(
      list.items.map((i) => i.number),
      ['INV-1024'],
    );
    assert.equal((await t.call('GET', '/statement', { token })).status, 403);
    const accounts = (await (await t.call('GET', '/accounts', { token })).json()) as {
      items: { balance: number; counts: { all: number } }[];
    };
    assert.equal(accounts.items[0]!.balance, inList.balance, "the account's totals cover only the link's invoices");
    assert.equal(accounts.items[0]!.counts.all, 1);
  });

  it('downloads the PDF, drawn by a PDF worker, saying the right numbers', async () => {
    const invoice = await detail(northwind, 'INV-1023');
    const res = await t.call('GET', '/invoices/INV-1023/pdf', { token: northwind });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="INV-1023.pdf"');
    const buffer = Buffer.from(await res.arrayBuffer());
    assert.equal(res.headers.get('content-length'), String(buffer.length), 'sent whole once drawn');
    const { text } = await new PDFParse({ data: new Uint8Array(buffer) }).getText();
    const usd = (minor: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);
    for (const expected of [
      'INV-1023',
      'Northwind Traders',
      'Acme Supplies',
      usd(invoice.total),
      usd(invoice.balance),
      'Where to pay',
    ]) {
      assert.ok(text.includes(expected), `PDF says ${expected}`);
    }
  });

  it('names each payment by the receipt number the payer was given, in the detail and the PDF', async () => {
    const invoice = await detail(northwind, 'INV-1023');
    const payment = invoice.payments[0]!;
    assert.equal(payment.receiptNumber, receiptNumber(payment.paymentId));
    assert.match(payment.receiptNumber, /^R-[0-9A-Z]+$/);
    const res = await t.call('GET', '/invoices/INV-1023/pdf', { token: northwind });
    const { text } = await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText();
    assert.ok(text.includes(payment.receiptNumber), `the PDF names the payment ${payment.receiptNumber}`);
    assert.ok(!text.includes(payment.paymentId), 'and not by its internal id');
    if (payment.reference) assert.ok(!text.includes(payment.reference), "nor by the provider's id");
  });

  it('needs a customer session', async () => {
    assert.equal((await t.call('GET', '/invoices/INV-1023')).status, 401);
    assert.equal((await t.call('GET', '/invoices/INV-1023/pdf')).status, 401);
  });
});
