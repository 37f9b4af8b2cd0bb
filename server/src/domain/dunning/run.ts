/**
 * The daily dunning run (`dunning.run`, 09:00 in the company's time zone): every unpaid invoice whose
 * latest due step (sequence.ts) has not been sent is reminded, each contact getting at most one
 * reminder email a day, grouping that day's invoices of all the accounts it is a contact of, each
 * invoice with its own Easy Pay link, and one link to the past-due list.
 *
 * Skipped: a customer staff paused until a date not yet past; an invoice under an open promise until
 * the promise's deadline (its verdict resumes it); an invoice whose open disputes cover its whole
 * balance (otherwise only the undisputed rest is asked for: the disputes record their amounts).
 *
 * One write transaction per run: the emails, their links, the steps they send and the next run commit
 * together, so a run repeated after a crash sends nothing twice (and the keys of `dunning_steps` and
 * `dunning_emails` would refuse it anyway).
 */
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { MINUTE } from '../../clock';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { contacts, customers, dunningEmails, dunningSteps, invoices, jobs } from '../../db/schema';
import { reminderEmail, type ReminderAccount, type ReminderInvoice } from '../../mail/reminder-templates';
import { issueEasyPayLink } from '../auth';
import { calendarDate, daysBetween, nextDayAt, SEND_HOUR } from '../dates';
import { recordEvent, systemActor } from '../events';
import { easyPayReturnTo, targetSegment } from '../invoices';
import { enqueueJob, type JobHandler } from '../jobs';
import { disputedAmount, PROMISE_VERDICT } from '../ledger';
import { queueEmail, readerLocale } from '../notifications';
import { getSettings, type CompanySettings } from '../settings';
import { dueStep } from './sequence';

export const DUNNING_RUN = 'dunning.run';

/**
 * Under an open promise (for a select over `invoices`): until its verdict, which falls at its deadline.
 * A verdict running late (the server was down) keeps the invoice skipped until it comes, so no
 * ordinary reminder ever goes out between the deadline and the "promise missed" email.
 */
const underOpenPromise = sql`EXISTS (SELECT 1 FROM "promise_invoices" "pi" WHERE "pi"."invoice_id" = "invoices"."id" AND "pi"."open" = 1)`;

interface DueInvoice {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  currency: string;
  dueDate: string;
  step: number;
  asked: number;
  disputed: number;
  daysPastDue: number;
}

/** The invoices whose latest step is due today and unsent, with what to ask of each. */
export async function dueReminders(
  db: DbOrTx,
  company: Pick<CompanySettings, 'dunningSequence'>,
  today: string,
): Promise<DueInvoice[]> {
  const sequence = company.dunningSequence;
  if (sequence.offsets.length === 0) return [];
  // Only invoices the first step has reached: due on or before today − (first offset).
  const reachedBy = new Date(Date.parse(`${today}T00:00:00Z`) - sequence.offsets[0]! * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      customerId: invoices.customerId,
      customerName: customers.name,
      currency: invoices.currency,
      dueDate: invoices.dueDate,
      balance: invoices.balance,
      disputed: disputedAmount,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        isNull(invoices.voidedAt),
        sql`${invoices.balance} > 0`,
        sql`${invoices.dueDate} <= ${reachedBy}`,
        or(isNull(customers.dunningPausedUntil), lt(customers.dunningPausedUntil, today)),
        sql`NOT ${underOpenPromise}`,
      ),
    )
    .orderBy(asc(invoices.customerId), asc(invoices.dueDate), asc(invoices.id))
    .all();
  const due: DueInvoice[] = [];
  for (const r of rows) {
    const daysPastDue = daysBetween(r.dueDate, today);
    const step = dueStep(sequence, daysPastDue);
    const asked = r.balance - Math.min(r.balance, r.disputed);
    if (step === null || asked <= 0) continue;
    due.push({ ...r, step, asked, disputed: r.balance - asked, daysPastDue });
  }
  if (due.length === 0) return due;
  const sent = new Set<string>();
  // Steps already sent, looked up in pieces (a parameter list has its limits on both engines).
  for (let i = 0; i < due.length; i += 500) {
    const piece = due.slice(i, i + 500);
    const rowsSent = await db
      .select({ invoiceId: dunningSteps.invoiceId, step: dunningSteps.step })
      .from(dunningSteps)
      .where(
        inArray(
          dunningSteps.invoiceId,
          piece.map((d) => d.id),
        ),
      )
      .all();
    for (const s of rowsSent) sent.add(`${s.invoiceId}:${s.step}`);
  }
  return due.filter((d) => !sent.has(`${d.id}:${d.step}`));
}

/** Which contacts (by email) get which invoices: every contact of each invoice's customer. */
async function byRecipient(db: DbOrTx, due: DueInvoice[]): Promise<Map<string, DueInvoice[]>> {
  const customerIds = [...new Set(due.map((d) => d.customerId))];
  const rows = await db
    .select({ email: contacts.email, customerId: contacts.customerId })
    .from(contacts)
    .where(inArray(contacts.customerId, customerIds))
    .orderBy(asc(contacts.email), asc(contacts.id))
    .all();
  const recipients = new Map<string, DueInvoice[]>();
  for (const r of rows) {
    const list = recipients.get(r.email) ?? [];
    list.push(...due.filter((d) => d.customerId === r.customerId));
    recipients.set(r.email, list);
  }
  return recipients;
}

/** Takes `email`'s reminder slot for `today`; false when it is taken already (one email a day). */
export async function takeDaySlot(
  tx: DbOrTx,
  email: string,
  today: string,
  kind: 'reminder' | 'promise_missed',
): Promise<boolean> {
  const taken = await tx
    .insert(dunningEmails)
    .values({ email, onDate: today, kind })
    .onConflictDoNothing()
    .returning({ email: dunningEmails.email })
    .all();
  return taken.length === 1;
}

/**
 * Marks the step each invoice is at today as sent without a reminder of its own: what a "promise
 * missed" email does, so dunning resumes from there and the day's reminder does not repeat it.
 */
export async function passOverSteps(
  tx: DbOrTx,
  company: Pick<CompanySettings, 'dunningSequence'>,
  items: { invoiceId: string; dueDate: string }[],
  today: string,
): Promise<void> {
  for (const item of items) {
    const step = dueStep(company.dunningSequence, daysBetween(item.dueDate, today));
    if (step === null) continue;
    await tx
      .insert(dunningSteps)
      .values({ invoiceId: item.invoiceId, step, onDate: today })
      .onConflictDoNothing()
      .run();
  }
}

/** Sends today's reminders in the caller's transaction; the number of emails queued. */
export async function sendReminders(tx: DbOrTx, config: Config, company: CompanySettings, now: Date): Promise<number> {
  const today = calendarDate(now, company.timeZone);
  const due = await dueReminders(tx, company, today);
  if (due.length === 0) return 0;
  const returnTo = easyPayReturnTo(company.portalUrl, config);
  const reminded = new Set<DueInvoice>();
  let queued = 0;
  for (const [email, items] of await byRecipient(tx, due)) {
    if (!(await takeDaySlot(tx, email, today, 'reminder'))) continue;
    const accounts = new Map<string, ReminderAccount>();
    for (const d of items) {
      const payUrl = await issueEasyPayLink(
        tx,
        config,
        { email, returnTo, target: `pay/${targetSegment(d.number)}`, invoiceIds: [d.id] },
        now,
      );
      if (!payUrl) continue;
      const account = accounts.get(d.customerId) ?? {
        customerName: d.customerName,
        currency: d.currency,
        invoices: [],
      };
      const line: ReminderInvoice = {
        number: d.number,
        dueDate: d.dueDate,
        amountDue: d.asked,
        disputed: d.disputed,
        daysPastDue: d.daysPastDue,
        payUrl,
      };
      account.invoices.push(line);
      accounts.set(d.customerId, account);
    }
    if (accounts.size === 0) continue;
    const sentItems = items.filter((d) => accounts.get(d.customerId)?.invoices.some((i) => i.number === d.number));
    const pastDueUrl = await issueEasyPayLink(
      tx,
      config,
      { email, returnTo, target: 'invoices?status=past_due', invoiceIds: sentItems.map((d) => d.id) },
      now,
    );
    const content = reminderEmail({
      company: company.companyName,
      to: email,
      accounts: [...accounts.values()],
      pastDueUrl: pastDueUrl ?? returnTo,
      supportEmail: company.supportEmail,
      footer: { address: company.companyAddress, portalUrl: company.portalUrl },
      locale: await readerLocale(tx, { email }, sentItems[0]!.customerId, company),
    });
    await queueEmail(tx, content, now);
    queued++;
    for (const customerId of accounts.keys()) {
      const mine = sentItems.filter((d) => d.customerId === customerId);
      await recordEvent(
        tx,
        {
          type: 'reminder.sent',
          actor: systemActor,
          subject: { type: 'customer', id: customerId },
          customerId,
          data: {
            to: email,
            invoices: mine.map((d) => ({ id: d.id, number: d.number, step: d.step, asked: d.asked })),
          },
        },
        now,
      );
    }
    for (const d of sentItems) reminded.add(d);
  }
  for (const d of reminded) {
    await tx.insert(dunningSteps).values({ invoiceId: d.id, step: d.step, onDate: today }).onConflictDoNothing().run();
  }
  return queued;
}

const nextRun = (now: Date, timeZone: string) => ({
  type: DUNNING_RUN,
  payload: {},
  runAt: nextDayAt(now, timeZone, SEND_HOUR),
  maxAttempts: 1_000_000,
});

/**
 * Makes sure one dunning run is scheduled (at start-up), as `scheduleMaintenance` does: the look and
 * the insert in one write transaction, so processes starting together start one chain.
 */
export async function scheduleDunning(db: Db, config: Config, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.type, DUNNING_RUN), inArray(jobs.status, ['queued', 'running'])))
      .get();
    if (pending) return;
    const company = await getSettings(tx, config);
    await enqueueJob(tx, nextRun(now, company.timeZone), now);
  });
}

/**
 * `dunning.run`: today's reminders, and the next run queued in the transaction that finishes this one.
 * A promise verdict due at the same time (both late: a server that was down, the demo's clock moved
 * forward) goes first: the run steps back a minute, so a missed promise's email takes the day's place
 * of its contact's reminder rather than following one.
 */
export function dunningRunHandler(db: Db, config: Config): JobHandler {
  return async (_payload, { now, finish }) => {
    await db.transaction(async (tx) => {
      const company = await getSettings(tx, config);
      const verdictDue = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.type, PROMISE_VERDICT), inArray(jobs.status, ['queued', 'running']), lte(jobs.runAt, now)))
        .get();
      if (verdictDue) {
        await enqueueJob(tx, { ...nextRun(now, company.timeZone), runAt: new Date(now.getTime() + MINUTE) }, now);
      } else {
        if (company.dunningEnabled) await sendReminders(tx, config, company, now);
        await enqueueJob(tx, nextRun(now, company.timeZone), now);
      }
      await finish(tx);
    });
  };
}
