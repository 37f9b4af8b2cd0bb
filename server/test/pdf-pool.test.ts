/**
 * The PDF worker pool: PDFs are drawn in worker threads, bounded (a full queue answers 503 busy),
 * and workers load the TypeScript renderers however the main thread loaded tsx.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Statement } from '../src/contract';
import { DomainError } from '../src/domain/errors';
import { httpStatusOf } from '../src/http/errors';
import { PDF_QUEUE, PDF_WORKERS, type PdfTask } from '../src/pdf/pool';
import { closePdfPool, pdfPoolStats, renderPdf } from './pdf-support';
import { errorCode, startTestServer, type TestServer } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));

function statement(lines: number): Statement {
  return {
    account: { id: 'cus_1', name: 'Northwind Traders', currency: 'USD', billingAddress: null },
    company: { name: 'Acme Supplies', address: '1200 Industrial Way', timeZone: 'UTC' },
    from: '2026-10-01',
    to: '2026-10-31',
    currency: 'USD',
    openingBalance: 0,
    lines: Array.from({ length: lines }, (_, i) => ({
      date: '2026-10-15',
      type: 'invoice' as const,
      reference: `INV-${i + 1}`,
      description: 'Invoice, due Nov 14, 2026',
      amount: 100,
      balance: 100 * (i + 1),
    })),
    totals: { invoiced: 100 * lines, paid: 0, credited: 0 },
    closingBalance: 100 * lines,
    unappliedCredit: 0,
    aging: { current: 100 * lines, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
    disputed: { total: 0, aging: { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 }, items: [] },
  };
}

const task = (lines = 3): PdfTask => ({ kind: 'statement', input: { statement: statement(lines) } });

/** Waits for every promise; the fulfilled values and the rejection reasons. */
async function settle<T>(promises: Promise<T>[]): Promise<{ done: T[]; refused: unknown[] }> {
  const results = await Promise.allSettled(promises);
  return {
    done: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    refused: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  };
}

describe('PDF worker pool', () => {
  after(() => closePdfPool());

  it('draws PDFs in worker threads, at most two of them', async () => {
    const before = pdfPoolStats().completed;
    const files = await Promise.all([task(), task(), task(), task()].map(renderPdf));
    for (const file of files) assert.equal(file.subarray(0, 5).toString('latin1'), '%PDF-');
    const stats = pdfPoolStats();
    assert.equal(stats.completed - before, 4, 'all four were drawn by the pool');
    assert.ok(stats.threads >= 1 && stats.threads <= PDF_WORKERS, `${stats.threads} threads`);
  });

  it('refuses what does not fit in the queue with 503 busy, and draws the rest', async () => {
    const burst = PDF_WORKERS + PDF_QUEUE + 16;
    const { done, refused } = await settle(Array.from({ length: burst }, () => renderPdf(task())));
    assert.ok(refused.length >= 1, 'a burst beyond the queue is refused in part');
    assert.ok(done.length >= PDF_QUEUE, `${done.length} drawn: at least a queue's worth`);
    for (const err of refused) {
      assert.ok(err instanceof DomainError, String(err));
      assert.equal(httpStatusOf(err), 503);
      assert.equal(err.code, 'busy');
      assert.equal(err.extra.retryAfter, 5);
    }
    for (const file of done) assert.equal(file.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it("loads the TypeScript renderers in a process that registered tsx through its API (the portico command's way)", async () => {
    const script = `
      import { register } from 'tsx/esm/api';
      register();
      const { renderPdf, closePdfPool } = await import('./server/test/pdf-support.ts');
      const statement = ${JSON.stringify(statement(2))};
      const file = await renderPdf({ kind: 'statement', input: { statement } });
      process.stdout.write(file.subarray(0, 5).toString('latin1'));
      await closePdfPool();
    `;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: root }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    assert.equal(out, '%PDF-');
  });
});

describe('PDF downloads when the pool is full', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t.close();
    await closePdfPool();
  });

  it('answers 503 busy with Retry-After, as JSON, not a broken download', async () => {
    const token = await t.signIn('ap@northwind.test');
    // Both workers and the whole queue taken, then a burst of downloads: what finds no room is refused.
    const filling = Promise.allSettled(Array.from({ length: PDF_WORKERS + PDF_QUEUE + 8 }, () => renderPdf(task(100))));
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => t.call('GET', '/statement?format=pdf', { token })),
    );
    await filling;
    const statuses = responses.map((r) => r.status);
    assert.ok(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(' '),
    );
    const busy = responses.filter((r) => r.status === 503);
    assert.ok(busy.length > 0, `some downloads are refused: ${statuses.join(' ')}`);
    for (const res of busy) {
      assert.equal(res.headers.get('retry-after'), '5');
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(res.headers.get('content-disposition'), null);
      assert.equal(await errorCode(res), 'busy');
    }
    for (const res of responses.filter((r) => r.status === 200)) {
      assert.equal(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
        '%PDF-',
      );
    }

    const again = await t.call('GET', '/statement?format=pdf', { token });
    assert.equal(again.status, 200, 'once the queue drains, downloads go through');
    assert.equal(
      Buffer.from(await again.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
    );
  });
});
