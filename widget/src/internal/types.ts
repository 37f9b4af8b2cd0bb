/**
 * The HTTP API's types, re-exported from the server's contract so the widget names them in one place.
 * Types only: nothing of the server reaches the browser bundle (rollup.config.mjs fails the build if
 * it would).
 */
export type {
  AccountList,
  AgingBuckets,
  AppliedCredit,
  AppliedPayment,
  AccountRef,
  AccountSummary,
  ApiErrorBody,
  Audience,
  ErrorCode,
  InvoiceDetail,
  InvoiceHistoryEntry,
  InvoiceLine,
  InvoiceList,
  InvoiceListQuery,
  InvoiceSort,
  InvoiceStatus,
  InvoiceStatusFilter,
  InvoiceSummary,
  LinkPreview,
  LinkPreviewBody,
  LinkRequestAccepted,
  LinkRequestBody,
  LinkResendBody,
  SessionCreated,
  SessionInfo,
  SessionRequestBody,
  SessionUser,
  StaffRole,
  Statement,
  StatementLine,
} from '../../../server/src/api/contract.js';
