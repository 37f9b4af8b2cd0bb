import { Hono } from 'hono';
import type { PaymentConfig, PaymentList, PaymentView } from '../contract';
import { accountQuery, idempotencyKey, paymentConfirmBody, paymentId, paymentRequestBody } from '../contract/schemas';
import {
  confirmPayment,
  createPayment,
  listPayments,
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

function idOf(raw: string): string {
  const id = paymentId.safeParse(raw);
  if (!id.success) throw new HttpError(404, 'not_found', 'No such payment.');
  return id.data;
}

export const paymentsRouter = new Hono<AppEnv>()
  .use(requireSession('customer'))
  .get('/config', async (c) => {
    const { account } = queryParams(c, accountQuery);
    return c.json((await paymentConfig(c.var.deps, c.var.session, account)) satisfies PaymentConfig);
  })
  .get('/', async (c) => {
    const { account } = queryParams(c, accountQuery);
    return c.json({ items: await listPayments(c.var.deps.db, c.var.session, account) } satisfies PaymentList);
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
    const body = await jsonBody(c, paymentRequestBody);
    const result = await createPayment(c.var.deps, c.var.session, body, key.data, c.var.requestId);
    return c.json(result.view satisfies PaymentView, result.created ? 201 : 200);
  })
  .get('/:id', async (c) => {
    const id = idOf(c.req.param('id'));
    await visiblePayment(c.var.deps.db, c.var.session, id);
    return c.json((await paymentView(c.var.deps.db, id)) satisfies PaymentView);
  })
  .post('/:id/confirm', async (c) => {
    const id = idOf(c.req.param('id'));
    const body = await jsonBody(c, paymentConfirmBody);
    const view = await confirmPayment(c.var.deps, c.var.session, id, body.outcome, c.var.requestId);
    return c.json(view satisfies PaymentView);
  })
  .get('/:id/receipt.pdf', async (c) => {
    const id = idOf(c.req.param('id'));
    await visiblePayment(c.var.deps.db, c.var.session, id);
    const reader = { locale: requestedLocale(c), email: c.var.session.email };
    const { doc, filename } = await receiptPdf(c.var.deps.pdf, c.var.deps.db, id, reader, c.var.deps.config);
    return download(c, doc, filename, 'application/pdf');
  });
