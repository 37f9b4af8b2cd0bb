/** What every part of payments is given, and what they share. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { PaymentMethod } from '../../contract';
import { type Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { type payments, customers, invoices } from '../../db/schema';
import type { Logger } from '../../logger';
import type { ChargeInput } from '../../payments/provider';
import type { Providers } from '../../payments/registry';
import { type SettingsReader } from '../settings';

export interface PaymentDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  providers: Providers;
  /** This process's provider calls in progress (see `RunningCharges`). */
  charges: RunningCharges;
  /** The app's settings reader (see `SettingsReader`). */
  settings: SettingsReader;
}

export type PaymentRow = typeof payments.$inferSelect;

/**
 * Provider calls running in this process, by payment id: a request with the same key, or a confirm,
 * that arrives while the provider is still answering waits for that answer instead of calling again.
 * Across processes, the unique key and the state checks in the write transaction keep it to one.
 */
export type RunningCharges = Map<string, Promise<void>>;

/** A payment cancelled before it completed: the payer replaced or abandoned it, or it lapsed. */
export const CANCELLED_CODES = ['cancelled', 'lapsed'];

export async function chargeInput(
  { db, settings }: Pick<PaymentDeps, 'db' | 'settings'>,
  payment: PaymentRow,
  paymentMethod: string | null,
): Promise<ChargeInput> {
  const customer = (await db.select().from(customers).where(eq(customers.id, payment.customerId)).get())!;
  const numbers = (payment.requestedAllocations ?? []).map((a) => a.invoiceId);
  // In id order (as SQLite's primary key index returned them), the same on both engines.
  const rows = numbers.length
    ? await db
        .select({ number: invoices.number })
        .from(invoices)
        .where(inArray(invoices.id, numbers))
        .orderBy(asc(invoices.id))
        .all()
    : [];
  const company = (await settings.get(db)).companyName;
  return {
    paymentId: payment.id,
    amount: payment.amount + payment.surcharge,
    currency: payment.currency,
    method: payment.method as PaymentMethod,
    paymentMethod,
    customer: { id: customer.id, name: customer.name, email: payment.payerEmail },
    description: `${company} ${rows.map((r) => r.number).join(', ')}`.slice(0, 200),
  };
}
