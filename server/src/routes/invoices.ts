import { Hono } from 'hono';
import type { InvoiceDetail, InvoiceList } from '../contract';
import { invoiceIdOrNumber, invoiceListQuery } from '../contract/schemas';
import { calendarDate } from '../domain/dates';
import { sessionInvoiceDocument, invoiceDetail, listInvoices } from '../domain/invoices';
import { download, requestedLocale } from '../http/download';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { queryParams } from '../http/validate';
import { renderInvoicePdf } from '../pdf/render';

async function today(c: { var: AppEnv['Variables'] }) {
  const company = await c.var.deps.settings.get(c.var.deps.db);
  return { company, today: calendarDate(c.var.deps.clock.now(), company.timeZone) };
}

export const invoices = new Hono<AppEnv>()
  .use(requireSession('customer'))
  .get('/', async (c) => {
    const query = queryParams(c, invoiceListQuery);
    const day = (await today(c)).today;
    return c.json((await listInvoices(c.var.deps.db, c.var.session, query, day)) satisfies InvoiceList);
  })
  .get('/:id', async (c) => {
    const id = invoiceIdOrNumber.safeParse(c.req.param('id'));
    const { company, today: day } = await today(c);
    const detail = await invoiceDetail(c.var.deps.db, c.var.session, id.success ? id.data : '', day, company.timeZone);
    return c.json(detail satisfies InvoiceDetail);
  })
  .get('/:id/pdf', async (c) => {
    const id = invoiceIdOrNumber.safeParse(c.req.param('id'));
    const { db, clock, config } = c.var.deps;
    const locale = requestedLocale(c);
    const document = await sessionInvoiceDocument(
      db,
      c.var.session,
      id.success ? id.data : '',
      clock.now(),
      locale,
      config,
    );
    return download(c, renderInvoicePdf(c.var.deps.pdf, document), `${document.invoice.number}.pdf`, 'application/pdf');
  });
