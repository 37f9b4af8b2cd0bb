/**
 * The typed client of the Portico HTTP API v1. One instance per API base (see `apiFor`), shared by
 * every element that talks to that server, with the session store it authenticates from.
 */
import { canonicalLocale } from '../../../server/src/contract/locale.js';
import { sessionStoreFor, type SessionStore } from './session-store.js';
import type {
  AccountList,
  AmountInFlight,
  ApiErrorBody,
  ErrorCode,
  InvoiceDetail,
  InvoiceList,
  InvoiceListQuery,
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
  PromiseListQuery,
  PromiseRequestBody,
  PromiseView,
  SessionCreated,
  SessionInfo,
  SessionRequestBody,
  Statement,
  StatementQuery,
} from './types.js';

export type { AmountInFlight };

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** `network_error` is the client's own: the request never got an answer. */
export type ApiErrorCode = ErrorCode | 'network_error';

/** A failed API call: the server's stable `code` to switch on, and its message for people. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Seconds to wait before trying again, for `rate_limited` and `too_soon`. */
    readonly retryAfter?: number,
    /** For `amount_in_flight`: the invoice, the payment in flight and what may still be paid. */
    readonly inFlight?: AmountInFlight,
    /** For a refused body: which field (`path`) is wrong, and why. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** Answers that mean the session is gone, so the person must sign in again. */
const sessionEndedCodes: readonly ApiErrorCode[] = ['unauthenticated', 'session_expired'];

export interface CallOptions {
  signal?: AbortSignal;
}

/** A download's options: `locale` asks for the file's words, money and dates in that language (`?locale=`). */
export interface DownloadOptions extends CallOptions {
  /** The element's `locale`; empty or malformed, the server uses the signed-in contact's, else the company's. */
  locale?: string;
}

/** `GET /statement`'s period and account; empty `from`/`to` let the server pick its default (the last 90 days). */
export type StatementPeriod = Omit<StatementQuery, 'format'>;

/** A file the API sent (a PDF or CSV), with the name its `Content-Disposition` gave it. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

export type RequestOptions = {
  body?: unknown;
  /** Send the session's token (and refuse without one); all but the sign-in calls. */
  auth?: boolean;
  signal?: AbortSignal | undefined;
  accept?: string;
  headers?: Record<string, string>;
};

/** `?a=1&b=2` from the defined, non-empty values; `''` when there are none. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The file name from `attachment; filename="INV-1042.pdf"` (or RFC 5987 `filename*=`), else `fallback`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * The base URL from an element's `api` attribute: missing or empty means the page's own origin
 * (the server serves the site, the bundle and the API together). No trailing slash.
 */
export function resolveApiBase(attribute: string | null | undefined): string {
  const raw = attribute?.trim();
  if (!raw) return location.origin;
  try {
    return new URL(raw, location.href).href.replace(/\/+$/, '');
  } catch {
    return raw.replace(/\/+$/, '');
  }
}

export class PorticoApi {
  constructor(
    readonly base: string,
    readonly session: SessionStore = sessionStoreFor(base),
  ) {}

  /** Asks for a magic link (or a fresh one from an old link's token). Same answer for any email. */
  requestLink(body: LinkRequestBody | LinkResendBody, options?: CallOptions): Promise<LinkRequestAccepted> {
    return this.call('POST', '/auth/links', { body, auth: false, ...options });
  }

  /** Looks at a link without consuming it: whose it is and whether this browser asked for it. */
  previewLink(body: LinkPreviewBody, options?: CallOptions): Promise<LinkPreview> {
    return this.call('POST', '/auth/links/preview', { body, auth: false, ...options });
  }

  /** Exchanges a link token or an email + code for a session, and starts it in the store. */
  async createSession(body: SessionRequestBody, options?: CallOptions): Promise<SessionCreated> {
    const created = await this.exchangeSession(body, options);
    this.session.start(created);
    return created;
  }

  /**
   * Exchanges a link token or an email + code for a session without starting it: the caller starts
   * it with `session.start` and, in the same task, tells the page (`<ar-login>` fires `ar-login`
   * before anything re-renders on the new session and takes it out of the page).
   */
  exchangeSession(body: SessionRequestBody, options?: CallOptions): Promise<SessionCreated> {
    return this.call<SessionCreated>('POST', '/auth/sessions', { body, auth: false, ...options });
  }

  /** Who the stored session belongs to; refreshes the store (a 401 ends it). */
  async getSession(options?: CallOptions): Promise<SessionInfo> {
    const info = await this.call<SessionInfo>('GET', '/auth/session', options);
    this.session.refresh(info);
    return info;
  }

  /**
   * Revokes this session. The local session ends whatever the server answers: once this tab has
   * forgotten the token nobody can use it, and the server's idle timeout ends it there.
   */
  async logout(): Promise<void> {
    try {
      await this.call<void>('DELETE', '/auth/session');
    } catch {
      // See above.
    } finally {
      this.session.end('logout');
    }
  }

  /**
   * Revokes every session of this person. Unlike `logout`, a failure keeps the local session and
   * throws: the person asked for the other devices to be signed out, and must know if they were not.
   */
  async logoutEverywhere(): Promise<void> {
    try {
      await this.call<void>('DELETE', '/auth/sessions');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    this.session.end('logout-everywhere');
  }

  listAccounts(options?: CallOptions): Promise<AccountList> {
    return this.call('GET', '/accounts', options);
  }

  listInvoices(query: InvoiceListQuery = {}, options?: CallOptions): Promise<InvoiceList> {
    return this.call('GET', `/invoices${queryString(query)}`, options);
  }

  /** One invoice in full, by its id (`inv_…`) or its number (`INV-1042`). */
  getInvoice(idOrNumber: string, options?: CallOptions): Promise<InvoiceDetail> {
    return this.call('GET', `/invoices/${encodeURIComponent(idOrNumber)}`, options);
  }

  /** The invoice's PDF. A plain link cannot carry the bearer token, so the file is fetched here. */
  async downloadInvoicePdf(idOrNumber: string, options?: DownloadOptions): Promise<DownloadedFile> {
    const path = `/invoices/${encodeURIComponent(idOrNumber)}/pdf`;
    return this.file(path, 'application/pdf', `${idOrNumber}.pdf`, options);
  }

  getStatement(query: StatementPeriod = {}, options?: CallOptions): Promise<Statement> {
    return this.call('GET', `/statement${queryString(query)}`, options);
  }

  downloadStatement(query: StatementPeriod, format: 'csv' | 'pdf', options?: DownloadOptions): Promise<DownloadedFile> {
    const accept = format === 'csv' ? 'text/csv' : 'application/pdf';
    const period = query.from && query.to ? `-${query.from}-to-${query.to}` : '';
    const path = `/statement${queryString({ ...query, format })}`;
    return this.file(path, accept, `statement${period}.${format}`, options);
  }

  /** What the pay form offers for an account: methods, surcharge, overpayment, credit, provider keys. */
  getPaymentConfig(account: string, options?: CallOptions): Promise<PaymentConfig> {
    return this.call('GET', `/payments/config${queryString({ account })}`, options);
  }

  /**
   * Pays. `idempotencyKey` names this attempt: sending the same attempt again (after a network error)
   * with the same key can never charge twice; the server answers the first attempt's payment. A
   * declined card is not an error: the payment comes back with `status: 'failed'`.
   */
  createPayment(body: PaymentRequestBody, idempotencyKey: string, options?: CallOptions): Promise<PaymentView> {
    return this.call('POST', '/payments', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
      ...options,
    });
  }

  /** The payer finished (or gave up) the payment's next action: authentication, PayPal approval. */
  confirmPayment(id: string, body: PaymentConfirmBody, options?: CallOptions): Promise<PaymentView> {
    return this.call('POST', `/payments/${encodeURIComponent(id)}/confirm`, { body, ...options });
  }

  getPayment(id: string, options?: CallOptions): Promise<PaymentView> {
    return this.call('GET', `/payments/${encodeURIComponent(id)}`, options);
  }

  listPayments(account?: string, options?: CallOptions): Promise<PaymentList> {
    return this.call('GET', `/payments${queryString({ account })}`, options);
  }

  /** The payment's receipt as a PDF, fetched with the bearer token like the invoice PDF. */
  downloadReceiptPdf(
    payment: Pick<PaymentView, 'id' | 'receiptNumber'>,
    options?: DownloadOptions,
  ): Promise<DownloadedFile> {
    const path = `/payments/${encodeURIComponent(payment.id)}/receipt.pdf`;
    return this.file(path, 'application/pdf', `${payment.receiptNumber}.pdf`, options);
  }

  /** What the promise form may offer the account today: the dates it may name, the tolerance, the time zone. */
  promiseConfig(account?: string, options?: CallOptions): Promise<PromiseConfig> {
    return this.call('GET', `/promises/config${queryString({ account })}`, options);
  }

  /** The account's promises to pay, newest first; `status` keeps one kind (`open`, `kept` …). */
  listPromises(query: PromiseListQuery = {}, options?: CallOptions): Promise<PromiseList> {
    return this.call('GET', `/promises${queryString(query)}`, options);
  }

  getPromise(id: string, options?: CallOptions): Promise<PromiseView> {
    return this.call('GET', `/promises/${encodeURIComponent(id)}`, options);
  }

  /** Promises to pay invoices by a date; reminders for them pause until its deadline. */
  createPromise(body: PromiseRequestBody, options?: CallOptions): Promise<PromiseView> {
    return this.call('POST', '/promises', { body, ...options });
  }

  /** Cancels an open promise (`409 promise_not_open` for any other); reminders resume. */
  cancelPromise(id: string, options?: CallOptions): Promise<PromiseView> {
    return this.call('POST', `/promises/${encodeURIComponent(id)}/cancel`, options);
  }

  /** Stops a promise's scheduled automatic payment; the promise stays open (`409 promise_not_open` when none is scheduled). */
  cancelPromiseAutopay(id: string, options?: CallOptions): Promise<PromiseView> {
    return this.call('POST', `/promises/${encodeURIComponent(id)}/autopay/cancel`, options);
  }

  /** Downloads a file of the API (public for `dispute-api.ts`, like `call`). */
  async file(
    path: string,
    accept: string,
    fallbackName: string,
    { locale, ...options }: DownloadOptions = {},
  ): Promise<DownloadedFile> {
    const tag = locale ? canonicalLocale(locale) : null;
    const url = tag ? `${path}${path.includes('?') ? '&' : '?'}locale=${encodeURIComponent(tag)}` : path;
    const response = await this.request('GET', url, { accept, ...options });
    const blob = await response.blob();
    return { blob, filename: filenameFrom(response.headers.get('Content-Disposition'), fallbackName) };
  }

  /**
   * A JSON call of the API (a `FormData` body goes as multipart). Public for the calls that live beside
   * the lazy elements that make them (`dispute-api.ts`), so `portico.js` does not carry them.
   */
  async call<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T> {
    // An empty body (204 No Content) is `undefined`.
    const text = await (await this.request(method, path, options)).text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Sends a request with the session's bearer token; a non-2xx answer throws an `ApiError`. */
  private async request(
    method: HttpMethod,
    path: string,
    { body, auth = true, signal, accept = 'application/json', headers: extra }: RequestOptions = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...extra, Accept: accept };
    const token = auth ? this.session.token : null;
    if (auth && !token) throw new ApiError(401, 'unauthenticated', 'Not signed in.');
    if (token) headers.Authorization = `Bearer ${token}`;
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(`${this.base}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? null : multipart ? body : JSON.stringify(body),
        credentials: 'omit',
        signal: signal ?? null,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', 'The server could not be reached.');
    }

    if (response.ok) return response;

    const error = await toApiError(response);
    // Only a token the server no longer accepts ends the session, not one swapped in meanwhile.
    if (token && error.status === 401 && sessionEndedCodes.includes(error.code) && this.session.token === token) {
      this.session.end('expired');
    }
    throw error;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const retryHeader = Number(response.headers.get('Retry-After'));
  const retryAfter =
    body?.error?.retryAfter ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined);
  const code: ApiErrorCode = body?.error?.code ?? (response.status === 401 ? 'unauthenticated' : 'internal_error');
  const inFlight = code === 'amount_in_flight' ? body?.error?.inFlight : undefined;
  const error = body?.error;
  return new ApiError(
    response.status,
    code,
    error?.message ?? response.statusText,
    retryAfter,
    inFlight,
    error?.issues,
  );
}

const clients = new Map<string, PorticoApi>();

/** The shared client for an element's `api` attribute. */
export function apiFor(apiAttribute: string | null | undefined): PorticoApi {
  const base = resolveApiBase(apiAttribute);
  let client = clients.get(base);
  if (!client) {
    client = new PorticoApi(base);
    clients.set(base, client);
  }
  return client;
}

/** Forgets the shared clients (tests pair this with `resetSessionStores`). */
export function resetApiClients(): void {
  clients.clear();
}
