/**
 * Sign-ins and invoice lists while invoice PDFs are being downloaded, against the same requests with
 * no PDFs, in the same run on the same server. PDFs are drawn in worker threads (server/src/pdf/pool.ts),
 * so the ratio should stay near 1; drawn on the event loop, one PDF in a dozen requests sent p99
 * past 10 s.
 *
 *   npm run bench                              (every benchmark)
 *   node --import tsx bench/pdf-load.bench.ts  (this one; BENCH_SECONDS=10, BENCH_PDF_CONNECTIONS=4)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { testConfig } from '../server/src/config';
import { openDb } from '../server/src/db/client';
import { createSession } from '../server/src/domain/auth';
import { seedDemo } from '../server/src/seed/demo';
import { freePort, startServer } from './servers';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LIST_CONNECTIONS = Number(process.env.BENCH_LIST_CONNECTIONS ?? 4);
const SIGN_IN_CONNECTIONS = Number(process.env.BENCH_SIGN_IN_CONNECTIONS ?? 2);
const PDF_CONNECTIONS = Number(process.env.BENCH_PDF_CONNECTIONS ?? 4);

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: SECONDS, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function row(name: string, r: autocannon.Result, baseline?: autocannon.Result) {
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  return {
    scenario: name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    'max ms': r.latency.max,
    'p99 vs no PDFs': baseline ? ratio(r.latency.p99, baseline.latency.p99) : '1.00×',
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'portico-bench-pdf-'));
  const databasePath = join(dir, 'portico.sqlite');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const database = await openDb({ DATABASE_PATH: databasePath });
  await seedDemo(database.db, new Date());
  const { token } = await createSession(
    database.db,
    testConfig({ CUSTOMER_IDLE_MINUTES: '600' }),
    { audience: 'customer', email: 'ap@northwind.test', staffUserId: null, scopeInvoiceIds: null, linkId: null },
    new Date(),
  );
  await database.close();

  const server = await startServer(
    ['server/src/main.ts'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'error',
      CUSTOMER_IDLE_MINUTES: '600',
      // Sign-in link requests by the thousand from one address: the limits would answer 429 instead.
      RATE_LIMIT_EMAIL: '100000000',
      RATE_LIMIT_IP: '100000000',
      RATE_LIMIT_GLOBAL: '100000000',
      RESEND_COOLDOWN_SECONDS: '0',
    },
    `${base}/api/v1/health`,
    60,
  );
  try {
    const api = `${base}/api/v1`;
    const auth = { authorization: `Bearer ${token}`, origin: base };
    const list = () => load({ url: `${api}/invoices?limit=50`, connections: LIST_CONNECTIONS, headers: auth });
    const signIn = () =>
      load({
        url: `${api}/auth/links`,
        method: 'POST',
        connections: SIGN_IN_CONNECTIONS,
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: 'ap@northwind.test', returnTo: `${base}/` }),
      });
    const pdfs = () =>
      load({ url: `${api}/invoices/INV-1023/pdf`, connections: PDF_CONNECTIONS, headers: auth, timeout: 30 });

    // Warm up: JIT, page cache, and the PDF workers' start (loading PDFKit).
    for (const path of ['/invoices?limit=50', '/invoices/INV-1023/pdf', '/invoices/INV-1023/pdf']) {
      const res = await fetch(`${api}${path}`, { headers: auth });
      if (!res.ok) throw new Error(`${path} failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }

    const [quietList, quietSignIn] = await Promise.all([list(), signIn()]);
    const [busyList, busySignIn, pdf] = await Promise.all([list(), signIn(), pdfs()]);

    console.log(
      `\nSign-ins and lists with and without ${PDF_CONNECTIONS} connections downloading invoice PDFs, ${SECONDS} s each:`,
    );
    console.table([
      row('invoice list, no PDFs', quietList),
      row('invoice list, PDFs downloading', busyList, quietList),
      row('sign-in link request, no PDFs', quietSignIn),
      row('sign-in link request, PDFs downloading', busySignIn, quietSignIn),
      row('invoice PDF downloads (503 busy counted as non2xx)', pdf),
    ]);
    const share = pdf.requests.total / (pdf.requests.total + busyList.requests.total + busySignIn.requests.total);
    console.log(
      `PDFs were ${(share * 100).toFixed(1)} % of requests under load. p99 ratio with PDFs / without: ` +
        `list ${(busyList.latency.p99 / Math.max(quietList.latency.p99, 1)).toFixed(2)}, ` +
        `sign-in ${(busySignIn.latency.p99 / Math.max(quietSignIn.latency.p99, 1)).toFixed(2)}.`,
    );
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
