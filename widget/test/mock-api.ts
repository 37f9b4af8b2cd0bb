/**
 * The Portico server, mocked at the network boundary with msw's service worker. Each endpoint of
 * the contract gets a typed handler factory; tests say what it answers and read what it was sent.
 *
 *   useMockApi();                                     // in the describe block
 *   worker.use(mock.listAccounts(accountList(northwind)), mock.requestLink(fail(429, 'too_soon', 30)));
 *   expect(sent('POST', '/auth/sessions')).to.have.length(1);
 */
import { fixtureCleanup } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { resetApiClients } from '../src/internal/api.js';
import { resetSessionStores } from '../src/internal/session-store.js';
import type {
  AccountList,
  ApiErrorBody,
  DisputeAttachmentView,
  DisputeList,
  DisputeMessageView,
  DisputeRequestBody,
  DisputeView,
  ErrorCode,
  InvoiceDetail,
  InvoiceList,
  LinkPreview,
  LinkPreviewBody,
  LinkRequestAccepted,
  LinkRequestBody,
  LinkResendBody,
  PaymentConfig,
  PaymentConfirmBody,
  PaymentList,
  PaymentRequestBody,
  PaymentView,
  PromiseConfig,
  PromiseList,
  PromiseRequestBody,
  PromiseView,
  SessionCreated,
  SessionInfo,
  SessionRequestBody,
  Statement,
} from '../src/internal/types.js';
import { API } from './fixtures.js';

export const worker = setupWorker();

export interface SentRequest {
  method: string;
  /** Path under `/api/v1`, as requested (`/invoices/INV-1042`, not the pattern). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | null;
  /** The `Idempotency-Key` header, for payments. */
  idempotencyKey: string | null;
}

const requests: SentRequest[] = [];

/** What the elements sent to an endpoint, oldest first. */
export function sent(method: string, path: string): SentRequest[] {
  return requests.filter((request) => request.method === method && request.path === path);
}

/** An error answer, `{error: {code, message, retryAfter, ...extra}}` with `status`. */
export class Failure {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly retryAfter?: number,
    /** More of the error body, e.g. `inFlight` for `amount_in_flight`. */
    readonly extra?: Partial<ApiErrorBody['error']>,
  ) {}
}

export function fail(
  status: number,
  code: ErrorCode,
  retryAfter?: number,
  extra?: Partial<ApiErrorBody['error']>,
): Failure {
  return new Failure(status, code, retryAfter, extra);
}

/** A file answer (PDF or CSV) with the `Content-Disposition` the server sends. */
export class FileAnswer {
  constructor(
    readonly contentType: string,
    readonly filename: string,
    readonly body = 'file body',
  ) {}
}

export function file(contentType: string, filename: string, body?: string): FileAnswer {
  return new FileAnswer(contentType, filename, body);
}

/** No answer at all: the connection failed (the client reports `network_error`). */
export class Offline {}

export function offline(): Offline {
  return new Offline();
}

interface Received<Body> {
  body: Body;
  query: URLSearchParams;
  /** Path under `/api/v1`, e.g. `/invoices/INV-1042`. */
  path: string;
}

type Answer<Result> = Result | Failure | Offline | FileAnswer;
type Reply<Body, Result> = Answer<Result> | ((request: Received<Body>) => Answer<Result> | Promise<Answer<Result>>);

/** A reply that never comes, to look at loading states. */
export async function never(): Promise<never> {
  await delay('infinite');
  throw new Error('unreachable');
}

/** A POST's JSON (none when cancelling a promise), or its multipart fields (a dispute's attachment: `file` is a File). */
async function readBody(method: string, request: Request): Promise<unknown> {
  if (method !== 'post' && method !== 'patch') return undefined;
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    return Object.fromEntries((await request.formData()).entries());
  }
  const text = await request.text();
  return text ? JSON.parse(text) : undefined;
}

/**
 * A mocked route of the API: `endpoint<Body, Result>('get', '/admin/overview')(reply)` is the handler to
 * `worker.use`. The staff console's tests build their routes with it (`mock` holds the customer API's).
 */
export function endpoint<Body, Result>(method: 'get' | 'post' | 'patch' | 'delete', path: string, okStatus = 200) {
  return (reply: Reply<Body, Result>) =>
    http[method](`${API}/api/v1${path}`, async ({ request }) => {
      const url = new URL(request.url);
      const body = (await readBody(method, request)) as Body;
      const requestPath = decodeURIComponent(url.pathname.replace(/^\/api\/v1/, ''));
      requests.push({
        method: method.toUpperCase(),
        path: requestPath,
        query: url.searchParams,
        body,
        authorization: request.headers.get('Authorization'),
        idempotencyKey: request.headers.get('Idempotency-Key'),
      });
      const result =
        typeof reply === 'function'
          ? await (reply as (request: Received<Body>) => Answer<Result> | Promise<Answer<Result>>)({
              body,
              query: url.searchParams,
              path: requestPath,
            })
          : reply;
      if (result instanceof Offline) return HttpResponse.error();
      if (result instanceof FileAnswer) {
        return new HttpResponse(result.body, {
          headers: {
            'Content-Type': result.contentType,
            'Content-Disposition': `attachment; filename="${result.filename}"`,
          },
        });
      }
      if (result instanceof Failure) {
        const { status, code, retryAfter, extra } = result;
        return HttpResponse.json({ error: { code, message: `Mock ${code}.`, retryAfter, ...extra } }, { status });
      }
      if (result === undefined) return new HttpResponse(null, { status: 204 });
      return HttpResponse.json(result as object, { status: okStatus });
    });
}

export const mock = {
  requestLink: endpoint<LinkRequestBody | LinkResendBody, LinkRequestAccepted>('post', '/auth/links', 202),
  previewLink: endpoint<LinkPreviewBody, LinkPreview>('post', '/auth/links/preview'),
  createSession: endpoint<SessionRequestBody, SessionCreated>('post', '/auth/sessions'),
  getSession: endpoint<undefined, SessionInfo>('get', '/auth/session'),
  logout: endpoint<undefined, undefined>('delete', '/auth/session'),
  logoutEverywhere: endpoint<undefined, undefined>('delete', '/auth/sessions'),
  listAccounts: endpoint<undefined, AccountList>('get', '/accounts'),
  listInvoices: endpoint<undefined, InvoiceList>('get', '/invoices'),
  getInvoice: endpoint<undefined, InvoiceDetail>('get', '/invoices/:idOrNumber'),
  invoicePdf: endpoint<undefined, never>('get', '/invoices/:idOrNumber/pdf'),
  getStatement: endpoint<undefined, Statement | never>('get', '/statement'),
  paymentConfig: endpoint<undefined, PaymentConfig>('get', '/payments/config'),
  createPayment: endpoint<PaymentRequestBody, PaymentView>('post', '/payments', 201),
  confirmPayment: endpoint<PaymentConfirmBody, PaymentView>('post', '/payments/:id/confirm'),
  getPayment: endpoint<undefined, PaymentView>('get', '/payments/:id'),
  listPayments: endpoint<undefined, PaymentList>('get', '/payments'),
  receiptPdf: endpoint<undefined, never>('get', '/payments/:id/receipt.pdf'),
  promiseConfig: endpoint<undefined, PromiseConfig>('get', '/promises/config'),
  listPromises: endpoint<undefined, PromiseList>('get', '/promises'),
  getPromise: endpoint<undefined, PromiseView>('get', '/promises/:id'),
  createPromise: endpoint<PromiseRequestBody, PromiseView>('post', '/promises', 201),
  cancelPromise: endpoint<undefined, PromiseView>('post', '/promises/:id/cancel'),
  listDisputes: endpoint<undefined, DisputeList>('get', '/disputes'),
  getDispute: endpoint<undefined, DisputeView>('get', '/disputes/:id'),
  openDispute: endpoint<DisputeRequestBody, DisputeView>('post', '/disputes', 201),
  /** The body is the form's fields: `{file: File, message?: string}`. */
  uploadAttachment: endpoint<{ file: File; message?: string }, DisputeAttachmentView>(
    'post',
    '/disputes/:id/attachments',
    201,
  ),
  downloadAttachment: endpoint<undefined, never>('get', '/disputes/:id/attachments/:attachmentId'),
  replyToDispute: endpoint<{ body: string }, DisputeMessageView>('post', '/disputes/:id/messages', 201),
  withdrawDispute: endpoint<undefined, DisputeView>('post', '/disputes/:id/withdraw'),
};

/** Starts a session in this tab as a reload would find it (sessionStorage), for signed-in tests. */
export function signIn(created: SessionCreated): void {
  const { token, ...info } = created;
  sessionStorage.setItem(`portico:session:${API}`, JSON.stringify({ token, info }));
}

/** Puts a magic link's token in the page URL, as the email's link does. */
export function openLink(token: string, otherFragment = ''): void {
  history.replaceState(null, '', `${location.pathname}${location.search}#${otherFragment}portico-link=${token}`);
}

/** Registers the worker and a clean slate (no handlers, storage, sessions or fragment) per test. */
export function useMockApi(): void {
  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' });
  });
  afterEach(async () => {
    // Elements first, and let their last updates run: one updating on its way out (a field losing
    // focus as it goes) must still find the client and session it had, not ask a fresh one for data.
    fixtureCleanup();
    await new Promise((resolve) => setTimeout(resolve));
    worker.resetHandlers();
    requests.length = 0;
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) if (key.endsWith(`:${API}`)) localStorage.removeItem(key);
    resetSessionStores();
    resetApiClients();
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });
  after(() => worker.stop());
}
