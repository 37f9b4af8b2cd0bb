import { Hono, type Context } from 'hono';
import type {
  AuditEventList,
  CustomerDetail,
  CustomerSummaryPage,
  DisputeList,
  InvoiceDetail,
  InvoiceList,
  PaymentList,
  PromiseList,
} from '../contract';
import {
  adminCustomerListQuery,
  adminDisputeListQuery,
  auditEventListQuery,
  invoiceIdOrNumber,
  invoiceListQuery,
  promiseListQuery,
} from '../contract/schemas';
import { listAuditEvents } from '../domain/audit';
import { calendarDate } from '../domain/dates';
import { listStaffDisputes } from '../domain/disputes';
import { invoiceDetail, listInvoices } from '../domain/invoices';
import { listPayments } from '../domain/payments';
import { listPromises } from '../domain/promises';
import { customerDetail, customerScope, listCustomers } from '../domain/staff-customers';
import type { AppEnv } from '../http/env';
import { queryParams } from '../http/validate';

/** The company's time zone and today's date in it. */
async function today(c: Context<AppEnv>) {
  const { db, settings, clock } = c.var.deps;
  const { timeZone } = await settings.get(db);
  return { timeZone, today: calendarDate(clock.now(), timeZone) };
}

/** The path's customer as a read-only scope of its one account (404 when it is no customer). */
const scopeOf = (c: Context<AppEnv>) => customerScope(c.var.deps.db, c.req.param('id') ?? '', c.var.deps.clock.now());

/**
 * `/admin/customers`: the customer page's reads. Every staff role reads (mounted behind a staff session,
 * routes/admin.ts); the customer's lists answer exactly what the customer's own routes answer.
 */
export const adminCustomersRouter = new Hono<AppEnv>()
  .get('/', async (c) => {
    const query = queryParams(c, adminCustomerListQuery);
    const page = await listCustomers(c.var.deps.db, query, (await today(c)).today);
    return c.json(page satisfies CustomerSummaryPage);
  })
  .get('/:id', async (c) => {
    const detail = await customerDetail(c.var.deps.db, c.req.param('id'), (await today(c)).today);
    return c.json(detail satisfies CustomerDetail);
  })
  .get('/:id/invoices', async (c) => {
    const query = queryParams(c, invoiceListQuery);
    const scope = await scopeOf(c);
    const list = await listInvoices(
      c.var.deps.db,
      scope,
      { ...query, account: scope.accounts[0]!.id },
      (await today(c)).today,
    );
    return c.json(list satisfies InvoiceList);
  })
  .get('/:id/invoices/:invoice', async (c) => {
    const scope = await scopeOf(c);
    const id = invoiceIdOrNumber.safeParse(c.req.param('invoice'));
    const day = await today(c);
    const detail = await invoiceDetail(c.var.deps.db, scope, id.success ? id.data : '', day.today, day.timeZone);
    return c.json(detail satisfies InvoiceDetail);
  })
  .get('/:id/payments', async (c) => {
    const scope = await scopeOf(c);
    return c.json({ items: await listPayments(c.var.deps.db, scope, undefined) } satisfies PaymentList);
  })
  .get('/:id/promises', async (c) => {
    const { status } = queryParams(c, promiseListQuery);
    const scope = await scopeOf(c);
    return c.json({ items: await listPromises(c.var.deps.db, scope, { status }) } satisfies PromiseList);
  })
  .get('/:id/disputes', async (c) => {
    const query = queryParams(c, adminDisputeListQuery);
    const { accounts } = await scopeOf(c);
    const items = await listStaffDisputes(c.var.deps.db, c.var.session, { ...query, account: accounts[0]!.id });
    return c.json({ items } satisfies DisputeList);
  })
  .get('/:id/timeline', async (c) => {
    const query = queryParams(c, auditEventListQuery);
    const { accounts } = await scopeOf(c);
    const { timeZone } = await today(c);
    const list = await listAuditEvents(c.var.deps.db, { ...query, customer: accounts[0]!.id }, timeZone);
    return c.json(list satisfies AuditEventList);
  });
