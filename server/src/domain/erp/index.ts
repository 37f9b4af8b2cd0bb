/**
 * ERP: what the company's ERP reads and writes through its API key. Bulk imports of customers and
 * invoices, the invoice and payment feeds, API keys, and webhook endpoints and their deliveries (the
 * fan-out that queues them is in the kernel, `../webhook-fanout.ts`, as every event queues it).
 *
 * This module is the slice's entry: the rest of the server imports the ERP slice from here only.
 */
export { CustomerUpserter } from './customers';
export { listErpInvoices } from './feed';
export { ErpImport, IMPORT_CACHE_KIB, importAll, type RowErrorList } from './import';
export { invoiceLineValues, InvoiceUpserter, invoiceValues } from './invoices';
export { authenticateErpKey, createErpKey, listErpKeys, revokeErpKey } from './keys';
export { listErpPayments } from './payments-feed';
export { listErpCreditNotes, listErpDisputes } from './disputes-feed';
export { listErpPromises } from './promises-feed';
export {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  webhookDeliveryHandler,
  webhookUrlProblem,
} from './webhooks';
