/**
 * The demo company of DESIGN.md, generated from a fixed seed so the demo, the examples and the tests
 * see the same accounts. Dates are laid out relative to "today" (from the injected clock) so the
 * demo always has past-due, open and paid invoices whenever it is started.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { contacts, customers, disputeLines, disputeMessages, disputes, invoiceLines, staffUsers } from '../db/schema';
import { addDays, calendarDate, startOfDay } from '../domain/dates';
import { recordEvent, systemActor } from '../domain/events';
import { createInvoice, issueCreditNote, recordSettledPayment, type InvoiceLineInput } from '../domain/ledger';
import { putSettings } from '../domain/settings';

/** mulberry32: a small, fast, seedable PRNG; deterministic data needs no more. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_COMPANY = {
  companyName: 'Acme Supplies',
  timeZone: 'America/New_York',
  currency: 'USD',
  supportEmail: 'ar@acme.test',
  companyAddress: 'Acme Supplies Inc.\n1200 Industrial Way\nNewark, NJ 07105\nUnited States',
  paymentInstructions:
    'Pay online in the customer portal, or by ACH to Acme Supplies Inc., First Demo Bank, routing 021000021, account 000123456789. Quote the invoice number.',
  // No portalUrl: it defaults to PORTAL_URL, else the demo site at PUBLIC_URL, wherever the demo runs.
  // Card payments carry a 2.5 % surcharge capped at $100, so the demo shows the surcharge line.
  surchargeRateBp: 250,
  surchargeCap: 10_000,
  allowOverpayment: false,
  // What contacts without a locale of their own read: Camille Martin of Lumière SARL reads French.
  locale: 'en',
  // New disputes reach the team their reasons call for, beside the account's collector.
  disputeRouting: {
    teams: { shipping: 'shipping@acme.test', sales: 'sales@acme.test' },
    reasons: {
      pricing: ['sales'],
      quantity: ['sales'],
      damaged: ['shipping'],
      not_received: ['shipping'],
      duplicate: ['sales'],
      tax: ['sales'],
      other: [],
    },
  },
};

/** The invoice the demo emails on first start, so its Easy Pay link is in the dev mailbox. */
export const DEMO_EASY_PAY_INVOICE = { id: 'inv_inv1032', customerId: 'cus_northwind' };

export const DEMO_ACCOUNTS = {
  northwind: {
    id: 'cus_northwind',
    name: 'Northwind Traders',
    currency: 'USD',
    contacts: [['ap@northwind.test', 'Nancy Davolio']],
  },
  globex: {
    id: 'cus_globex',
    name: 'Globex',
    currency: 'USD',
    contacts: [
      ['bookkeeper@ledger.test', 'Bea Keeper'],
      ['cfo@globex.test', 'Hank Scorpio'],
    ],
  },
  initech: {
    id: 'cus_initech',
    name: 'Initech',
    currency: 'USD',
    contacts: [['bookkeeper@ledger.test', 'Bea Keeper']],
  },
  lumiere: {
    id: 'cus_lumiere',
    name: 'Lumière SARL',
    currency: 'EUR',
    contacts: [['compta@lumiere.test', 'Camille Martin']],
  },
} as const;

/** Contacts with a locale of their own: Lumière's accountant gets French emails and PDFs. */
export const DEMO_CONTACT_LOCALES: Readonly<Record<string, string>> = { 'compta@lumiere.test': 'fr-FR' };

export const DEMO_STAFF = [
  { id: 'stf_ar', email: 'ar@acme.test', name: 'Alex Rivera', role: 'admin' as const },
  { id: 'stf_collector', email: 'collector@acme.test', name: 'Casey Collins', role: 'collector' as const },
];

const CATALOGUE: [sku: string, description: string, unitPrice: number][] = [
  ['PAP-A4-5K', 'Copy paper A4, 80 g, case of 5,000 sheets', 4_250],
  ['TON-HP-26X', 'Toner cartridge, black, high yield', 16_899],
  ['PEN-BLU-50', 'Ballpoint pens, blue, box of 50', 1_275],
  ['CHR-ERG-02', 'Ergonomic office chair', 28_900],
  ['DSK-STD-140', 'Standing desk, 140 cm', 54_900],
  ['LBL-4X6-1K', 'Shipping labels 4×6, roll of 1,000', 2_399],
  ['BOX-MED-25', 'Shipping boxes, medium, bundle of 25', 3_450],
  ['TAP-PKG-36', 'Packing tape, 36 rolls', 5_760],
  ['CLN-KIT-01', 'Breakroom cleaning kit', 8_925],
  ['SVC-DELIV', 'Scheduled delivery, per stop', 7_500],
];

interface PlannedInvoice {
  /** Days before today the invoice was issued. */
  issuedDaysAgo: number;
  terms: number;
  /** 'paid' fully, 'partial' about 40 %, 'open' untouched. */
  paid: 'paid' | 'partial' | 'open';
}

function lines(random: () => number, count: number, taxRateBp: number): InvoiceLineInput[] {
  return Array.from({ length: count }, () => {
    const [sku, description, unitPrice] = CATALOGUE[Math.floor(random() * CATALOGUE.length)]!;
    return { sku, description, unitPrice, quantityMilli: (1 + Math.floor(random() * 12)) * 1000, taxRateBp };
  });
}

/** Northwind: 32 invoices over a year: 6 past due, one partly paid, many paid, the rest open. */
function northwindPlan(): PlannedInvoice[] {
  const plan: PlannedInvoice[] = [];
  for (let i = 0; i < 20; i++) plan.push({ issuedDaysAgo: 380 - i * 15, terms: 30, paid: 'paid' });
  // Past due: due 75, 48, 40, 22, 9 and 3 days ago; the 40-day one is partly paid.
  for (const [ago, paid] of [
    [105, 'open'],
    [78, 'open'],
    [70, 'partial'],
    [52, 'open'],
    [39, 'open'],
    [33, 'open'],
  ] as const) {
    plan.push({ issuedDaysAgo: ago, terms: 30, paid });
  }
  for (const ago of [25, 18, 12, 7, 3, 1]) plan.push({ issuedDaysAgo: ago, terms: 30, paid: 'open' });
  return plan;
}

const PLANS: Record<keyof typeof DEMO_ACCOUNTS, PlannedInvoice[]> = {
  northwind: northwindPlan(),
  globex: [
    { issuedDaysAgo: 120, terms: 30, paid: 'paid' },
    { issuedDaysAgo: 90, terms: 30, paid: 'paid' },
    { issuedDaysAgo: 62, terms: 30, paid: 'open' },
    { issuedDaysAgo: 45, terms: 30, paid: 'open' },
    { issuedDaysAgo: 20, terms: 30, paid: 'open' },
    { issuedDaysAgo: 5, terms: 30, paid: 'open' },
  ],
  initech: [
    { issuedDaysAgo: 100, terms: 45, paid: 'paid' },
    { issuedDaysAgo: 70, terms: 45, paid: 'open' },
    { issuedDaysAgo: 30, terms: 45, paid: 'partial' },
    { issuedDaysAgo: 10, terms: 45, paid: 'open' },
  ],
  lumiere: [
    { issuedDaysAgo: 95, terms: 30, paid: 'paid' },
    { issuedDaysAgo: 50, terms: 30, paid: 'open' },
    { issuedDaysAgo: 28, terms: 30, paid: 'open' },
    { issuedDaysAgo: 4, terms: 30, paid: 'open' },
  ],
};

export async function isEmpty(db: DbOrTx): Promise<boolean> {
  const row = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(customers)
    .get();
  const staff = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(staffUsers)
    .get();
  return (row?.n ?? 0) === 0 && (staff?.n ?? 0) === 0;
}

/** Seeds the demo company into an empty database in one transaction. Returns false when not empty. */
export function seedDemo(db: Db, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) return false;
    const random = seededRandom(20261122);
    const paymentDays = seededRandom(7);
    await putSettings(tx, DEMO_COMPANY, now);
    const today = calendarDate(now, DEMO_COMPANY.timeZone);
    for (const s of DEMO_STAFF)
      await tx
        .insert(staffUsers)
        .values({ ...s, createdAt: now })
        .run();

    let number = 1001;
    for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [
      keyof typeof DEMO_ACCOUNTS,
      (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS],
    ][]) {
      await tx
        .insert(customers)
        .values({
          id: account.id,
          name: account.name,
          currency: account.currency,
          paymentTermsDays: PLANS[key][0]!.terms,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      for (const [i, [email, name]] of account.contacts.entries()) {
        await tx
          .insert(contacts)
          .values({
            id: `${account.id.replace('cus_', 'con_')}_${i + 1}`,
            customerId: account.id,
            email,
            name,
            locale: DEMO_CONTACT_LOCALES[email] ?? null,
            createdAt: now,
          })
          .run();
      }
      const taxRateBp = account.currency === 'EUR' ? 2000 : 825;
      for (const planned of PLANS[key]) {
        const issueDate = addDays(today, -planned.issuedDaysAgo);
        const invoiceNumber = `INV-${number++}`;
        // Each invoice and payment happens on its own day (2 pm and 11 am there), so statements and
        // histories read like an account's real past, never later than now.
        const at = (date: string, hour: number) =>
          new Date(Math.min(startOfDay(date, DEMO_COMPANY.timeZone).getTime() + hour * 3_600_000, now.getTime()));
        const { id: invoiceId, total } = await createInvoice(
          tx,
          {
            id: `inv_${invoiceNumber.toLowerCase().replace('-', '')}`,
            customerId: account.id,
            number: invoiceNumber,
            poNumber: random() < 0.6 ? `PO-${4000 + Math.floor(random() * 5000)}` : null,
            issueDate,
            dueDate: addDays(issueDate, planned.terms),
            currency: account.currency,
            lines: lines(random, 2 + Math.floor(random() * 5), taxRateBp),
          },
          systemActor,
          at(issueDate, 14),
        );
        if (planned.paid === 'open') continue;
        const paidDate = addDays(issueDate, Math.min(planned.terms - 1, 5 + Math.floor(paymentDays() * 20)));
        const amount = planned.paid === 'paid' ? total : Math.round(total * 0.4);
        await recordSettledPayment(
          tx,
          {
            customerId: account.id,
            currency: account.currency,
            amount,
            method: random() < 0.5 ? 'ach' : 'card',
            provider: 'demo',
            providerRef: `demo-${invoiceNumber}`,
            allocations: [{ invoiceId, amount }],
          },
          systemActor,
          at(paidDate, 11),
        );
      }
    }
    await seedDisputeAndCredits(tx, today, now);
    return true;
  });
}

/**
 * One open dispute (on an invoice not yet due, so Northwind's six past-due invoices stay six), a
 * credit note on an invoice, and a credit note on no invoice (Globex's unapplied credit).
 */
async function seedDisputeAndCredits(tx: DbOrTx, today: string, now: Date): Promise<void> {
  // The damaged goods of its first line are in question; reminders ask only for the rest.
  const damaged = await tx
    .select({ amount: invoiceLines.amount, tax: invoiceLines.tax })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.invoiceId, 'inv_inv1029'), eq(invoiceLines.lineNo, 1)))
    .get();
  const amount = damaged ? damaged.amount + damaged.tax : 0;
  await tx
    .insert(disputes)
    .values({
      id: 'dsp_demo1',
      invoiceId: 'inv_inv1029',
      customerId: 'cus_northwind',
      status: 'open',
      amount,
      openedBy: 'ap@northwind.test',
      assigneeId: 'stf_collector',
      createdAt: now,
      updatedAt: now,
    })
    .run();
  await tx
    .insert(disputeLines)
    .values({
      disputeId: 'dsp_demo1',
      lineNo: 1,
      reason: 'damaged',
      quantityMilli: null,
      amount,
      note: 'Crushed in transit',
    })
    .run();
  await tx
    .insert(disputeMessages)
    .values({
      id: 'dmsg_demo1',
      disputeId: 'dsp_demo1',
      authorType: 'customer',
      authorEmail: 'ap@northwind.test',
      authorName: 'Nancy Davolio',
      body: 'The first case arrived crushed; photos to follow. The rest of the order is fine.',
      internal: false,
      createdAt: now,
    })
    .run();
  await recordEvent(
    tx,
    {
      type: 'dispute.opened',
      actor: { type: 'customer', id: 'ap@northwind.test' },
      subject: { type: 'dispute', id: 'dsp_demo1' },
      customerId: 'cus_northwind',
      data: { invoiceId: 'inv_inv1029', amount, currency: 'USD', lines: [{ line: 1, reason: 'damaged', amount }] },
    },
    now,
  );
  await issueCreditNote(
    tx,
    {
      customerId: 'cus_northwind',
      invoiceId: 'inv_inv1028',
      number: 'CN-2001',
      amount: 4_250,
      currency: 'USD',
      issueDate: today,
      reason: 'One case of copy paper arrived wet',
    },
    systemActor,
    now,
  );
  await issueCreditNote(
    tx,
    {
      customerId: 'cus_globex',
      number: 'CN-2002',
      amount: 15_000,
      currency: 'USD',
      issueDate: addDays(today, -10),
      reason: 'Volume rebate, third quarter',
    },
    systemActor,
    now,
  );
}
