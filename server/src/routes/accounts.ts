import { Hono } from 'hono';
import type { AccountList } from '../contract';
import { accountSummaries } from '../domain/invoices';
import { calendarDate } from '../domain/dates';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';

export const accounts = new Hono<AppEnv>().get('/', requireSession('customer'), async (c) => {
  const { db, clock, settings } = c.var.deps;
  const company = await settings.get(db);
  const today = calendarDate(clock.now(), company.timeZone);
  const items = await accountSummaries(
    db,
    c.var.session.accounts.map((a) => a.id),
    today,
    c.var.session.scopeInvoiceIds,
  );
  return c.json({ items, company: { name: company.companyName, timeZone: company.timeZone } } satisfies AccountList);
});
