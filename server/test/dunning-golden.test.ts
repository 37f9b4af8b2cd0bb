/**
 * The demo company's emails over 120 days of the default reminder sequence (3 days before due, on the
 * due date, 7, 14 and 30 days after, then every 14 days), the clock moved one day at a time with the
 * due jobs run each day: the exact list, compared with `golden/dunning-120-days.txt` — each email's
 * day and hour in New York, kind, address and subject, and for a reminder the invoices it names with
 * their due date, days past due, step and the amount asked (links are left out: their tokens are
 * random). A person read the file once and checked it; `UPDATE_GOLDEN=1` rewrites it after a change
 * that is meant to alter it, to be read again. The same file holds on both engines.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { DAY } from '../src/clock';
import { customers, emailOutbox, events, invoices } from '../src/db/schema';
import { daysBetween } from '../src/domain/dates';
import { startTestServer, type TestServer } from './helpers';
import { companyDay, ZONE } from './promises-support';

const GOLDEN = fileURLToPath(new URL('./golden/dunning-120-days.txt', import.meta.url));
const DAYS = 120;

const hour = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minor units as a decimal amount, in integers (`123456` is `1234.56`). */
const amount = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

interface Named {
  id: string;
  number: string;
  step: number;
  asked: number;
}

let t: TestServer;

before(async () => {
  t = await startTestServer();
});
after(() => t.close());

/** The emails as the golden file lists them, oldest first. */
async function emailsWritten(): Promise<string> {
  const mail = await t.db.select().from(emailOutbox).all();
  const sent = await t.db
    .select({ data: events.data, customerId: events.customerId, createdAt: events.createdAt })
    .from(events)
    .where(eq(events.type, 'reminder.sent'))
    .all();
  const invoiceRows = await t.db
    .select({ id: invoices.id, dueDate: invoices.dueDate, currency: invoices.currency, customer: customers.name })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .all();
  const invoiceOf = new Map(invoiceRows.map((r) => [r.id, r]));
  const named = new Map<string, Named[]>();
  for (const e of sent) {
    const data = e.data as { to: string; invoices: Named[] };
    const key = `${data.to} ${e.createdAt.getTime()}`;
    named.set(key, [...(named.get(key) ?? []), ...data.invoices]);
  }
  const lines = mail
    .map((m) => {
      const day = companyDay(m.createdAt);
      const head = `${day} ${hour.format(m.createdAt)}  ${m.kind}  ${m.to}  ${m.subject}`;
      const items = (named.get(`${m.to} ${m.createdAt.getTime()}`) ?? [])
        .map((n) => {
          const invoice = invoiceOf.get(n.id)!;
          const late = daysBetween(invoice.dueDate, day);
          return `    ${invoice.customer}  ${n.number}  due ${invoice.dueDate} (${late >= 0 ? '+' : ''}${late} d)  step ${n.step}  asks ${invoice.currency} ${amount(n.asked)}`;
        })
        .sort();
      if (m.kind === 'reminder') assert.ok(items.length > 0, `the reminder ${head} has its reminder.sent events`);
      return { at: m.createdAt.getTime(), text: [head, ...items].join('\n') };
    })
    .sort((a, b) => a.at - b.at || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return [
    `# Every email of the demo company over ${DAYS} days of the default reminder sequence (dunning-golden.test.ts).`,
    '# Day and hour in New York, kind, address, subject; under a reminder, each invoice it names:',
    '# account, number, due date (days past due), sequence step, amount asked. The clock moves from 15:00 UTC,',
    '# so the 09:00 run goes out at 10:00 there (11:00 from 14 March, summer time).',
    ...lines.map((l) => l.text),
    '',
  ].join('\n');
}

describe('the demo company over 120 days of dunning', () => {
  it('sends exactly the emails of the golden file', async () => {
    await t.worker.runDue();
    for (let day = 0; day < DAYS; day++) {
      t.clock.advance(DAY);
      await t.worker.runDue();
    }
    const written = await emailsWritten();
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, written);
    }
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run this test with UPDATE_GOLDEN=1 and read what it writes`);
    assert.equal(written, readFileSync(GOLDEN, 'utf8'));
  });
});
