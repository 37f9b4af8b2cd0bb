import { Hono } from 'hono';
import { z } from 'zod';
import { invoiceStatusFilters } from '../contract/lists';
import { invoiceSorts, type InvoiceDetail, type InvoiceList } from '../contract';
import { calendarDate } from '../domain/dates';
import { sessionInvoiceDocument } from '../domain/invoices';
import { invoiceDetail, listInvoices } from '../domain/invoices';
import { getSettings } from '../domain/settings';
import { download, requestedLocale } from '../http/download';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { queryParams } from '../http/validate';
import { renderInvoicePdf } from '../pdf/invoice-pdf';

const listQuery = z.object({
  account: z.string().max(64).optional(),
  status: z.enum(invoiceStatusFilters).default('all'),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(invoiceSorts).default('priority'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An invoice id (`inv_…`) or number (which may hold `/`); only ever compared for equality. */
const idOrNumber = z.string().min(1).max(128);

function today(c: { var: AppEnv['Variables'] }) {
  const company = getSettings(c.var.deps.db, c.var.deps.config);
  return { company, today: calendarDate(c.var.deps.clock.now(), company.timeZone) };
}

export const invoices = new Hono<AppEnv>()
  .use(requireSession('customer'))
  .get('/', (c) => {
    const query = queryParams(c, listQuery);
    return c.json(listInvoices(c.var.deps.db, c.var.session, query, today(c).today) satisfies InvoiceList);
  })
  .get('/:id', (c) => {
    const id = idOrNumber.safeParse(c.req.param('id'));
    const { company, today: day } = today(c);
    const detail = invoiceDetail(c.var.deps.db, c.var.session, id.success ? id.data : '', day, company.timeZone);
    return c.json(detail satisfies InvoiceDetail);
  })
  .get('/:id/pdf', (c) => {
    const id = idOrNumber.safeParse(c.req.param('id'));
    const { db, clock, config } = c.var.deps;
    const locale = requestedLocale(c);
    const document = sessionInvoiceDocument(db, c.var.session, id.success ? id.data : '', clock.now(), locale, config);
    return download(c, renderInvoicePdf(c.var.deps.pdf, document), `${document.invoice.number}.pdf`, 'application/pdf');
  });
