import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFParse } from 'pdf-parse';
import type { InvoiceDetail, InvoiceLine, Statement, StatementLine } from '../src/contract';
import type { CompanySettings } from '../src/domain/settings';
import { minorToDecimal, pdfFormatters, pdfText } from '../src/pdf/format';
import { drawInvoicePdf, type InvoicePdfInput } from '../src/pdf/invoice-pdf';
import { renderInvoicePdf, renderStatementPdf } from './pdf-support';

// ---- Fixtures: amounts in integer minor units, worked out by hand at 8.25 % tax ----------------

const company: CompanySettings = {
  companyName: 'Acme Supplies',
  timeZone: 'America/New_York',
  currency: 'USD',
  supportEmail: 'ar@acme.test',
  companyAddress: 'Acme Supplies Inc.\n1200 Industrial Way\nNewark, NJ 07105\nUnited States',
  paymentInstructions:
    'Pay online in the customer portal, or by ACH to Acme Supplies Inc., First Demo Bank, routing 021000021, account 000123456789. Quote the invoice number.',
  portalUrl: 'https://pay.acme.test/portal',
  surchargeRateBp: 0,
  surchargeCap: null,
  allowOverpayment: false,
  locale: 'en',
};

const northwind = {
  name: 'Northwind Traders',
  billingAddress: 'Attn: Accounts Payable\n908 W. Capital Way\nTacoma, WA 98401',
};

const lines: InvoiceLine[] = [
  {
    lineNo: 1,
    description: 'Copy paper A4, 80 g, case of 5,000 sheets',
    sku: 'PAP-A4-5K',
    quantity: 12,
    unitPrice: 4_250,
    amount: 51_000,
    tax: 4_208,
  },
  {
    lineNo: 2,
    description: 'Toner cartridge, black, high yield',
    sku: 'TON-HP-26X',
    quantity: 4,
    unitPrice: 16_899,
    amount: 67_596,
    tax: 5_577,
  },
  {
    lineNo: 3,
    description: 'Shipping labels 4×6, roll of 1,000',
    sku: 'LBL-4X6-1K',
    quantity: 2.5,
    unitPrice: 2_399,
    amount: 5_998,
    tax: 495,
  },
];

/** Subtotal $1,245.94 + tax $102.80 = $1,348.74; $500.00 paid and $25.00 credited leave $823.74. */
function invoiceFixture(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id: 'inv_inv1021',
    number: 'INV-1021',
    accountId: 'cus_northwind',
    accountName: 'Northwind Traders',
    poNumber: 'PO-4821',
    issueDate: '2026-09-22',
    dueDate: '2026-10-22',
    currency: 'USD',
    subtotal: 124_594,
    taxTotal: 10_280,
    total: 134_874,
    amountPaid: 50_000,
    amountCredited: 2_500,
    balance: 82_374,
    status: 'past_due',
    daysPastDue: 29,
    inFlight: null,
    payable: 82_374,
    lines,
    payments: [
      {
        paymentId: 'pay_01jx2k9d8m',
        receiptNumber: 'R-01JX2K9D8M',
        date: '2026-10-05',
        method: 'ach',
        reference: 'sbx_ach_pay_01jx2k9d8m',
        amount: 50_000,
      },
    ],
    credits: [
      { creditNoteId: 'cn_7', number: 'CN-0007', date: '2026-10-09', amount: 2_500, reason: 'Damaged toner box' },
    ],
    history: [],
    dispute: null,
    ...overrides,
  };
}

/** 500 lines of one $12.75 box each plus $1.05 tax: subtotal $6,375.00, tax $525.00. */
function longInvoice(): InvoiceDetail {
  const many: InvoiceLine[] = Array.from({ length: 500 }, (_, i) => ({
    lineNo: i + 1,
    description:
      i % 9 === 0
        ? `Item ${i + 1}: scheduled delivery with liftgate service and inside delivery to the third-floor loading dock`
        : `Item ${i + 1}: ballpoint pens, blue, box of 50`,
    sku: 'PEN-BLU-50',
    quantity: 1,
    unitPrice: 1_275,
    amount: 1_275,
    tax: 105,
  }));
  return invoiceFixture({
    number: 'INV-2000',
    lines: many,
    subtotal: 637_500,
    taxTotal: 52_500,
    total: 690_000,
    amountPaid: 0,
    amountCredited: 0,
    balance: 690_000,
    status: 'open',
    daysPastDue: 0,
    payments: [],
    credits: [],
  });
}

function statementLine(
  date: string,
  type: StatementLine['type'],
  reference: string,
  description: string,
  amount: number,
  balance: number,
): StatementLine {
  return { date, type, reference, description, amount, balance };
}

/** Opening $12,843.50 + invoiced $3,026.73 − paid $1,700.00 − credited $15.00 = closing $14,155.23. */
const statement: Statement = {
  account: {
    id: 'cus_northwind',
    name: 'Northwind Traders',
    currency: 'USD',
    billingAddress: northwind.billingAddress,
  },
  company: { name: 'Acme Supplies', address: company.companyAddress, timeZone: 'America/New_York' },
  from: '2026-10-01',
  to: '2026-10-31',
  currency: 'USD',
  openingBalance: 1_284_350,
  lines: [
    statementLine('2026-10-02', 'invoice', 'INV-1019', 'Invoice, due Nov 1, 2026', 70_683, 1_355_033),
    statementLine('2026-10-05', 'payment', 'ACH-88213', 'Payment received', -120_000, 1_235_033),
    statementLine('2026-10-09', 'credit', 'CN-0007', 'Damaged toner box', -1_500, 1_233_533),
    statementLine('2026-10-17', 'invoice', 'INV-1020', 'Invoice, due Nov 16, 2026', 231_990, 1_465_523),
    statementLine('2026-10-28', 'payment', 'Card •••• 4242', 'Card payment', -50_000, 1_415_523),
  ],
  totals: { invoiced: 302_673, paid: 170_000, credited: 1_500 },
  closingBalance: 1_415_523,
  unappliedCredit: 2_500,
  aging: { current: 302_673, days1to30: 410_000, days31to60: 250_000, days61to90: 120_850, over90: 332_000 },
};

// ---- Helpers ------------------------------------------------------------------------------------

function invoiceInput(overrides: Partial<InvoicePdfInput> = {}): InvoicePdfInput {
  return { invoice: invoiceFixture(), company, customer: northwind, ...overrides };
}

/** The bytes of a PDF drawn by a worker (`render…Pdf`) or drawn here (`draw…Pdf`). */
async function collect(doc: PDFKit.PDFDocument | Promise<Uint8Array>): Promise<Buffer> {
  if (doc instanceof Promise) return Buffer.from(await doc);
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Parsed {
  buffer: Buffer;
  /** All pages' text, no-break spaces made plain so "1 348,74 €" can be matched as typed. */
  text: string;
  pages: string[];
  info: Record<string, unknown>;
}

async function parse(doc: PDFKit.PDFDocument | Promise<Uint8Array>): Promise<Parsed> {
  const buffer = await collect(doc);
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getText();
    const { info } = await parser.getInfo();
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    return { buffer, text: plain(result.text), pages: result.pages.map((p) => plain(p.text)), info };
  } finally {
    await parser.destroy();
  }
}

function assertIncludes(text: string, ...expected: string[]) {
  for (const e of expected) assert.ok(text.includes(e), `expected the PDF to say ${JSON.stringify(e)}`);
}

// ---- Invoice ------------------------------------------------------------------------------------

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

// ---- Statement ----------------------------------------------------------------------------------

describe('statement PDF', () => {
  it('heads the statement with the company, the account and the period', async () => {
    const { buffer, text, info } = await parse(renderStatementPdf({ statement }));
    assert.equal(buffer.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(info.Author, 'Acme Supplies');
    assertIncludes(
      text,
      'Acme Supplies',
      'STATEMENT OF ACCOUNT',
      'Period Oct 1, 2026 – Oct 31, 2026',
      'Northwind Traders',
      '908 W. Capital Way',
    );
  });

  it('summarises opening balance, invoiced, paid, credited, closing balance and unapplied credit', async () => {
    const { text } = await parse(renderStatementPdf({ statement }));
    assertIncludes(
      text,
      'Opening balance $12,843.50',
      'Invoiced $3,026.73',
      'Payments -$1,700.00',
      'Credits -$15.00',
      'Closing balance $14,155.23',
      'Unapplied credit $25.00',
    );
  });

  it('lists the activity between opening and closing balances with a running balance', async () => {
    const { text } = await parse(renderStatementPdf({ statement }));
    assertIncludes(
      text,
      'Oct 1, 2026 Opening balance $12,843.50',
      'Oct 2, 2026 Invoice INV-1019 Invoice, due Nov 1, 2026 $706.83 $13,550.33',
      'Oct 5, 2026 Payment ACH-88213 Payment received -$1,200.00 $12,350.33',
      'Oct 9, 2026 Credit note CN-0007 Damaged toner box -$15.00 $12,335.33',
      'Oct 28, 2026 Payment Card •••• 4242 Card payment -$500.00 $14,155.23',
      'Oct 31, 2026 Closing balance $14,155.23',
    );
  });

  it('ages the open balance into current, 1–30, 31–60, 61–90 and 90+ days past due', async () => {
    const { text } = await parse(renderStatementPdf({ statement }));
    assertIncludes(
      text,
      'DAYS PAST DUE CURRENT 1–30 DAYS 31–60 DAYS 61–90 DAYS 90+ DAYS TOTAL OPEN',
      'Open balance $3,026.73 $4,100.00 $2,500.00 $1,208.50 $3,320.00 $14,155.23',
    );
  });

  it('carries a long statement over pages with page numbers', async () => {
    let balance = statement.openingBalance;
    const many = Array.from({ length: 120 }, (_, i) => {
      balance += 10_000;
      return statementLine('2026-10-15', 'invoice', `INV-${3000 + i}`, 'Invoice', 10_000, balance);
    });
    const long: Statement = {
      ...statement,
      lines: many,
      totals: { invoiced: 1_200_000, paid: 0, credited: 0 },
      closingBalance: balance,
    };
    const { text, pages } = await parse(renderStatementPdf({ statement: long }));
    assert.ok(pages.length >= 3);
    assertIncludes(text, `Page 2 of ${pages.length}`, 'INV-3119', 'Closing balance $24,843.50');
    assertIncludes(pages[1]!, 'DATE TYPE REFERENCE DESCRIPTION AMOUNT BALANCE');
  });
});

// ---- Formatting ---------------------------------------------------------------------------------

describe('PDF money and text', () => {
  it('turns minor units into exact decimals without floating point', () => {
    assert.equal(minorToDecimal(123_456, 2), '1234.56');
    assert.equal(minorToDecimal(-5, 2), '-0.05');
    assert.equal(minorToDecimal(9_007_199_254_740_991, 2), '90071992547409.91');
    assert.equal(minorToDecimal(12_345, 0), '12345');
    assert.throws(() => minorToDecimal(1.5, 2), RangeError);
  });

  it("uses each currency's own minor unit and names currencies Helvetica has no symbol for", () => {
    assert.equal(pdfFormatters('en-US', 'JPY').money(12_345), '¥12,345');
    assert.match(pdfFormatters('en-US', 'BHD').money(12_345), /^BHD\s12\.345$/);
    assert.match(pdfFormatters('en-IN', 'INR').money(123_456), /^INR\s1,234\.56$/);
  });

  it('falls back to en-US for an unusable locale', () => {
    assert.equal(pdfFormatters('not a locale!', 'USD').money(100), '$1.00');
  });

  it('keeps Latin-1 and WinAnsi punctuation and replaces the rest', () => {
    assert.equal(pdfText('Lumière – “€” • 1\u202f234'), 'Lumière – “€” • 1\u00a0234');
    assert.equal(pdfText('Łódź 😀'), 'Lódz ?');
  });
});
