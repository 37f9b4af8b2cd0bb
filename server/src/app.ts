/**
 * `createApp` builds the whole server from injected parts (config, database, clock, mailer), so
 * `main.ts` and every test build the same thing; there are no module-level singletons.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { DISPUTE_ATTACHMENT_MAX_BYTES, type ApiErrorBody, type ErrorCode, type Health } from './contract';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { driverError, isUnavailable, TextWithNulError } from './db/async';
import type { Db } from './db/client';
import { scheduleDunning } from './domain/dunning';
import { JobWorker, scheduleMaintenance } from './domain/jobs';
import { installationSecret } from './domain/installation';
import { jobHandlers } from './domain/registry';
import { SettingsReader } from './domain/settings';
import { DomainError } from './domain/errors';
import { HttpError, httpStatusOf } from './http/errors';
import type { AppEnv, Deps } from './http/env';
import { accessLog, originCheck, requestId } from './http/middleware';
import { createLogger, type Logger } from './logger';
import { createProviders } from './payments/registry';
import { createPdfPool, type PdfPool } from './pdf/pool';
import { devMailer, smtpMailer, type Mailer } from './mail/mailer';
import { accounts } from './routes/accounts';
import { adminRouter } from './routes/admin';
import { auth } from './routes/auth';
import { dev } from './routes/dev';
import { disputesRouter } from './routes/disputes';
import { erp } from './routes/erp';
import { invoices } from './routes/invoices';
import { paymentsRouter } from './routes/payments';
import { promisesRouter } from './routes/promises';
import { statement } from './routes/statement';
import { webhooksRouter } from './routes/webhooks';

/** `POST /api/v1/disputes/:id/attachments`: the one route whose body may be a 10 MB file. */
const ATTACHMENT_PATH = /^\/api\/v1\/disputes\/[^/]+\/attachments\/?$/;

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  mailer?: Mailer;
  logger?: Logger;
  /** A PDF pool shared with other apps (the tests'); its owner closes it. Without one the app makes its own. */
  pdf?: PdfPool;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function errorBody(code: ErrorCode, message: string, requestId: string | undefined, extra: object = {}): ApiErrorBody {
  return { error: { code, message, ...extra, ...(requestId ? { requestId } : {}) } };
}

export async function createApp(options: AppOptions) {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const mailer = options.mailer ?? (config.SMTP_URL ? smtpMailer(config.SMTP_URL) : devMailer);
  const providers = createProviders({
    ...config,
    SANDBOX_WEBHOOK_SECRET:
      config.SANDBOX_WEBHOOK_SECRET ?? (await installationSecret(db, 'sandbox_webhook_secret', clock.now())),
  });
  const settings = new SettingsReader(config);
  const paymentDeps = { db, config, clock, logger, providers, settings, charges: new Map<string, Promise<void>>() };
  const pdf = options.pdf ?? createPdfPool();
  const worker = new JobWorker({ db, clock, logger, handlers: jobHandlers({ ...paymentDeps, mailer, pdf }) });
  await scheduleMaintenance(db, clock.now());
  await scheduleDunning(db, config, clock.now());
  const deps: Deps = { ...paymentDeps, worker, pdf, codeHashes: { computed: 0 } };

  const allowedOrigins = cors({
    // Exact origins only: never reflected, never `*`; `Origin: null` matches nothing.
    origin: (origin) => (config.ALLOWED_ORIGINS.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
  const apiBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', 'The body is larger than 1 MB.');
    },
  });
  const attachmentBodyLimit = bodyLimit({
    // The file, and room for the multipart framing and the other field.
    maxSize: DISPUTE_ATTACHMENT_MAX_BYTES + 64 * 1024,
    onError: () => {
      throw new HttpError(413, 'attachment_too_large', 'A file may be at most 10 MB.');
    },
  });
  const api = new Hono<AppEnv>()
    .use(allowedOrigins)
    .use(originCheck)

    // The ERP router sets its own, larger limit (bulk upserts run to megabytes), after its key check;
    // a dispute's file may be 10 MB.
    .use((c, next) => {
      if (c.req.path.startsWith('/api/v1/erp/')) return next();
      if (ATTACHMENT_PATH.test(c.req.path)) return attachmentBodyLimit(c, next);
      return apiBodyLimit(c, next);
    })
    .get('/health', (c) => c.json({ ok: true } satisfies Health))
    .route('/auth', auth)
    .route('/accounts', accounts)
    .route('/invoices', invoices)
    .route('/statement', statement)
    .route('/payments', paymentsRouter)
    .route('/promises', promisesRouter)
    .route('/disputes', disputesRouter)
    .route('/admin', adminRouter)
    .route('/webhooks', webhooksRouter)
    .route('/erp', erp);
  if (config.DEMO) api.route('/dev', dev);

  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(requestId, accessLog);
  // A body the handler never read would be left on a kept-alive socket, which the node server then
  // closes without a word, failing the client's next request on it: say so and close it cleanly.
  app.use(async (c, next) => {
    await next();
    if (c.req.raw.body && !c.req.raw.bodyUsed) c.header('Connection', 'close');
  });
  app.route('/api/v1', api);

  // The widget bundle, for companies that load the script from their Portico server. A module script
  // from another origin needs CORS, so the allow-listed pages get it.
  const bundle = resolve(root, 'dist/portico.js');
  app.get('/portico.js', allowedOrigins, async (c, next) => {
    if (!existsSync(bundle)) throw new HttpError(404, 'not_found', 'The widget is not built: run `npm run build`.');
    c.header('Cache-Control', 'no-cache');
    return serveStatic({ path: bundle })(c, next);
  });
  // The elements portico.js imports on first use (widget/src/internal/lazy.ts), resolved against its
  // own URL: same origin, same CORS. Their names carry a hash of their content, so browsers may keep them.
  const chunks = resolve(root, 'dist/chunks');
  app.get('/chunks/:file', allowedOrigins, async (c, next) => {
    const file = c.req.param('file');
    const path = resolve(chunks, file);
    if (!/^\w[\w.-]*\.js$/.test(file) || !existsSync(path)) throw new HttpError(404, 'not_found', 'No such chunk.');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return serveStatic({ path })(c, next);
  });
  if (config.DEMO) {
    app.use('/*', secureHeaders({ crossOriginEmbedderPolicy: false }));
    app.use('/*', serveStatic({ root: resolve(root, 'examples/demo') }));
  }

  app.notFound((c) => c.json(errorBody('not_found', 'No such endpoint.', c.var.requestId), 404));
  app.onError((err, c) => {
    const id = c.var.requestId;
    const status = httpStatusOf(err);
    if (status && err instanceof DomainError) {
      if (err.extra.retryAfter) c.header('Retry-After', String(err.extra.retryAfter));
      // The rest of an oversized body is never read, so the connection cannot carry another request.
      if (status === 413) c.header('Connection', 'close');
      return c.json(errorBody(err.code, err.message, id, err.extra), status);
    }
    if (err instanceof HTTPException) {
      const status = err.status >= 400 && err.status < 500 ? err.status : 500;
      const code: ErrorCode =
        status === 413 ? 'payload_too_large' : status === 500 ? 'internal_error' : 'invalid_request';
      return c.json(
        errorBody(code, status === 500 ? 'Something went wrong.' : err.message || 'Bad request.', id),
        status,
      );
    }
    const cause = driverError(err);
    // Another process (a CLI import) holds the write lock past the busy timeout: a clean, retryable answer.
    if ((cause as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      c.header('Retry-After', '5');
      return c.json(errorBody('busy', 'The server is busy with a data import; try again in a moment.', id), 503);
    }
    if (cause instanceof TextWithNulError) {
      return c.json(errorBody('invalid_request', cause.message, id), 400);
    }
    if (isUnavailable(err)) {
      logger.error('database unavailable', { requestId: id, path: c.req.path, error: String(err) });
      c.header('Retry-After', '5');
      return c.json(errorBody('unavailable', 'The service is briefly unavailable; try again in a moment.', id), 503);
    }
    logger.error('unhandled error', {
      requestId: id,
      path: c.req.path,
      error: err instanceof Error ? err.stack : String(err),
    });
    return c.json(errorBody('internal_error', 'Something went wrong on our side.', id), 500);
  });

  /** Stops what the app owns: its job worker, and its PDF pool unless it was given one. */
  const close = async () => {
    await worker.stop();
    if (!options.pdf) await pdf.close();
  };

  return { app, api, worker, deps, close };
}

export type AppType = Awaited<ReturnType<typeof createApp>>['api'];
