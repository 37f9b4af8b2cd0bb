/**
 * Shared by the dispute tests (disputes.test.ts, disputes-refusals.test.ts, dispute-ledger.property.test.ts)
 * and the route matrix's world: invoices fit to dispute, their lines, opening a dispute over the API,
 * uploading a file, and the rows a refusal must not have written.
 */
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { DisputeView } from '../src/contract';
import {
  creditNotes,
  disputeAttachments,
  disputeMessages,
  disputes,
  emailOutbox,
  events,
  invoiceLines,
  invoices,
} from '../src/db/schema';
import { ORIGIN, type TestServer } from './helpers';

export const NORTHWIND = 'cus_northwind';
export const NORTHWIND_EMAIL = 'ap@northwind.test';

/** The smallest PNG there is: a 1×1 transparent pixel. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** An account's open invoices with two lines or more and no dispute, oldest due first. */
export async function disputable(t: TestServer, account = NORTHWIND) {
  return t.db
    .select({ id: invoices.id, number: invoices.number, balance: invoices.balance })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, account),
        gt(invoices.balance, 0),
        sql`${invoices.voidedAt} IS NULL`,
        sql`NOT EXISTS (SELECT 1 FROM "disputes" "d" WHERE "d"."invoice_id" = "invoices"."id")`,
        sql`(SELECT count(*) FROM "invoice_lines" "l" WHERE "l"."invoice_id" = "invoices"."id") >= 2`,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .all();
}

/** An invoice's lines, in line order. */
export async function linesOf(t: TestServer, invoiceId: string) {
  return t.db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.lineNo))
    .all();
}

/** What disputes have written so far, and the emails queued: a refusal leaves every count as it was. */
export async function written(t: TestServer) {
  const [d] = await t.db.select({ n: count() }).from(disputes).all();
  const [m] = await t.db.select({ n: count() }).from(disputeMessages).all();
  const [a] = await t.db.select({ n: count() }).from(disputeAttachments).all();
  const [c] = await t.db.select({ n: count() }).from(creditNotes).all();
  const [o] = await t.db.select({ n: count() }).from(emailOutbox).all();
  const [e] = await t.db
    .select({ n: count() })
    .from(events)
    .where(sql`${events.type} LIKE 'dispute.%'`)
    .all();
  return { disputes: d!.n, messages: m!.n, attachments: a!.n, creditNotes: c!.n, emails: o!.n, events: e!.n };
}

/** `POST /disputes/:id/attachments` with one file in the `file` field (and other fields, if given). */
export async function upload(
  t: TestServer,
  token: string,
  id: string,
  bytes: Uint8Array,
  name: string,
  options: { type?: string; fields?: Record<string, string> } = {},
) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: options.type ?? 'image/png' }), name);
  for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value);
  return fetch(`${t.api}/disputes/${id}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: ORIGIN },
    body: form,
  });
}

/** Opens a dispute of `amount` on the invoice's first line over the API (throws unless it is a 201). */
export async function openDispute(
  t: TestServer,
  token: string,
  invoiceId: string,
  amount: number,
  line = 1,
): Promise<DisputeView> {
  const res = await t.call('POST', '/disputes', {
    token,
    body: { invoice: invoiceId, lines: [{ line, reason: 'damaged', amount }], message: 'Not what we ordered.' },
  });
  if (res.status !== 201) throw new Error(`opening a dispute on ${invoiceId}: ${res.status} ${await res.text()}`);
  return (await res.json()) as DisputeView;
}
