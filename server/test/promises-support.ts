/**
 * What the promise and dunning property tests share: a Portico of their own on the run's engine (the
 * app, its worker and an injected clock, no HTTP), a company in New York (so runs cross a change of
 * daylight saving time), customers with contacts and invoices written through the ledger, sessions for
 * the domain functions, and the company-calendar arithmetic the tests check the server against.
 */
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { DAY, MINUTE, ManualClock } from '../src/clock';
import { testConfig } from '../src/config';
import { contacts, customers, jobs } from '../src/db/schema';
import type { AuthSession } from '../src/domain/auth';
import { authenticate, createSession } from '../src/domain/auth/sessions';
import { addDays, calendarDate } from '../src/domain/dates';
import { systemActor } from '../src/domain/events';
import { createInvoice } from '../src/domain/ledger';
import { putSettings, type CompanySettings } from '../src/domain/settings';
import { devMailer } from '../src/mail/mailer';
import { openTestDatabase } from './postgres-support';

export const ZONE = 'America/New_York';

/** The company's calendar date at `instant`. */
export const companyDay = (instant: Date | number): string => calendarDate(new Date(instant), ZONE);

/**
 * Midnight at the start of `date` in New York, found without the server's date code: of the zone's
 * two offsets, the one whose instant is `date` there while a millisecond before is the day before.
 */
export function newYorkMidnight(date: string): number {
  for (const offset of ['-05:00', '-04:00']) {
    const at = Date.parse(`${date}T00:00:00${offset}`);
    if (companyDay(at) === date && companyDay(at - 1) !== date) return at;
  }
  throw new Error(`no midnight found for ${date} in ${ZONE}`);
}

export type Domain = Awaited<ReturnType<typeof openDomain>>;

/** An app on a fresh database of the run's engine, its clock at `start`, the company set up first. */
export async function openDomain(prefix: string, start: string, settings: Partial<CompanySettings> = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const database = await openTestDatabase(dir);
  const config = testConfig({ ...database.config });
  const clock = new ManualClock(start);
  const db = database.db;
  await putSettings(db, { companyName: 'Prop Supplies', timeZone: ZONE, currency: 'USD', ...settings }, clock.now());
  const app = await createApp({ config, db, clock, mailer: devMailer });

  /** A customer session for `email`, fresh each time (the clock outruns any session's lifetime). */
  async function session(email: string): Promise<AuthSession> {
    const principal = { audience: 'customer' as const, email, staffUserId: null, scopeInvoiceIds: null, linkId: null };
    const { token } = await createSession(db, config, principal, clock.now());
    return (await authenticate(db, config, token, clock.now()))!;
  }

  /** A customer with its contacts (a contact may be another customer's too) and one invoice per total. */
  async function customer(
    id: string,
    emails: string[],
    invoices: { number: string; total: number; dueDate: string }[],
  ): Promise<string[]> {
    const now = clock.now();
    await db
      .insert(customers)
      .values({ id, name: `Customer ${id}`, currency: 'USD', updatedAt: now })
      .run();
    for (const [i, email] of emails.entries()) {
      await db
        .insert(contacts)
        .values({ id: `con_${id}_${i}`, customerId: id, email })
        .run();
    }
    const ids: string[] = [];
    for (const invoice of invoices) {
      const created = await createInvoice(
        db,
        {
          customerId: id,
          number: invoice.number,
          issueDate: addDays(invoice.dueDate, -30),
          dueDate: invoice.dueDate,
          currency: 'USD',
          lines: [{ description: 'Supplies', quantityMilli: 1000, unitPrice: invoice.total }],
        },
        systemActor,
        now,
      );
      ids.push(created.id);
    }
    return ids;
  }

  /**
   * Moves the clock to `at` (never back) a day at most at a time, running the jobs due on the way;
   * `tick` hears each instant the jobs ran at. A job that steps back a few minutes from a tick (the
   * reminder run letting a promise verdict due with it go first) runs then too, as it would in a
   * day of real time, before the next tick.
   */
  async function runUntil(at: number, tick: (now: number) => void = () => undefined): Promise<void> {
    await app.worker.runDue();
    while (clock.now().getTime() < at) {
      clock.advance(Math.min(DAY, at - clock.now().getTime()));
      await app.worker.runDue();
      tick(clock.now().getTime());
      const soon = await db
        .select({ runAt: jobs.runAt })
        .from(jobs)
        .where(
          and(
            eq(jobs.status, 'queued'),
            gt(jobs.runAt, clock.now()),
            lte(jobs.runAt, new Date(Math.min(at, clock.now().getTime() + 5 * MINUTE))),
          ),
        )
        .orderBy(asc(jobs.runAt))
        .get();
      if (soon) {
        clock.advance(soon.runAt.getTime() - clock.now().getTime());
        await app.worker.runDue();
        tick(clock.now().getTime());
      }
    }
  }

  async function close() {
    await app.worker.stop();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return { db, config, clock, app, session, customer, runUntil, close };
}
