import { Hono } from 'hono';
import { z } from 'zod';
import { paymentMethods } from '../contract/lists';
import type { PaymentConfig, PaymentList, PaymentView } from '../contract';
import {
  confirmPayment,
  createPayment,
  listPayments,
  MAX_PAYMENT,
  paymentConfig,
  paymentView,
  visiblePayment,
} from '../domain/payments';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { jsonBody, queryParams } from '../http/validate';
import { receiptPdf } from '../pdf/receipt-pdf';
import { download, requestedLocale } from '../http/download';

/** Minor units: a whole number, positive, far from float trouble. Strings, fractions and huge values fail here. */
const minor = z.number().int().positive().max(MAX_PAYMENT);

const paymentBody = z.strictObject({
  account: z.string().min(1).max(64),
  allocations: z
    .array(z.strictObject({ invoiceId: z.string().min(1).max(64), amount: minor }))
    .min(1)
    .max(500),
  credit: z.number().int().min(0).max(MAX_PAYMENT).optional(),
  overpayment: z.number().int().min(0).max(MAX_PAYMENT).optional(),
  method: z.enum(paymentMethods),
  // A token made in the browser (`tok_…`, `pm_…`); anything shaped like a card or account number is refused.
  paymentMethod: z
    .string()
    .regex(/^[A-Za-z]+_[A-Za-z0-9_]{1,250}$/, 'Send the provider token made in the browser, never card or bank numbers')
    .optional(),
  expectedTotal: z
    .number()
    .int()
    .min(0)
    .max(MAX_PAYMENT * 2)
    .optional(),
  applyRestToOldest: z.boolean().optional(),
});

/** Visible ASCII, like Stripe's keys; a UUID is the usual choice. */
const idempotencyKey = z.string().regex(/^[\x21-\x7e]{8,255}$/);
const paymentId = z.string().regex(/^pay_[A-Za-z0-9]{1,60}$/);
const accountQuery = z.object({ account: z.string().max(64).optional() });

function idOf(raw: string): string {
  const id = paymentId.safeParse(raw);
  if (!id.success) throw new HttpError(404, 'not_found', 'No such payment.');
  return id.data;
}

export const paymentsRouter = new Hono<AppEnv>()
  .use(requireSession('customer'))
  .get('/config', (c) => {
    const { account } = queryParams(c, accountQuery);
    return c.json(paymentConfig(c.var.deps, c.var.session, account) satisfies PaymentConfig);
  })
  .get('/', (c) => {
    const { account } = queryParams(c, accountQuery);
    return c.json({ items: listPayments(c.var.deps.db, c.var.session, account) } satisfies PaymentList);
  })
  .post('/', async (c) => {
    const key = idempotencyKey.safeParse(c.req.header('idempotency-key'));
    if (!key.success) {
      throw new HttpError(
        400,
        'invalid_request',
        'Send an Idempotency-Key header (8 to 255 visible characters, e.g. a UUID), new for each payment.',
      );
    }
    const body = await jsonBody(c, paymentBody);
    const result = await createPayment(c.var.deps, c.var.session, body, key.data, c.var.requestId);
    return c.json(result.view satisfies PaymentView, result.created ? 201 : 200);
  })
  .get('/:id', (c) => {
    const id = idOf(c.req.param('id'));
    visiblePayment(c.var.deps.db, c.var.session, id);
    return c.json(paymentView(c.var.deps.db, id) satisfies PaymentView);
  })
  .post('/:id/confirm', async (c) => {
    const id = idOf(c.req.param('id'));
    const body = await jsonBody(c, z.strictObject({ outcome: z.enum(['complete', 'cancel']) }));
    const view = await confirmPayment(c.var.deps, c.var.session, id, body.outcome, c.var.requestId);
    return c.json(view satisfies PaymentView);
  })
  .get('/:id/receipt.pdf', (c) => {
    const id = idOf(c.req.param('id'));
    visiblePayment(c.var.deps.db, c.var.session, id);
    const reader = { locale: requestedLocale(c), email: c.var.session.email };
    const { doc, filename } = receiptPdf(c.var.deps.pdf, c.var.deps.db, id, reader, c.var.deps.config);
    return download(c, doc, filename, 'application/pdf');
  });
