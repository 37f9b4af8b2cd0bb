/** What the staff money actions share: what they are given, who acts, the customer acted on, company dates. */
import { eq } from 'drizzle-orm';
import type { OfflinePaymentMethod } from '../../contract';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { customers } from '../../db/schema';
import type { Providers } from '../../payments/registry';
import { calendarDate } from '../dates';
import { notFound } from '../errors';
import { recordEvent, type Actor } from '../events';
import type { CompanySettings, SettingsReader } from '../settings';

export interface MoneyDeps {
  db: Db;
  config: Config;
  clock: Clock;
  settings: SettingsReader;
  /** The payment providers: which payments may be refunded through one. */
  providers: Providers;
}

/** The staff member acting (an admin or collector) and the request it came with. */
export interface MoneyActing {
  staffUserId: string;
  email: string;
  name: string;
  requestId: string | null;
}

export const staffActor = (by: MoneyActing): Actor => ({ type: 'staff', id: by.staffUserId });

export type CustomerRow = typeof customers.$inferSelect;

export async function customerOf(db: DbOrTx, customerId: string): Promise<CustomerRow> {
  const row = await db.select().from(customers).where(eq(customers.id, customerId)).get();
  if (!row) throw notFound('No such customer.');
  return row;
}

/** The company's settings and today's date in its time zone. */
export async function companyToday(deps: MoneyDeps, db: DbOrTx): Promise<{ company: CompanySettings; today: string }> {
  const company = await deps.settings.get(db);
  return { company, today: calendarDate(deps.clock.now(), company.timeZone) };
}

/** Records an event by the staff member, with the request it came with. */
export function staffEvent(
  db: DbOrTx,
  by: MoneyActing,
  customerId: string,
  event: { type: string; subject: { type: string; id: string }; data: Record<string, unknown> },
  now: Date,
): Promise<number> {
  return recordEvent(db, { ...event, actor: staffActor(by), customerId, requestId: by.requestId }, now);
}

/** How an offline method is stored: a cheque is the `check` the ERP already records. */
export const STORED_METHOD = { cheque: 'check', wire: 'wire', cash: 'cash', other: 'other' } as const;

/** How the console names a stored method of money from outside the portal: `check` is a cheque. */
export function offlineMethodOf(stored: string): OfflinePaymentMethod | null {
  if (stored === 'check') return 'cheque';
  return stored === 'wire' || stored === 'cash' || stored === 'other' ? stored : null;
}
