/**
 * The ERP API (`/api/v1/erp/...`, authenticated with an ERP API key, not a session) as TypeScript
 * types. The ERP pushes customers and invoices in by external id and pulls the invoice feed back for
 * reconciliation. Money is integer minor units; calendar dates `YYYY-MM-DD`; instants UTC ISO-8601.
 */
import type { DisputeInvoiceRef, DisputeView } from './disputes';
import type { PromiseInvoiceView, PromiseView } from './promises';
import type { z } from 'zod';
import type { ErpRowError } from './erp-row-errors';
import type { InvoiceStatus } from './invoices';
import type { ERP_WEBHOOK_EVENT_TYPES, paymentStatuses, recordedPaymentMethods } from './lists';
import type {
  erpCustomerRow,
  erpInvoiceFeedQuery,
  erpInvoiceRow,
  erpPaymentFeedQuery,
  erpWebhookEndpointInput,
} from './schemas/erp';

/** Rows per PUT request; larger loads go through several requests or the CSV import. */
export const ERP_MAX_ROWS = 10_000;
/** Row errors listed in a 422; `moreRows` says how many were left off. */
export const ERP_MAX_ROW_ERRORS = 1_000;

// ---- Customers --------------------------------------------------------------------------------

/**
 * The full state of one customer: fields left out take their defaults (30-day terms, no address), and
 * `contacts` replaces the customer's contacts. Removing an email ends that email's portal sessions.
 * See `erpCustomerRow` in schemas/erp.ts for each field.
 */
export type ErpCustomerInput = z.input<typeof erpCustomerRow>;
export type ErpContactInput = ErpCustomerInput['contacts'][number];

export interface ErpCustomersUpsertBody {
  customers: ErpCustomerInput[];
}

export interface ErpCustomersUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
}

// ---- Invoices ---------------------------------------------------------------------------------

/**
 * The full state of one invoice: header and lines replace what is stored. `void: true` voids it
 * (only when nothing is paid or credited on it); a voided invoice stays voided and cannot change.
 * See `erpInvoiceRow` in schemas/erp.ts for each field.
 */
export type ErpInvoiceInput = z.input<typeof erpInvoiceRow>;
export type ErpInvoiceLineInput = ErpInvoiceInput['lines'][number];

export interface ErpInvoicesUpsertBody {
  invoices: ErpInvoiceInput[];
}

/**
 * created + updated + unchanged is the number of rows sent. `voided` counts the invoices this request
 * voided; each is also counted as created or updated.
 */
export interface ErpInvoicesUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  voided: number;
  /** Present when a row asked to be sent: the invoices queued to be emailed (void, paid or contactless ones are not). */
  sent?: number;
}

/** `POST /erp/invoices/:id/send` (202): how many emails were queued, one per contact. */
export interface ErpInvoiceSendResult {
  sent: number;
}

// ---- Row errors -------------------------------------------------------------------------------

export type { ErpRowError, ErpRowErrorCode } from './erp-row-errors';

/** 422: some rows failed and nothing was written. */
export interface ErpValidationFailedBody {
  error: {
    code: 'validation_failed';
    message: string;
    /** The first ERP_MAX_ROW_ERRORS problems, in row order. */
    rows: ErpRowError[];
    /** Problems not listed because of the cap. */
    moreRows: number;
    requestId?: string;
  };
}

// ---- Reconciliation feed ----------------------------------------------------------------------

/** `GET /erp/invoices` (`erpInvoiceFeedQuery`). */
export type ErpInvoiceFeedQuery = z.input<typeof erpInvoiceFeedQuery>;

export interface ErpInvoiceFeedItem {
  id: string;
  externalId: string | null;
  number: string;
  customerExternalId: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: number;
  amountPaid: number;
  amountCredited: number;
  balance: number;
  status: InvoiceStatus;
  updatedAt: string;
}

/** Ordered by (updatedAt, id); follow nextCursor until it is null, keep the last updatedAt for next time. */
export interface ErpInvoiceFeed {
  items: ErpInvoiceFeedItem[];
  nextCursor: string | null;
}

// ---- Payments feed ----------------------------------------------------------------------------

export type ErpPaymentMethod = (typeof recordedPaymentMethods)[number];
export type ErpPaymentStatus = (typeof paymentStatuses)[number];

/** Money applied to one invoice: the payment's own, or credit used along with it. */
export interface ErpPaymentAllocation {
  invoiceId: string;
  invoiceExternalId: string | null;
  invoiceNumber: string;
  amount: number;
  /** Taken back (the payment was returned): the invoice owes this again. */
  reversed: boolean;
  /** `payment`: this payment's money. `credit`: earlier credit the payer used with this payment. */
  source: 'payment' | 'credit';
  /** For `credit`: the payment (`pay_…`) or credit note (`crn_…`) the credit came from; else null. */
  creditFrom: string | null;
}

export interface ErpPayment {
  id: string;
  customerId: string;
  customerExternalId: string | null;
  /** Towards invoices (and credit), surcharge excluded. */
  amount: number;
  /** Card surcharge, charged on top; 0 for other methods. */
  surcharge: number;
  currency: string;
  method: ErpPaymentMethod;
  provider: string;
  providerRef: string | null;
  status: ErpPaymentStatus;
  createdAt: string;
  succeededAt: string | null;
  /** What no invoice has taken: the customer's credit from this payment. */
  unapplied: number;
  /** Standing and reversed, oldest first. */
  allocations: ErpPaymentAllocation[];
  /** Why it failed or was returned, when it did. */
  failure: { code: string; message: string | null } | null;
}

/** `GET /erp/payments` (`erpPaymentFeedQuery`). */
export type ErpPaymentFeedQuery = z.input<typeof erpPaymentFeedQuery>;

/**
 * Payments whose state changed after `since`, in the order of their changes, each shown as it is now
 * (once per page, at its latest change in the page). A payment changed again later comes again in a
 * later page: upsert by `id`. `nextCursor` is always set: ask again with `since=<nextCursor>` at once
 * while `hasMore`, and on the next poll.
 */
export interface ErpPaymentFeed {
  items: ErpPayment[];
  nextCursor: string;
  hasMore: boolean;
}

/** A promise to pay as the ERP sees it (`GET /erp/promises`, `promise.*` webhooks). */
export interface ErpPromise extends Omit<PromiseView, 'accountId' | 'invoices'> {
  customerId: string;
  customerExternalId: string | null;
  invoices: (PromiseInvoiceView & { externalId: string | null })[];
}

/** `GET /erp/promises?since=&limit=`: promises changed after the cursor, paged like the payments feed. */
export interface ErpPromiseFeed {
  items: ErpPromise[];
  nextCursor: string;
  hasMore: boolean;
}

/** A dispute as the ERP sees it (`GET /erp/disputes`, `dispute.*` webhooks): no thread, which is the customer's. */
export interface ErpDispute extends Omit<DisputeView, 'accountId' | 'invoice' | 'messages' | 'attachments'> {
  customerId: string;
  customerExternalId: string | null;
  invoice: DisputeInvoiceRef & { externalId: string | null };
  attachmentCount: number;
}

/** `GET /erp/disputes?since=&limit=`: disputes changed after the cursor (opened, moved, decided). */
export interface ErpDisputeFeed {
  items: ErpDispute[];
  nextCursor: string;
  hasMore: boolean;
}

/** A credit note (`GET /erp/credit-notes`, `credit_note.created` webhooks): those Portico issued, and the ERP's own. */
export interface ErpCreditNote {
  id: string;
  number: string;
  customerId: string;
  customerExternalId: string | null;
  /** The invoice it reduces; null for credit on the account. */
  invoice: { id: string; number: string; externalId: string | null } | null;
  amount: number;
  currency: string;
  issueDate: string;
  reason: string;
  /** The ERP's own id, for credit notes it sent; null for those Portico issued. */
  externalId: string | null;
  /** The dispute whose resolution issued it, if any. */
  disputeId: string | null;
  createdAt: string;
}

/** `GET /erp/credit-notes?since=&limit=`: credit notes created after the cursor. */
export interface ErpCreditNoteFeed {
  items: ErpCreditNote[];
  nextCursor: string;
  hasMore: boolean;
}

// ---- Webhooks ---------------------------------------------------------------------------------

export type ErpWebhookEventType = (typeof ERP_WEBHOOK_EVENT_TYPES)[number];

/** `POST /erp/webhooks` (`erpWebhookEndpointInput`). */
export type ErpWebhookEndpointInput = z.input<typeof erpWebhookEndpointInput>;

export interface ErpWebhookEndpoint {
  id: string;
  url: string;
  /** The types delivered. */
  events: ErpWebhookEventType[];
  description: string;
  createdAt: string;
  /** Set once the endpoint is disabled (`DELETE`); it gets nothing more. */
  disabledAt: string | null;
}

/** 201: the only time the signing secret is shown. */
export interface ErpWebhookEndpointCreated extends ErpWebhookEndpoint {
  secret: string;
}

export interface ErpWebhookEndpointList {
  items: ErpWebhookEndpoint[];
}

export interface ErpWebhookDelivery {
  /** The delivery id, the same on every retry (`Portico-Delivery-Id`). */
  id: string;
  /** `evt_<n>`, as in the payload. */
  event: string;
  type: ErpWebhookEventType;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** The HTTP status of the last attempt; null when it got no answer. */
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface ErpWebhookDeliveryList {
  items: ErpWebhookDelivery[];
}

/** An allocation named in a `payment.applied` or `payment.reversed` event: what that event moved. */
export interface ErpWebhookAllocation {
  invoiceId: string;
  invoiceExternalId: string | null;
  invoiceNumber: string;
  amount: number;
  /** `payment`: the payment's money. `credit`: earlier credit the payer used with it (applied only). */
  source: 'payment' | 'credit';
  /** For `credit`: the payment (`pay_…`) or credit note (`crn_…`) it came from; else null. */
  creditFrom: string | null;
}

/**
 * The JSON body POSTed to an endpoint, signed in `Portico-Signature` (`t=<unix>,v1=<hex HMAC-SHA256
 * of "<t>.<body>">` with the endpoint's secret). `data.payment` is the payment as the feed shows it
 * when the delivery is made; `data.allocations` (applied, reversed) is what this event moved.
 */
export interface ErpWebhookPayload {
  /** The delivery id: the same on every retry, so a receiver can drop repeats. */
  id: string;
  /** `evt_<n>`: the event; several endpoints get the same one. */
  event: string;
  type: ErpWebhookEventType;
  /** When the event happened. */
  createdAt: string;
  data: {
    /** Payment events: the payment as the feed shows it now. */
    payment?: ErpPayment;
    /** Promise events (`promise.*`): the promise as the promise feed shows it now. */
    promise?: ErpPromise;
    /** Dispute events (`dispute.*`): the dispute as the disputes feed shows it now. */
    dispute?: ErpDispute;
    /** `credit_note.created`: the credit note. */
    creditNote?: ErpCreditNote;
    allocations?: ErpWebhookAllocation[];
    /** `payment.applied`: what no invoice took. */
    unapplied?: number;
  };
}

// ---- Keys (CLI) -------------------------------------------------------------------------------

export interface ErpKeySummary {
  id: string;
  name: string;
  /** The key's first characters, to recognise it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ErpKeyCreated extends ErpKeySummary {
  /** Shown once; only its SHA-256 is stored. */
  key: string;
}
