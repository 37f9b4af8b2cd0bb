/**
 * Shared fixtures for the PDF tests (pdf, pdf-statement.test.ts): an invoice and a statement with amounts worked out
 * by hand, and helpers that read a rendered PDF back as text.
 */
import assert from 'node:assert/strict';
import { PDFParse } from 'pdf-parse';
import type { InvoiceDetail, InvoiceLine, Statement, StatementLine } from '../src/contract';
import { defaultSettings, type CompanySettings } from '../src/domain/settings';
import type { InvoicePdfInput } from '../src/pdf/invoice-pdf';

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
  promiseHorizonDays: 30,
  promiseToleranceDays: 2,
  dunningEnabled: true,
  dunningSequence: { offsets: [-3, 0, 7, 14, 30], repeatDays: 14 },
  disputeRouting: defaultSettings.disputeRouting,
};

const northwind = {
  name: 'Northwind Traders',
  billingAddress: 'Attn: Accounts Payable\n908 W. Capital Way\nTacoma, WA 98401',
};

export const lines: InvoiceLine[] = [
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
export function invoiceFixture(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
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
    disputes: [],
    promise: null,
    ...overrides,
  };
}

/** 500 lines of one $12.75 box each plus $1.05 tax: subtotal $6,375.00, tax $525.00. */
export function longInvoice(): InvoiceDetail {
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

export function statementLine(
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
export const statement: Statement = {
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
  disputed: { total: 0, aging: { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 }, items: [] },
};

/** The statement with two open disputes: $350.00 of INV-1020 (not yet due) and $120.00 of INV-1017 (1–30 days). */
export const disputedStatement: Statement = {
  ...statement,
  disputed: {
    total: 47_000,
    aging: { current: 35_000, days1to30: 12_000, days31to60: 0, days61to90: 0, over90: 0 },
    items: [
      { disputeId: 'dsp_2', invoiceNumber: 'INV-1020', amount: 35_000, status: 'open', openedOn: '2026-10-20' },
      { disputeId: 'dsp_1', invoiceNumber: 'INV-1017', amount: 12_000, status: 'under_review', openedOn: '2026-10-12' },
    ],
  },
};

// ---- Helpers ------------------------------------------------------------------------------------

export function invoiceInput(overrides: Partial<InvoicePdfInput> = {}): InvoicePdfInput {
  return { invoice: invoiceFixture(), company, customer: northwind, ...overrides };
}

/** The bytes of a PDF drawn by a worker (`render…Pdf`) or drawn here (`draw…Pdf`). */
export async function collect(doc: PDFKit.PDFDocument | Promise<Uint8Array>): Promise<Buffer> {
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

export async function parse(doc: PDFKit.PDFDocument | Promise<Uint8Array>): Promise<Parsed> {
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

export function assertIncludes(text: string, ...expected: string[]) {
  for (const e of expected) assert.ok(text.includes(e), `expected the PDF to say ${JSON.stringify(e)}`);
}

// ---- Invoice ------------------------------------------------------------------------------------
