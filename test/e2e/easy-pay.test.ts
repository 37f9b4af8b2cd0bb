/**
 * End to end in Chromium: the ERP sends an invoice, the customer opens its Easy Pay link from the
 * email, pays with the sandbox test card, the invoice is paid, and the ERP's webhook receiver (a real
 * HTTP server here) gets a signed `payment.applied` with the allocation.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { ErpWebhookEndpointCreated, ErpWebhookPayload } from '../../server/src/contract/erp';
import { verifySignedPayload } from '../../server/src/crypto';
import { startDemoStack, type DemoStack } from '../support/demo-stack';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The ERP's webhook receiver: keeps every delivery and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/portico`, received, server };
}

describe('Easy Pay from an invoice email to the ERP', () => {
  let stack: DemoStack | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  before(async () => {
    stack = await startDemoStack();
    receiver = await startReceiver();
  });
  after(async () => {
    await stack?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('pays an invoice from its Easy Pay link, and the ERP gets a signed payment.applied', async () => {
    const { portico, mail, browser } = stack!;
    // The ERP's key, made with the CLI against the server's own database file, as an operator would.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/main.ts', 'keys', 'create', '--name', 'e2e ERP'],
      { env: { ...process.env, DATABASE_PATH: portico.databasePath } },
    );
    const erp = { authorization: `Bearer ${stdout.trim()}`, 'content-type': 'application/json' };

    const registered = await fetch(`${portico.url}/api/v1/erp/webhooks`, {
      method: 'POST',
      headers: erp,
      body: JSON.stringify({ url: receiver!.url, events: ['payment.applied'] }),
    });
    assert.equal(registered.status, 201, await registered.clone().text());
    const { secret } = (await registered.json()) as ErpWebhookEndpointCreated;

    const before = mail.to('ap@northwind.test').length;
    const sent = await fetch(`${portico.url}/api/v1/erp/invoices/inv_inv1031/send`, { method: 'POST', headers: erp });
    assert.equal(sent.status, 202, await sent.clone().text());
    const email = await mail.waitFor('ap@northwind.test', {
      after: before,
      subject: /^Invoice INV-1031 from Acme Supplies/,
      timeoutMs: 15_000,
    });
    assert.equal(email.attachments[0]?.filename, 'INV-1031.pdf');
    const link = /(https?:\/\/\S+#portico-link=[A-Za-z0-9_-]+)/.exec(email.text)?.[1];
    assert.ok(link, email.text);

    const page = await (await browser.newContext()).newPage();
    await page.goto(link);
    // An Easy Pay link lands on paying: the company, the invoice and what is due, and one button that
    // exchanges the link (opening the page consumed nothing).
    const landing = page.locator('ar-login [part="pay-landing"]');
    await landing.getByRole('heading', { name: 'Pay invoice INV-1031' }).waitFor();
    assert.match(await landing.innerText(), /Acme Supplies[\s\S]*Amount due\s*\$1,575\.04/);
    assert.equal(await page.getByText('Continue signing in?').count(), 0);
    await landing.getByRole('button', { name: 'Review and pay' }).click();
    const pay = page.locator('ar-easy-pay');
    await pay.getByText('INV-1031').first().waitFor();
    await pay.getByLabel('Card number').fill('4242 4242 4242 4242');
    await pay.getByLabel(/Expiry date/).fill('12/30');
    await pay.getByLabel(/Security code/).fill('123');
    await pay.getByLabel('Name on card').fill('Nancy Davolio');
    // $1,575.04 plus the demo's 2.5 % card surcharge ($39.38).
    await pay.getByRole('button', { name: 'Pay $1,614.42' }).click();
    await pay.getByRole('heading', { name: 'Payment received' }).waitFor({ timeout: 15_000 });
    assert.ok(await pay.getByText('$1,614.42').first().isVisible());

    // The invoice is paid: the ERP's own view of it says so.
    const invoices = (await (
      await fetch(`${portico.url}/api/v1/erp/invoices?updatedSince=2000-01-01T00:00:00Z`, { headers: erp })
    ).json()) as { items: { id: string; balance: number; status: string }[] };
    const paid = invoices.items.find((i) => i.id === 'inv_inv1031');
    assert.equal(paid?.balance, 0);

    // And the ERP's receiver got the signed webhook, delivered by the job queue.
    const deadline = Date.now() + 20_000;
    let delivery: Received | undefined;
    while (!(delivery = receiver!.received.find((r) => r.headers['portico-event-type'] === 'payment.applied'))) {
      assert.ok(Date.now() < deadline, 'no payment.applied webhook within 20 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const signature = delivery.headers['portico-signature'] as string;
    assert.equal(verifySignedPayload(secret, delivery.body, signature, new Date()), 'ok');
    assert.equal(verifySignedPayload('whsec_wrong', delivery.body, signature, new Date()), 'mismatch');
    assert.match(String(delivery.headers['portico-delivery-id']), /^dlv_/);
    const payload = JSON.parse(delivery.body) as ErpWebhookPayload;
    assert.equal(payload.type, 'payment.applied');
    assert.equal(payload.data.payment!.status, 'succeeded');
    assert.equal(payload.data.payment!.surcharge, 3_938);
    assert.deepEqual(
      payload.data.allocations?.map((a) => [a.invoiceNumber, a.amount]),
      [['INV-1031', 157_504]],
    );
  });
});
