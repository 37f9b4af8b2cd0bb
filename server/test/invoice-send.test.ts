import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { PDFParse } from 'pdf-parse';
import { SMTPServer } from 'smtp-server';
import { sql, type SQL } from 'drizzle-orm';
import type { ErpInvoiceSendResult, ErpInvoicesUpsertResult } from '../src/contract/erp';
import type { InvoiceList, SessionCreated } from '../src/contract';
import type { EmailAttachmentSpec } from '../src/db/schema';
import { systemActor } from '../src/domain/events';
import { recordSettledPayment } from '../src/domain/ledger/ledger';
import { emailDeliveryHandler } from './pdf-support';
import { queueEmail } from '../src/domain/notifications/outbox';
import { putSettings } from '../src/domain/settings';
import { smtpMailer } from '../src/mail/mailer';
import { errorCode, ORIGIN, startTestServer, type TestServer } from './helpers';
import { customerRow, erpCall, erpKey, invoiceRow } from './erp-helpers';

const FROM = 'Acme Supplies <billing@acme.test>';
const CONTACTS = ['ap1@erp.test', 'controller@erp.test'];

let t: TestServer;
let key: string;

/**
 * A second loopback SMTP server that keeps whole parsed messages, attachments included (the shared
 * capture keeps the text parts only).
 */
async function startFileCapture() {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first column of the first row `query` finds (undefined for none), on either engine. */
const scalar = async (query: SQL): Promise<unknown> => (await t.db.get<unknown[] | undefined>(query))?.[0];

async function putInvoices(rows: unknown[], status = 200): Promise<ErpInvoicesUpsertResult> {
  const res = await erpCall(t, key, 'PUT', '/invoices', { body: { invoices: rows } });
  assert.equal(res.status, status, await res.clone().text());
  return (await res.json()) as ErpInvoicesUpsertResult;
}

async function send(ref: string): Promise<Response> {
  return erpCall(t, key, 'POST', `/invoices/${encodeURIComponent(ref)}/send`);
}

const invoiceId = async (externalId: string) =>
  (await scalar(sql`SELECT id FROM invoices WHERE external_id = ${externalId}`)) as string;
const invoiceEmails = (number: string) => t.mail.messages.filter((m) => m.subject.startsWith(`Invoice ${number} from`));
const linkIn = (text: string) => /(https?:\/\/\S+)#portico-link=([A-Za-z0-9_-]{43})/.exec(text);

before(async () => {
  t = await startTestServer();
  ({ key } = await erpKey(t));
  await putSettings(t.db, { portalUrl: `${ORIGIN}/portal` }, t.clock.now());
  const res = await erpCall(t, key, 'PUT', '/customers', {
    body: { customers: [customerRow(1, { contacts: CONTACTS.map((email) => ({ email })) })] },
  });
  assert.equal(res.status, 200);
  await putInvoices([invoiceRow(1), invoiceRow(2)]);
  await t.worker.runDue();
});
after(() => t.close());

describe('POST /erp/invoices/:id/send', () => {
  it('emails each contact the invoice PDF and an Easy Pay link that opens just that invoice', async () => {
    const res = await send('I-1');
    assert.equal(res.status, 202);
    assert.deepEqual((await res.json()) as ErpInvoiceSendResult, { sent: 2 });

    // The send job writes the emails; their first delivery attempt meets a refusing server and waits,
    // so they can be delivered here to the capture that keeps attachments.
    t.mail.failing = true;
    await t.worker.runDue();
    t.mail.failing = false;
    const rows = (
      await t.db.all<[string, string, number, string]>(
        sql`SELECT id, "to", sensitive, attachments FROM email_outbox WHERE kind = 'invoice' ORDER BY "to", id`,
      )
    ).map(([id, to, sensitive, attachments]) => ({ id, to, sensitive, attachments }));
    const first = await invoiceId('I-1');
    assert.deepEqual(
      rows.map((r) => [r.to, r.sensitive, JSON.parse(r.attachments) as EmailAttachmentSpec[]]),
      CONTACTS.map((to) => [to, 1, [{ type: 'invoice_pdf', invoiceId: first }]]),
    );
    const files = await startFileCapture();
    try {
      const mailer = smtpMailer(files.url);
      const deliver = emailDeliveryHandler(t.db, mailer, FROM);
      const ctx = {
        jobId: 0,
        attempt: 2,
        lastAttempt: false,
        now: t.clock.now(),
        signal: new AbortController().signal,
        finish: () => Promise.resolve(),
      };
      for (const r of rows) await deliver({ emailId: r.id }, ctx);
      mailer.close?.();
    } finally {
      await files.close();
    }

    assert.equal(files.messages.length, 2);
    const recipient = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
    assert.deepEqual(files.messages.map(recipient).sort(), CONTACTS);
    const mail = files.messages.find((m) => recipient(m) === 'ap1@erp.test')!;
    assert.equal(mail.subject, 'Invoice ERP-1 from Acme Supplies — $242.01 due 2026-12-01');
    assert.match(mail.text!, /Amount due: \$242\.01/);
    assert.match(mail.text!, /Due date: 2026-12-01/);
    assert.match(mail.html as string, /Pay now/);
    const [attachment, ...more] = mail.attachments;
    assert.equal(more.length, 0);
    assert.equal(attachment!.filename, 'ERP-1.pdf');
    assert.equal(attachment!.contentType, 'application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(attachment!.content) });
    try {
      const { text } = await parser.getText();
      assert.ok(text.includes('ERP-1'), 'the PDF is the invoice');
      assert.ok(text.includes('Customer 1'), 'addressed to the customer');
    } finally {
      await parser.destroy();
    }

    // Each contact has a link of their own, on the company's portal page.
    const links = files.messages.map((m) => linkIn(m.text!)!);
    assert.ok(links.every((l) => l[1] === `${ORIGIN}/portal`));
    assert.notEqual(links[0]![2], links[1]![2]);
    // The email is delivered, so the outbox no longer holds the link.
    assert.doesNotMatch(
      (await scalar(sql`SELECT text FROM email_outbox WHERE id = ${rows[0]!.id}`)) as string,
      /portico-link/,
    );

    const exchanged = await t.call('POST', '/auth/sessions', { body: { token: linkIn(mail.text!)![2] } });
    assert.equal(exchanged.status, 200, await exchanged.clone().text());
    const session = (await exchanged.json()) as SessionCreated;
    assert.equal(session.target, 'pay/ERP-1');
    const list = await t.call('GET', '/invoices?status=all', { token: session.token });
    assert.deepEqual(
      ((await list.json()) as InvoiceList).items.map((i) => i.number),
      ['ERP-1'],
    );
    const other = await t.call('GET', `/invoices/${await invoiceId('I-2')}`, { token: session.token });
    assert.equal(other.status, 404);

    // Long-lived and reusable, as Easy Pay links are; its code was in no email, so it never worked.
    const [maxUses, ttl, codeTtl] = (await t.db.get<[number, number, number]>(
      sql`SELECT max_uses, expires_at - created_at, code_expires_at - created_at FROM magic_links WHERE scope_invoice_ids IS NOT NULL LIMIT 1`,
    ))!;
    assert.deepEqual({ max_uses: maxUses, ttl, codeTtl }, { max_uses: 20, ttl: 30 * 86_400_000, codeTtl: 0 });
    const [actorType, data] = (await t.db.get<[string, string]>(
      sql`SELECT actor_type, data FROM events WHERE type = 'invoice.sent' AND subject_id = ${first}`,
    ))!;
    assert.equal(actorType, 'erp');
    assert.deepEqual((JSON.parse(data) as { to: string[] }).to, CONTACTS);

    // The delivery jobs that waited find the emails sent: nobody gets them twice.
    t.clock.advance(60_000);
    await t.worker.runDue();
    assert.equal(invoiceEmails('ERP-1').length, 0);
  });

  it('links to this server when the portal page is not on an allowed origin, and takes Portico ids', async () => {
    await putSettings(t.db, { portalUrl: 'https://elsewhere.test/pay' }, t.clock.now());
    try {
      const res = await send(await invoiceId('I-2'));
      assert.equal(res.status, 202);
      await t.worker.runDue();
      const [mail] = invoiceEmails('ERP-2').filter((m) => m.to === 'controller@erp.test');
      assert.equal(mail!.subject, 'Invoice ERP-2 from Acme Supplies — $242.01 due 2026-12-01');
      assert.equal(linkIn(mail!.text)![1], 'https://ar.shop.test/');
    } finally {
      await putSettings(t.db, { portalUrl: `${ORIGIN}/portal` }, t.clock.now());
    }
  });

  it('refuses a paid or void invoice with 409 and an unknown one with 404', async () => {
    await putInvoices([invoiceRow(3), invoiceRow(4, { void: true })]);
    const paid = await invoiceId('I-3');
    const paidCustomer = (await scalar(sql`SELECT customer_id FROM invoices WHERE id = ${paid}`)) as string;
    await t.db.transaction((tx) =>
      recordSettledPayment(
        tx,
        {
          customerId: paidCustomer,
          currency: 'USD',
          amount: 24_201,
          method: 'check',
          provider: 'erp',
          allocations: [{ invoiceId: paid, amount: 24_201 }],
        },
        systemActor,
        t.clock.now(),
      ),
    );
    const jobs = await scalar(sql`SELECT count(*) FROM jobs WHERE type = 'invoice.send'`);
    const paidRes = await send('I-3');
    assert.equal(paidRes.status, 409);
    assert.match(((await paidRes.json()) as { error: { message: string } }).error.message, /nothing to pay/);
    const voidRes = await send('I-4');
    assert.equal(voidRes.status, 409);
    assert.equal(await errorCode(voidRes), 'conflict');
    const unknown = await send('I-404');
    assert.equal(unknown.status, 404);
    assert.equal(await scalar(sql`SELECT count(*) FROM jobs WHERE type = 'invoice.send'`), jobs);
  });

  it('sends nothing when the invoice is paid between the request and the send', async () => {
    await putInvoices([invoiceRow(5)]);
    assert.equal((await send('I-5')).status, 202);
    const id = await invoiceId('I-5');
    const customerId = (await scalar(sql`SELECT customer_id FROM invoices WHERE id = ${id}`)) as string;
    await t.db.transaction((tx) =>
      recordSettledPayment(
        tx,
        {
          customerId,
          currency: 'USD',
          amount: 24_201,
          method: 'wire',
          provider: 'erp',
          allocations: [{ invoiceId: id, amount: 24_201 }],
        },
        systemActor,
        t.clock.now(),
      ),
    );
    await t.worker.runDue();
    assert.equal(await scalar(sql`SELECT count(*) FROM email_outbox WHERE subject LIKE 'Invoice ERP-5 %'`), 0);
    assert.match(
      (await scalar(sql`SELECT data FROM events WHERE type = 'invoice.send_skipped' AND subject_id = ${id}`)) as string,
      /"reason":"paid"/,
    );
  });
});

describe('PUT /erp/invoices with send: true', () => {
  it('emails each sendable row once the import commits, and says how many', async () => {
    const result = await putInvoices([
      invoiceRow(10, { send: true }),
      invoiceRow(11),
      invoiceRow(12, { send: true, void: true }),
    ]);
    assert.deepEqual(result, { created: 3, updated: 0, unchanged: 0, voided: 1, sent: 1 });
    await t.worker.runDue();
    assert.deepEqual(
      invoiceEmails('ERP-10')
        .map((m) => m.to)
        .sort(),
      CONTACTS,
    );
    assert.equal(invoiceEmails('ERP-11').length + invoiceEmails('ERP-12').length, 0);
    assert.ok(linkIn(invoiceEmails('ERP-10')[0]!.text));

    // An unchanged row asking again is sent again: sending is an action, not a field.
    const again = await putInvoices([invoiceRow(10, { send: true })]);
    assert.deepEqual(again, { created: 0, updated: 0, unchanged: 1, voided: 0, sent: 1 });
  });

  it('sends nothing when the import fails, and leaves `sent` out when no row asked', async () => {
    const jobs = await scalar(sql`SELECT count(*) FROM jobs WHERE type = 'invoice.send'`);
    await putInvoices([invoiceRow(20, { send: true }), invoiceRow(21, { dueDate: 'soon' })], 422);
    assert.equal(await scalar(sql`SELECT count(*) FROM jobs WHERE type = 'invoice.send'`), jobs);
    assert.equal(await invoiceId('I-20'), undefined);
    const plain = await putInvoices([invoiceRow(22)]);
    assert.deepEqual(plain, { created: 1, updated: 0, unchanged: 0, voided: 0 });
  });
});

describe('email attachments', () => {
  it('fails the delivery attempt, with a clear error, for an attachment type no renderer makes', async () => {
    const id = await queueEmail(
      t.db,
      {
        kind: 'test',
        to: 'files@erp.test',
        subject: 'A file we cannot make',
        text: 'See attached.',
        html: '<p>See attached.</p>',
        attachments: [{ type: 'ledger_pdf' } as unknown as EmailAttachmentSpec],
      },
      t.clock.now(),
    );
    await t.worker.runDue();
    const [status, attempts, lastError] = (await t.db.get<[string, number, string]>(
      sql`SELECT status, attempts, last_error FROM email_outbox WHERE id = ${id}`,
    ))!;
    const row = { status, attempts, last_error: lastError };
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error, /No renderer is registered for ledger_pdf attachments/);
    assert.equal(t.mail.to('files@erp.test').length, 0);
  });
});
