/**
 * Starts the server: validated config, the SQLite file (created and migrated), the demo company when
 * asked for and the database is empty, the HTTP server and the job worker. `--demo` turns DEMO on.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { OffsetClock, systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { openDb } from './db/client';
import { demoClockOffset } from './domain/installation';
import { queueInvoiceSend } from './domain/invoices';
import { arAggregatesUpkeep } from './domain/registry';
import { systemActor } from './domain/events';
import { DEMO_ACCOUNTS, DEMO_EASY_PAY_INVOICE, DEMO_STAFF, seedDemo } from './seed/demo';

/** Where the database is, for messages: the SQLite path, or the PostgreSQL URL without its password. */
function databaseName(config: { DATABASE_PATH: string; DATABASE_URL?: string | undefined }): string {
  if (!config.DATABASE_URL) return config.DATABASE_PATH;
  const url = new URL(config.DATABASE_URL);
  url.password = '';
  url.username = '';
  return `${url.protocol}//${url.host}${url.pathname}`;
}

async function start() {
  const env = { ...process.env };
  if (process.argv.includes('--demo')) env.DEMO ??= 'true';
  const config = loadConfig(env);
  let database;
  try {
    database = await openDb(config);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const which = config.DATABASE_URL ? 'DATABASE_URL' : 'DATABASE_PATH';
    throw new ConfigError(`Cannot open the database (${which} ${databaseName(config)}): ${reason}`);
  }
  const seeded = config.DEMO && (await seedDemo(database.db, systemClock.now()));
  // The demo's clock can be moved forward (`POST /api/v1/dev/clock`), and keeps its date across restarts.
  const clock = config.DEMO ? new OffsetClock(await demoClockOffset(database.db)) : systemClock;
  const { app, worker, deps, close } = await createApp({ config, db: database.db, clock });
  // The staff console's aggregates, built now if they never were (an upgrade: minutes for a million
  // invoices), rather than by the first staff read; the hourly maintenance keeps them on today.
  await arAggregatesUpkeep(config)(database.db, clock.now());
  if (seeded) {
    // The demo's mailbox opens with an invoice email, so its Easy Pay link can be tried at once.
    const invoice = DEMO_EASY_PAY_INVOICE;
    await database.db.transaction((tx) => queueInvoiceSend(tx, invoice, systemActor, clock.now()));
  }
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const base = config.PUBLIC_URL;
    const lines = [
      `Portico is running on port ${info.port} (database ${databaseName(config)}${seeded ? ', demo company seeded' : ''}).`,
      `  API          ${base}/api/v1/health`,
      `  Widget       ${base}/portico.js`,
    ];
    if (config.DEMO) {
      const customerEmails = [
        ...new Set(Object.values(DEMO_ACCOUNTS).flatMap((a) => a.contacts.map(([email]) => email))),
      ];
      lines.push(
        `  Demo site    ${base}/`,
        `  Staff page   ${base}/staff.html`,
        `  Dev mailbox  ${base}/api/v1/dev/mailbox${config.SMTP_URL ? ' (mail also goes to SMTP_URL)' : ''}`,
        `  Customers    ${customerEmails.join(', ')}`,
        `  Staff        ${DEMO_STAFF.map((s) => s.email).join(', ')}`,
      );
    }
    console.log(lines.join('\n'));
  });
  worker.start();
  // A PDF worker's first start takes seconds on a busy machine: pay it now, not on the first download.
  deps.pdf.warm();

  const shutdown = async () => {
    server.close();
    await close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return deps;
}

start().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
});
