/**
 * The one place the domain's background work is wired: the handler of every job type and the renderer
 * of every email attachment type. `app.ts` builds its `JobWorker` from `jobHandlers(deps)`; a new job or
 * attachment is a line here, beside its slice's entry. Nothing under `domain/` imports this module, so
 * a slice never depends on another slice's jobs (or on the PDF code) through it.
 */
import type { Db } from '../db/client';
import type { Mailer } from '../mail/mailer';
import type { PdfPool } from '../pdf/pool';
import { statementPdfFile } from '../pdf/statement-file';
import { receiptPdfFile } from '../pdf/receipt-pdf';
import { ensureArAggregates } from './ar-aggregates';
import { ISSUE_LINK, issueLinkHandler, pruneAuth } from './auth';
import { calendarDate } from './dates';
import { getSettings } from './settings';
import { DUNNING_RUN, dunningRunHandler } from './dunning';
import { webhookDeliveryHandler } from './erp';
import { invoicePdfFile, SEND_INVOICE, sendInvoiceHandler } from './invoices';
import { MAINTENANCE, maintenanceHandler, type JobHandler, type Prune } from './jobs';
import { DELIVER_EMAIL, emailDeliveryHandler as deliverWith, type AttachmentRenderers } from './notifications';
import {
  LAPSE_PAYMENT,
  lapseHandler,
  REFUND_PAYMENT,
  refundHandler,
  SANDBOX_SETTLE,
  sandboxSettlementHandler,
  type PaymentDeps,
} from './payments';
import {
  PROMISE_AUTOPAY,
  PROMISE_REMIND,
  PROMISE_VERDICT,
  promiseAutopayHandler,
  promiseRemindHandler,
  promiseVerdictHandler,
} from './promises';
import { DELIVER_WEBHOOK } from './webhook-fanout';

/** What the job handlers need: the payments' deps (db, config, clock, logger, providers), the mailer and the PDF pool. */
export interface JobDeps extends PaymentDeps {
  mailer: Mailer;
  pdf: PdfPool;
}

/** How each attachment type's file is made at delivery, drawn by a worker of `pdf`. */
export function attachmentRenderers(pdf: PdfPool): AttachmentRenderers {
  return {
    invoice_pdf: async (db, spec, now, to) => invoicePdfFile(pdf, db, spec.invoiceId, now, { email: to }),
    receipt_pdf: async (db, spec, _now, to) => receiptPdfFile(pdf, db, spec.paymentId, to),
    statement_pdf: async (db, spec, _now, to) => statementPdfFile(pdf, db, spec, to),
  };
}

/** `email.deliver` with the registered attachment renderers, drawing PDFs in `pdf`. */
export function emailDeliveryHandler(db: Db, mailer: Mailer, from: string, pdf: PdfPool): JobHandler {
  return deliverWith(db, mailer, from, attachmentRenderers(pdf));
}

/**
 * The staff console's aggregates brought to today every hour (and built if they never were), so the first
 * staff read of a day does not move a hundred thousand worklist rows itself.
 */
export function arAggregatesUpkeep(config: JobDeps['config']): Prune {
  return async (tx, now) => {
    const { timeZone } = await getSettings(tx, config);
    await ensureArAggregates(tx, timeZone, calendarDate(now, timeZone));
  };
}

/** Every job type's handler, for the app's `JobWorker`. */
export function jobHandlers(deps: JobDeps): Record<string, JobHandler> {
  const { db, config, clock, mailer } = deps;
  return {
    [DELIVER_EMAIL]: emailDeliveryHandler(db, mailer, config.MAIL_FROM, deps.pdf),
    [MAINTENANCE]: maintenanceHandler(db, [pruneAuth, arAggregatesUpkeep(config)]),
    [ISSUE_LINK]: issueLinkHandler(db, config),
    [DELIVER_WEBHOOK]: webhookDeliveryHandler(db),
    [SEND_INVOICE]: sendInvoiceHandler(db, config),
    [SANDBOX_SETTLE]: sandboxSettlementHandler({ db, config, clock }),
    [LAPSE_PAYMENT]: lapseHandler(deps),
    [REFUND_PAYMENT]: refundHandler(deps),
    [DUNNING_RUN]: dunningRunHandler(db, config),
    [PROMISE_VERDICT]: promiseVerdictHandler(db, config),
    [PROMISE_REMIND]: promiseRemindHandler(db, config),
    [PROMISE_AUTOPAY]: promiseAutopayHandler(deps),
  };
}
