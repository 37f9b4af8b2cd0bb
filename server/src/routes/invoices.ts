import { Hono } from 'hono';
import { z } from 'zod';
import { invoiceSorts, type InvoiceList } from '../api/contract';
import { calendarDate } from '../domain/dates';
import { listInvoices } from '../domain/invoices';
import { getSettings } from '../domain/settings';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { queryParams } from '../http/validate';

const listQuery = z.object({
  account: z.string().max(64).optional(),
  status: z.enum(['open', 'past_due', 'paid', 'all']).default('all'),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(invoiceSorts).default('priority'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const invoices = new Hono<AppEnv>().get('/', requireSession('customer'), (c) => {
  const query = queryParams(c, listQuery);
  const { db, clock } = c.var.deps;
  const today = calendarDate(clock.now(), getSettings(db).timeZone);
  return c.json(listInvoices(db, c.var.session, query, today) satisfies InvoiceList);
});
