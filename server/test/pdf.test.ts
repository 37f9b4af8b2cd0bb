/** The invoice PDF: what it says, in which language and money format, page by page. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawInvoicePdf } from '../src/pdf/invoice-pdf';
import { renderInvoicePdf } from './pdf-support';
import { assertIncludes, collect, invoiceFixture, invoiceInput, longInvoice, parse } from './pdf-fixtures-support';

describe('invoice PDF', () => {
  it('is a PDF titled with the invoice number and authored by the company', async () => {
    const { buffer, info } = await parse(renderInvoicePdf(invoiceInput()));
    assert.equal(buffer.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(info.Title, 'Invoice INV-1021');
    assert.equal(info.Author, 'Acme Supplies');
  });

  it('heads the invoice with the company, its number, dates, PO number and the customer billed', async () => {
    const { text } = await parse(renderInvoicePdf(invoiceInput()));
    assertIncludes(
      text,
      'Acme Supplies',
      '1200 Industrial Way',
      'ar@acme.test',
      'INVOICE',
      'INV-1021',
      'Issue date Sep 22, 2026',
      'Due date Oct 22, 2026',
      'PO number PO-4821',
      'Northwind Traders',
      'Tacoma, WA 98401',
    );
  });

  it('lists each line with SKU, quantity, unit price, tax and amount', async () => {
    const { text } = await parse(renderInvoicePdf(invoiceInput()));
    assertIncludes(
      text,
      'Copy paper A4, 80 g, case of 5,000 sheets PAP-A4-5K 12 $42.50 $42.08 $510.00',
      'Toner cartridge, black, high yield TON-HP-26X 4 $168.99 $55.77 $675.96',
      'Shipping labels 4×6, roll of 1,000 LBL-4X6-1K 2.5 $23.99 $4.95 $59.98',
    );
  });

  it('totals subtotal, tax, total, paid, credited and the balance due in dollars', async () => {
    const { text } = await parse(renderInvoicePdf(invoiceInput()));
    assertIncludes(
      text,
      'Subtotal $1,245.94',
      'Tax $102.80',
      'Total $1,348.74',
      'Paid -$500.00',
      'Credited -$25.00',
      'Balance due $823.74',
      'AMOUNT DUE\n$823.74\nDue Oct 22, 2026',
    );
  });

  it('shows the payments, by receipt number, and the credit notes applied to the invoice', async () => {
    const { text } = await parse(renderInvoicePdf(invoiceInput()));
    assertIncludes(text, 'Payments applied', 'Oct 5, 2026 R-01JX2K9D8M Bank transfer (ACH) $500.00');
    assert.ok(!text.includes('sbx_ach_pay'), "the provider's internal id is not the payer's business");
    assertIncludes(text, 'Credits applied', 'Oct 9, 2026 CN-0007 Damaged toner box $25.00');
  });

  it('tells the customer where to pay: the instructions and the portal', async () => {
    const { text } = await parse(renderInvoicePdf(invoiceInput()));
    assertIncludes(text, 'Where to pay', 'routing 021000021', 'Pay online: https://pay.acme.test/portal');
  });

  it('stamps a past-due invoice PAST DUE with how many days', async () => {
    const { text } = await parse(renderInvoicePdf(invoiceInput()));
    assertIncludes(text, 'Status Past due, 29 days');
    assertIncludes(text, 'PAST DUE');
  });

  it('marks a paid invoice PAID and asks for nothing', async () => {
    const invoice = invoiceFixture({
      status: 'paid',
      daysPastDue: 0,
      amountPaid: 132_374,
      balance: 0,
      payments: [
        {
          paymentId: 'pay_1',
          receiptNumber: 'R-1',
          date: '2026-10-05',
          method: 'card',
          reference: null,
          amount: 132_374,
        },
      ],
    });
    const { text } = await parse(renderInvoicePdf(invoiceInput({ invoice })));
    assertIncludes(text, 'Status Paid', 'PAID', 'Paid in full', 'Balance due $0.00', 'Oct 5, 2026 R-1 Card $1,323.74');
    assert.ok(!text.includes('Where to pay'));
  });

  it('marks a voided invoice VOID', async () => {
    const invoice = invoiceFixture({ status: 'void', daysPastDue: 0 });
    const { text } = await parse(renderInvoicePdf(invoiceInput({ invoice })));
    assertIncludes(text, 'Status Void', 'VOID', 'This invoice has been voided.', 'Balance due $0.00');
    assert.ok(!text.includes('Where to pay'));
  });

  it('leaves out the PO number when there is none', async () => {
    const { text } = await parse(renderInvoicePdf(invoiceInput({ invoice: invoiceFixture({ poNumber: null }) })));
    assert.ok(!text.includes('PO number'));
  });

  it('prints euros the French way for Lumière SARL with fr-FR, and the English way with en', async () => {
    const invoice = invoiceFixture({ currency: 'EUR', accountName: 'Lumière SARL' });
    const customer = { name: 'Lumière SARL', billingAddress: '12 rue de la Paix\n75002 Paris\nFrance' };
    const fr = await parse(renderInvoicePdf(invoiceInput({ invoice, customer, locale: 'fr-FR' })));
    // fr-FR now picks the French words too (the labels were English before issue 9); money and dates unchanged.
    assertIncludes(fr.text, 'Lumière SARL', 'Total 1 348,74 €', 'Solde dû 823,74 €', 'Échéance 22 oct. 2026');
    const en = await parse(renderInvoicePdf(invoiceInput({ invoice, customer, locale: 'en' })));
    assertIncludes(en.text, 'Lumière SARL', 'Total €1,348.74', 'Balance due €823.74');
  });

  it('prints what Helvetica can draw and a "?" for what it cannot, without failing', async () => {
    const customer = { name: 'Café • Noël → 東京 Ltd 😀', billingAddress: 'Résidence Ōtemachi\u200b\r\nTōkyō' };
    const { text } = await parse(renderInvoicePdf(invoiceInput({ customer })));
    assertIncludes(text, 'Café • Noël -> ?? Ltd ?', 'Résidence Otemachi\nTokyo');
  });

  it('prints calendar dates as given whatever the server time zone', async (t) => {
    const saved = process.env.TZ;
    t.after(() => {
      process.env.TZ = saved;
    });
    for (const zone of ['Pacific/Honolulu', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      // Drawn on this thread: a worker keeps the time zone it started with.
      const { text } = await parse(drawInvoicePdf(invoiceInput()));
      assertIncludes(text, 'Issue date Sep 22, 2026', 'Due date Oct 22, 2026');
    }
  });

  it('renders the same bytes for the same invoice', async () => {
    const a = await collect(renderInvoicePdf(invoiceInput()));
    const b = await collect(renderInvoicePdf(invoiceInput()));
    assert.ok(a.equals(b));
  });

  it('paginates a 500-line invoice within 2 s, repeating the header and losing no line', async () => {
    const started = performance.now();
    // Drawn on this thread, so the time is the drawing's and not a worker's start-up.
    const buffer = await collect(drawInvoicePdf(invoiceInput({ invoice: longInvoice() })));
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `rendering took ${Math.round(elapsed)} ms`);

    const { text, pages } = await parse(renderInvoicePdf(invoiceInput({ invoice: longInvoice() })));
    assert.ok(buffer.length > 0);
    const count = pages.length;
    assert.ok(count > 10, `expected many pages, got ${count}`);
    assertIncludes(text, `Page 1 of ${count}`, `Page 2 of ${count}`, `Page ${count} of ${count}`);
    for (const page of pages.slice(1)) {
      assertIncludes(page, 'DESCRIPTION SKU QTY UNIT PRICE TAX AMOUNT', 'Invoice INV-2000 (continued)');
    }
    const items = [...text.matchAll(/Item (\d+):/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      items,
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
    assertIncludes(text, 'Item 500: ballpoint pens, blue, box of 50');
    assertIncludes(pages.at(-1)!, 'Total $6,900.00', 'Balance due $6,900.00', 'Where to pay');
  });
});
