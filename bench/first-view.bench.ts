/**
 * The portal's first view, in Chromium: from navigation to the first invoice row painted, for a
 * signed-in customer (a session restored from sessionStorage, as after a reload or a link opened in
 * the tab), beside a static HTML page of the same rows from the same server, in one run. Goal: the
 * portal within 1.3× of the static page; and one round of API requests after `portico.js` (the
 * session check, the accounts and the first page of invoices in parallel).
 *
 *   npm run bench -- first-view        (or npm run bench:first-view; BENCH_RUNS=21 for more runs)
 *
 * Both pages are opened in a new browser context each run (nothing cached), alternately, and timed
 * the same way: a script that runs before the page's own checks, every animation frame, for the first
 * row, and takes the time just after that frame is painted. Needs `npm run build` first.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { testConfig } from '../server/src/config';
import { openDb } from '../server/src/db/client';
import type { InvoiceList, SessionInfo } from '../server/src/contract';
import { createSession } from '../server/src/domain/auth';
import { seedDemo } from '../server/src/seed/demo';
import { launchChromium } from '../test/support/browser';
import { freePort, startServer } from './servers';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const WARMUP = 2;
const CUSTOMER = 'ap@northwind.test';
const root = join(import.meta.dirname, '..');

/** The demo company in a fresh SQLite file, and a customer's session token. */
async function prepareDatabase(path: string): Promise<string> {
  const database = await openDb({ DATABASE_PATH: path });
  try {
    const now = new Date();
    await seedDemo(database.db, now);
    const principal = {
      audience: 'customer',
      email: CUSTOMER,
      staffUserId: null,
      scopeInvoiceIds: null,
      linkId: null,
    } as const;
    return (await createSession(database.db, testConfig(), principal, now)).token;
  } finally {
    await database.close();
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** The same rows as plain HTML: the table a server-rendered page would send. */
function staticPage(list: InvoiceList): string {
  const money = (minor: number, currency: string) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(minor / 100);
  const rows = list.items
    .map(
      (invoice) =>
        `<tr><th>${escapeHtml(invoice.number)}</th><td>${invoice.issueDate}</td><td>${invoice.dueDate}</td>` +
        `<td>${money(invoice.total, invoice.currency)}</td><td>${money(invoice.balance, invoice.currency)}</td>` +
        `<td>${escapeHtml(invoice.status)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoices</title>
<style>body{font-family:system-ui,sans-serif}table{border-collapse:collapse}th,td{padding:4px 8px;text-align:left}</style>
</head><body><table><thead><tr><th>Invoice</th><th>Issued</th><th>Due</th><th>Total</th><th>Balance</th><th>Status</th></tr></thead>
<tbody class="rows">${rows}</tbody></table></body></html>`;
}

const portalPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoices</title>
<script type="module" src="/portico.js"></script></head><body><ar-portal locale="en-US"></ar-portal></body></html>`;

/**
 * Runs in both pages before their own scripts: looks for the first invoice row every animation frame
 * (in the portal, inside its list's shadow root) and keeps the time just after the frame that shows
 * it has been painted, in milliseconds since navigation started.
 */
// A string, not a function: the page must get this code as written, without what tsx adds to functions.
const watchFirstRow = `{
  const find = () =>
    document.querySelector('tbody.rows tr') ??
    document.querySelector('ar-portal')?.shadowRoot?.querySelector('ar-invoice-list')?.shadowRoot?.querySelector('tbody.rows tr');
  const look = () => {
    if (!find()) return requestAnimationFrame(look);
    // This frame paints the row; a task queued from it runs once the frame is done.
    requestAnimationFrame(() => setTimeout(() => (window.firstRowAt = performance.now())));
  };
  requestAnimationFrame(look);
  // Milestones of the portal's page, for the breakdown: the script has run, and the list has its rows.
  customElements.whenDefined('ar-portal').then(() => (window.portalDefinedAt = performance.now()));
}`;

async function timeFirstRow(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => (window as unknown as { firstRowAt?: number }).firstRowAt,
    undefined,
    {
      timeout: 30_000,
      polling: 50,
    },
  );
  return (await handle.jsonValue()) as number;
}

async function openContext(browser: Browser, session: unknown, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), {
    key: `portico:session:${origin}`,
    value: JSON.stringify(session),
  });
  await context.addInitScript({ content: watchFirstRow });
  return context;
}

interface Seen {
  url: string;
  start: number;
  end: number;
}

/**
 * The requests the portal makes after portico.js (the page's own resource timing, in ms since
 * navigation), and how many rounds of API requests the first view takes.
 */
async function requestRounds(browser: Browser, session: unknown, origin: string): Promise<void> {
  const context = await openContext(browser, session, origin);
  const page = await context.newPage();
  await page.goto(`${origin}/bench/portal.html`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { firstRowAt?: number }).firstRowAt, undefined, {
    timeout: 30_000,
  });
  await page.waitForTimeout(500);
  const milestones = await page.evaluate(() => {
    const at = window as unknown as { portalDefinedAt: number; firstRowAt: number };
    return { defined: at.portalDefinedAt, painted: at.firstRowAt };
  });
  const seen: Seen[] = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      url: entry.name,
      start: entry.startTime,
      end: (entry as PerformanceResourceTiming).responseEnd,
    })),
  );
  await context.close();
  const script = seen.find((request) => new URL(request.url).pathname === '/portico.js');
  if (!script) throw new Error('portico.js was not requested');
  const after = seen.filter((request) => request !== script && request.start >= script.start);
  const api = after.filter((request) => new URL(request.url).pathname.startsWith('/api/'));
  // A request is in the round after the latest API request that had finished before it started.
  const round = new Map<Seen, number>();
  for (const request of api) {
    const before = api.filter((other) => other.end <= request.start).map((other) => round.get(other) ?? 1);
    round.set(request, 1 + Math.max(0, ...before));
  }
  console.log('requests after portico.js (ms since navigation):');
  console.log(
    `  ${script.start.toFixed(0).padStart(5)} → ${script.end.toFixed(0).padStart(5)}  script       /portico.js`,
  );
  for (const request of after) {
    const { pathname, search } = new URL(request.url);
    const which = round.has(request) ? `API round ${round.get(request)}` : 'chunk';
    console.log(
      `  ${request.start.toFixed(0).padStart(5)} → ${request.end.toFixed(0).padStart(5)}  ${which.padEnd(11)}  ${pathname}${search}`,
    );
  }
  const rounds = Math.max(0, ...round.values());
  console.log(`API requests: ${api.length}, in ${rounds} round${rounds === 1 ? '' : 's'} (goal: 1)`);
  const answered = Math.max(...after.map((request) => request.end));
  console.log(
    `this load: script loaded ${script.end.toFixed(0)} ms, run (ar-portal defined) ${milestones.defined.toFixed(0)} ms, ` +
      `last response ${answered.toFixed(0)} ms, first row painted ${milestones.painted.toFixed(0)} ms`,
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/portico.js'))) throw new Error('No dist/portico.js: run `npm run build` first.');
  const dir = mkdtempSync(join(tmpdir(), 'portico-first-view-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const token = await prepareDatabase(join(dir, 'portico.sqlite'));
  const server = await startServer(
    ['bench/first-view-server.ts'],
    {
      PORT: String(port),
      PUBLIC_URL: origin,
      DATABASE_PATH: join(dir, 'portico.sqlite'),
      PAGES_DIR: dir,
      LOG_LEVEL: 'error',
    },
    `${origin}/api/v1/health`,
  );
  let browser: Browser | undefined;
  try {
    const headers = { authorization: `Bearer ${token}` };
    const info = (await (await fetch(`${origin}/api/v1/auth/session`, { headers })).json()) as SessionInfo;
    const session = { token, info };
    // The rows the portal lands on: the first account's Past due tab (the demo customer has some).
    const account = info.accounts[0]!.id;
    const query = `status=past_due&sort=priority&limit=200&account=${account}`;
    const list = (await (await fetch(`${origin}/api/v1/invoices?${query}`, { headers })).json()) as InvoiceList;
    writeFileSync(join(dir, 'static.html'), staticPage(list));
    writeFileSync(join(dir, 'portal.html'), portalPage);

    browser = await launchChromium();
    const pages = { portal: `${origin}/bench/portal.html`, static: `${origin}/bench/static.html` } as const;
    const times: Record<keyof typeof pages, number[]> = { portal: [], static: [] };
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // Alternate which goes first, so neither always runs on a machine the other just warmed.
      const order = run % 2 ? (['static', 'portal'] as const) : (['portal', 'static'] as const);
      for (const name of order) {
        const context = await openContext(browser, session, origin);
        const ms = await timeFirstRow(context, pages[name]);
        await context.close();
        if (run >= WARMUP) times[name].push(ms);
      }
    }
    await requestRounds(browser, session, origin);

    const portal = median(times.portal);
    const plain = median(times.static);
    console.log(`navigation → first invoice row painted, median of ${RUNS} (${list.items.length} rows):`);
    console.log(
      `  portal (<ar-portal>, signed in)  ${portal.toFixed(0).padStart(5)} ms   runs: ${times.portal.map((t) => t.toFixed(0)).join(' ')}`,
    );
    console.log(
      `  static HTML, same rows           ${plain.toFixed(0).padStart(5)} ms   runs: ${times.static.map((t) => t.toFixed(0)).join(' ')}`,
    );
    console.log(`  ratio                            ${(portal / plain).toFixed(2)}×  (goal ≤ 1.3×)`);
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
