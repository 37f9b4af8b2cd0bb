/**
 * The ERP's door: bulk upserts of customers and invoices by external id, and the invoice feed for
 * reconciliation. Authenticated with an ERP API key, not a session. Bodies may be up to 32 MB (10,000
 * invoice rows run to several MB), so this router has its own body limit and the API's 1 MB one
 * skips it; the key is checked before any of the body is read.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
  ERP_MAX_ROWS,
  type ErpCustomersUpsertResult,
  type ErpInvoiceFeed,
  type ErpInvoicesUpsertResult,
  type ErpValidationFailedBody,
} from '../api/erp-contract';
import { calendarDate } from '../domain/dates';
import { CustomerUpserter } from '../domain/erp/customers';
import { listErpInvoices } from '../domain/erp/feed';
import { importAll, type RowErrorList } from '../domain/erp/import';
import { InvoiceUpserter } from '../domain/erp/invoices';
import { getSettings } from '../domain/settings';
import { AppError } from '../errors';
import { requireErpKey } from '../http/erp-auth';
import type { AppEnv } from '../http/env';
import { jsonBody, queryParams } from '../http/validate';

export const ERP_BODY_LIMIT = 32 * 1024 * 1024;

async function rowsOf(c: Context<AppEnv>, key: 'customers' | 'invoices'): Promise<unknown[]> {
  const body = await jsonBody(c, z.strictObject({ [key]: z.array(z.unknown()) }));
  const rows = body[key] as unknown[];
  if (rows.length > ERP_MAX_ROWS) {
    throw new AppError(
      413,
      'payload_too_large',
      `At most ${ERP_MAX_ROWS.toLocaleString('en-US')} ${key} per request; send the rest in another request.`,
    );
  }
  return rows;
}

function validationFailed(c: Context<AppEnv>, errors: RowErrorList) {
  const body: ErpValidationFailedBody = {
    error: {
      code: 'validation_failed',
      message: `${errors.count} problem${errors.count === 1 ? '' : 's'} in the rows; nothing was written.`,
      rows: errors.rows,
      moreRows: errors.more,
      requestId: c.var.requestId,
    },
  };
  return c.json(body, 422);
}

const feedQuery = z.object({
  updatedSince: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const erp = new Hono<AppEnv>()
  .use(requireErpKey)
  .use(
    bodyLimit({
      maxSize: ERP_BODY_LIMIT,
      onError: () => {
        throw new AppError(413, 'payload_too_large', 'The body is larger than 32 MB; send fewer rows per request.');
      },
    }),
  )
  .put('/customers', async (c) => {
    const rows = await rowsOf(c, 'customers');
    const { db, clock } = c.var.deps;
    const options = {
      actor: { type: 'erp' as const, id: c.var.erpKeyId },
      now: clock.now(),
      requestId: c.var.requestId,
    };
    const outcome = importAll(db, rows, options, (imp) => new CustomerUpserter(imp));
    if (!outcome.ok) return validationFailed(c, outcome.errors);
    return c.json(outcome.result satisfies ErpCustomersUpsertResult);
  })
  .put('/invoices', async (c) => {
    const rows = await rowsOf(c, 'invoices');
    const { db, clock } = c.var.deps;
    const options = {
      actor: { type: 'erp' as const, id: c.var.erpKeyId },
      now: clock.now(),
      requestId: c.var.requestId,
    };
    const outcome = importAll(db, rows, options, (imp) => new InvoiceUpserter(imp));
    if (!outcome.ok) return validationFailed(c, outcome.errors);
    return c.json(outcome.result satisfies ErpInvoicesUpsertResult);
  })
  .get('/invoices', (c) => {
    const query = queryParams(c, feedQuery);
    const { db, clock } = c.var.deps;
    const today = calendarDate(clock.now(), getSettings(db).timeZone);
    return c.json(listErpInvoices(db, query, today) satisfies ErpInvoiceFeed);
  });
