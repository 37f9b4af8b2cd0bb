/**
 * Shared by the authorization matrix and the fuzz test: a declarative table saying who may call each route pattern
 * of the app and with what request. Beside it: every route of the app read from its router and the error body check
 * (route-matrix-routes.ts), a seeded world with real ids and real sessions (signed in through real links) to fill
 * those requests (route-matrix-world.ts), and the requests built from the table (route-matrix-calls.ts).
 *
 * A route that exists in the app and not in ROUTE_TABLE fails both tests: add it here, with who may
 * call it, when you add it to the app.
 */
import { ADMIN_AUDIT_ROUTES } from './route-matrix-admin-audit';
import { ADMIN_CUSTOMER_ACTIONS_ROUTES } from './route-matrix-admin-customer-actions';
import { ADMIN_CUSTOMERS_ROUTES } from './route-matrix-admin-customers';
import { ADMIN_MONEY_ROUTES } from './route-matrix-admin-money';
import { ADMIN_OVERVIEW_ROUTES } from './route-matrix-admin-overview';
import { ADMIN_SETTINGS_ROUTES } from './route-matrix-admin-settings';
import { ADMIN_WORKLIST_ROUTES } from './route-matrix-admin-worklist';
import { randomUUID } from 'node:crypto';
import { PNG } from './disputes-support';
import { customerRow, invoiceRow } from './erp-helpers';
import { ORIGIN } from './helpers';
import type { Expect, Kind, RouteSpec } from './route-matrix-spec';
import {
  type Principal,
  type World,
  PRINCIPALS,
  VICTIM,
  cardPayment,
  clearScratchInvoice,
  promiseDate,
  renewScratchDispute,
} from './route-matrix-world';

// ---- The table -------------------------------------------------------------------------------

export type { Expect, Kind, RequestTemplate, RouteSpec } from './route-matrix-spec';

const ALL = (e: Expect): Record<Principal, Expect> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, e])) as Record<Principal, Expect>;

export const DEFAULTS: Record<Kind, Record<Principal, Expect>> = {
  public: ALL('public'),
  // Any signed-in person, customer or staff.
  session: { ...ALL(401), owner: 'ok', other: 'ok', easyPay: 'ok', staff: 'ok', collector: 'ok', viewer: 'ok' },
  // Customer sessions only; another customer's resources do not exist for them, nor for an Easy Pay
  // session outside its invoices.
  customer: { ...ALL(401), owner: 'ok', other: 404, easyPay: 404, staff: 403, collector: 403, viewer: 403 },
  // Staff sessions of every role (reading); customers are refused, not told nothing is there.
  staff: { ...ALL(401), owner: 403, other: 403, easyPay: 403, staff: 'ok', collector: 'ok', viewer: 'ok' },
  // Admins and collectors act; a viewer only reads.
  staffAction: { ...ALL(401), owner: 403, other: 403, easyPay: 403, staff: 'ok', collector: 'ok', viewer: 403 },
  // ERP API keys only: every session is refused like no key at all.
  erp: { ...ALL(401), erp: 'ok' },
  // Payment providers' webhooks: the signature is the credential; sessions and keys are no signature.
  signed: ALL(400),
};

const idempotent = () => ({ 'idempotency-key': randomUUID() });
export const account = { account: VICTIM.account };
let linkSerial = 0;

/** The items' ids of a list answer. */
const listIds = (body: unknown) => (body as { items: { id: string }[] }).items.map((x) => x.id);
const messagesOf = (body: unknown) => (body as { messages: { internal: boolean }[] }).messages;
const dispute = (w: World) => ({ params: { id: w.dispute } });
const scratch = (w: World) => ({ params: { id: w.scratchDispute } });

/** Disputes: the customer's routes (`customer`, the file download any session of the dispute), and staff's. */
function disputeRoutes(): Record<string, RouteSpec> {
  return {
    'GET /api/v1/disputes': {
      kind: 'customer',
      request: () => ({ query: account }),
      // An Easy Pay session lists only the disputes of its link's invoice (none here).
      expect: { easyPay: 'ok' },
      check: (w, p, body) => {
        const ids = listIds(body);
        if (p === 'owner' && !ids.includes(w.dispute)) throw new Error('the owner does not see the dispute');
        if (p === 'easyPay' && ids.length) throw new Error(`Easy Pay disputes: ${ids.join()}`);
      },
    },
    'POST /api/v1/disputes': {
      kind: 'customer',
      fresh: clearScratchInvoice,
      request: (w) => ({
        body: {
          invoice: w.scratchInvoice,
          lines: [{ line: 1, reason: 'damaged', amount: 100 }],
          message: 'The box arrived crushed.',
        },
      }),
    },
    'GET /api/v1/disputes/:id': {
      kind: 'customer',
      request: dispute,
      check: (w, p, body) => {
        if (messagesOf(body).some((m) => m.internal)) throw new Error(`${p} sees staff's internal note`);
      },
    },
    // The dispute's customer sessions and staff of every role fetch its files.
    'GET /api/v1/disputes/:id/attachments/:attachmentId': {
      kind: 'session',
      request: (w) => ({ params: { id: w.dispute, attachmentId: w.attachment } }),
      expect: { other: 404, easyPay: 404 },
    },
    'POST /api/v1/disputes/:id/attachments': {
      kind: 'customer',
      request: (w) => ({ ...dispute(w), form: { file: { bytes: PNG, name: 'label.png', type: 'image/png' } } }),
    },
    'POST /api/v1/disputes/:id/messages': {
      kind: 'customer',
      request: (w) => ({ ...dispute(w), body: { body: 'Any news?' } }),
    },
    'POST /api/v1/disputes/:id/withdraw': { kind: 'customer', fresh: renewScratchDispute, request: scratch },

    'GET /api/v1/admin/disputes': {
      kind: 'staff',
      check: (w, p, body) => {
        if (!listIds(body).includes(w.dispute)) throw new Error(`${p} does not see the dispute`);
      },
    },
    'GET /api/v1/admin/disputes/:id': {
      kind: 'staff',
      request: dispute,
      check: (w, p, body) => {
        if (!messagesOf(body).some((m) => m.internal)) throw new Error(`${p} does not see the internal note`);
      },
    },
    'GET /api/v1/admin/disputes/:id/attachments/:attachmentId': {
      kind: 'staff',
      request: (w) => ({ params: { id: w.dispute, attachmentId: w.attachment } }),
    },
    'POST /api/v1/admin/disputes/:id/assign': {
      kind: 'staffAction',
      request: (w) => ({ ...dispute(w), body: { staffUserId: 'stf_collector' } }),
    },
    'POST /api/v1/admin/disputes/:id/review': { kind: 'staffAction', fresh: renewScratchDispute, request: scratch },
    'POST /api/v1/admin/disputes/:id/messages': {
      kind: 'staffAction',
      request: (w) => ({ ...dispute(w), body: { body: 'We are looking into it.' } }),
    },
    'POST /api/v1/admin/disputes/:id/resolve': {
      kind: 'staffAction',
      fresh: renewScratchDispute,
      request: (w) => ({ ...scratch(w), body: { creditAmount: 50, note: 'Half of it, as agreed.' } }),
    },
    'POST /api/v1/admin/disputes/:id/reject': {
      kind: 'staffAction',
      fresh: renewScratchDispute,
      request: (w) => ({ ...scratch(w), body: { reason: 'Delivered as ordered.' } }),
    },
  };
}

export const ROUTE_TABLE: Record<string, RouteSpec> = {
  ...ADMIN_OVERVIEW_ROUTES,
  ...ADMIN_WORKLIST_ROUTES,
  ...ADMIN_AUDIT_ROUTES,
  ...ADMIN_CUSTOMERS_ROUTES,
  ...ADMIN_CUSTOMER_ACTIONS_ROUTES,
  ...ADMIN_SETTINGS_ROUTES,
  ...ADMIN_MONEY_ROUTES,
  'GET /portico.js': { kind: 'public' },
  'GET /chunks/:file': { kind: 'public', request: () => ({ params: { file: 'ar-statement.js' } }) },
  'GET /api/v1/health': { kind: 'public' },
  'POST /api/v1/auth/links': {
    kind: 'public',
    request: () => ({ body: { email: `matrix-${++linkSerial}@nowhere.test`, returnTo: `${ORIGIN}/` } }),
  },
  'POST /api/v1/auth/links/preview': { kind: 'public', request: () => ({ body: { token: 'x'.repeat(43) } }) },
  'POST /api/v1/auth/sessions': { kind: 'public', request: () => ({ body: { token: 'x'.repeat(43) } }) },
  'GET /api/v1/auth/session': { kind: 'session' },
  'DELETE /api/v1/auth/session': { kind: 'session', consumesSession: true },
  'DELETE /api/v1/auth/sessions': { kind: 'session', consumesSession: true },

  'GET /api/v1/accounts': {
    kind: 'customer',
    // A list of one's own accounts: another customer gets theirs, an Easy Pay session its invoice's.
    expect: { other: 'ok', easyPay: 'ok' },
    check: (w, p, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((a) => a.id);
      if (p === 'easyPay' && ids.join() !== VICTIM.account) throw new Error(`Easy Pay accounts: ${ids.join()}`);
    },
  },
  'GET /api/v1/invoices': {
    kind: 'customer',
    request: () => ({ query: account }),
    expect: { easyPay: 'ok' },
    check: (w, p, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((i) => i.id);
      if (p === 'easyPay' && ids.join() !== w.easyInvoice.id) throw new Error(`Easy Pay list: ${ids.join()}`);
      if (p === 'owner' && !ids.includes(w.victimInvoice.id)) throw new Error('the owner does not see the invoice');
    },
  },
  'GET /api/v1/invoices/:id': { kind: 'customer', request: (w) => ({ params: { id: w.victimInvoice.id } }) },
  'GET /api/v1/invoices/:id/pdf': { kind: 'customer', request: (w) => ({ params: { id: w.victimInvoice.id } }) },
  'GET /api/v1/statement': {
    kind: 'customer',
    request: () => ({ query: account }),
    // A whole-account statement is not an Easy Pay session's to read.
    expect: { easyPay: 403 },
  },
  'GET /api/v1/payments/config': {
    kind: 'customer',
    request: () => ({ query: account }),
    expect: { easyPay: 'ok' },
  },
  'GET /api/v1/payments': {
    kind: 'customer',
    request: () => ({ query: account }),
    expect: { easyPay: 'ok' },
    check: (w, p, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((x) => x.id);
      if (p === 'owner' && !ids.includes(w.paymentSucceeded)) throw new Error('the owner does not see the payment');
    },
  },
  'POST /api/v1/payments': {
    kind: 'customer',
    request: (w) => ({ body: cardPayment(w.victimInvoice.id, 100), headers: idempotent() }),
  },
  'GET /api/v1/payments/:id': { kind: 'customer', request: (w) => ({ params: { id: w.paymentSucceeded } }) },
  'POST /api/v1/payments/:id/confirm': {
    kind: 'customer',
    request: (w) => ({ params: { id: w.paymentWaiting }, body: { outcome: 'complete' } }),
    // The owner's call may meet a payment that lapsed or was replaced (409): past authorization all the same.
    expect: { owner: 'reach' },
  },
  'GET /api/v1/payments/:id/receipt.pdf': {
    kind: 'customer',
    request: (w) => ({ params: { id: w.paymentSucceeded } }),
  },
  'GET /api/v1/promises/config': {
    kind: 'customer',
    request: () => ({ query: account }),
    expect: { easyPay: 'ok' },
  },
  'GET /api/v1/promises': {
    kind: 'customer',
    request: () => ({ query: account }),
    // An Easy Pay session lists only promises within its link (none here).
    expect: { easyPay: 'ok' },
    check: (w, p, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((x) => x.id);
      if (p === 'owner' && !ids.includes(w.promise)) throw new Error('the owner does not see the promise');
      if (p === 'easyPay' && ids.length) throw new Error(`Easy Pay promises: ${ids.join()}`);
    },
  },
  'POST /api/v1/promises': {
    kind: 'customer',
    request: (w) => ({
      body: {
        account: VICTIM.account,
        invoices: [w.victimInvoice2.id],
        amount: 500,
        promisedDate: promiseDate(w.t, 3),
      },
    }),
    // One open promise per invoice: the owner's second call is a 409, past authorization all the same.
    expect: { owner: 'reach' },
  },
  'GET /api/v1/promises/:id': { kind: 'customer', request: (w) => ({ params: { id: w.promise } }) },
  'POST /api/v1/promises/:id/autopay/cancel': {
    kind: 'customer',
    request: (w) => ({ params: { id: w.promise } }),
    // The world's promise pays nothing automatically: a 409, past authorization all the same.
    expect: { owner: 'reach' },
  },
  'POST /api/v1/promises/:id/cancel': {
    kind: 'customer',
    request: (w) => ({ params: { id: w.promise } }),
    // Cancelled once; a second cancel is a 409 (`promise_not_open`).
    expect: { owner: 'reach' },
  },

  ...disputeRoutes(),

  'POST /api/v1/webhooks/:provider': {
    kind: 'signed',
    request: () => ({ params: { provider: 'sandbox' }, body: { id: 'evt_matrix', ref: 'x', outcome: 'succeeded' } }),
  },

  'PUT /api/v1/erp/customers': { kind: 'erp', request: () => ({ body: { customers: [customerRow(900)] } }) },
  'PUT /api/v1/erp/invoices': {
    kind: 'erp',
    request: () => ({ body: { invoices: [invoiceRow(900, { customerExternalId: 'C-900' })] } }),
  },
  'POST /api/v1/erp/invoices/:id/send': { kind: 'erp', request: (w) => ({ params: { id: w.victimInvoice.id } }) },
  'GET /api/v1/erp/payments': { kind: 'erp' },
  'GET /api/v1/erp/promises': { kind: 'erp' },
  'GET /api/v1/erp/disputes': { kind: 'erp' },
  'GET /api/v1/erp/credit-notes': { kind: 'erp' },
  'POST /api/v1/erp/webhooks': { kind: 'erp', request: () => ({ body: { url: 'http://127.0.0.1:9/matrix-c' } }) },
  'GET /api/v1/erp/webhooks': { kind: 'erp' },
  'DELETE /api/v1/erp/webhooks/:id': { kind: 'erp', request: (w) => ({ params: { id: w.endpointB } }) },
  'GET /api/v1/erp/webhooks/:id/deliveries': { kind: 'erp', request: (w) => ({ params: { id: w.endpointA } }) },
  'POST /api/v1/erp/webhooks/:id/deliveries/:deliveryId/retry': {
    kind: 'erp',
    request: (w) => ({ params: { id: w.endpointA, deliveryId: w.deliveryA } }),
    // A delivery still being retried on its own is a 409: the key got through.
    expect: { erp: 'reach' },
  },
  'GET /api/v1/erp/invoices': { kind: 'erp' },

  'GET /api/v1/dev/mailbox': { kind: 'public', demoOnly: true, showsEverything: true },
  'GET /api/v1/dev/clock': { kind: 'public', demoOnly: true },
  // `days: 0` runs what is due without moving the clock, so the sessions of the other checks live on.
  'POST /api/v1/dev/clock': { kind: 'public', demoOnly: true, request: () => ({ body: { days: 0 } }) },
  'GET /api/v1/dev/mailbox/messages.json': { kind: 'public', demoOnly: true, showsEverything: true },
};

export function expectations(spec: RouteSpec): Record<Principal, Expect> {
  return { ...DEFAULTS[spec.kind], ...spec.expect };
}
