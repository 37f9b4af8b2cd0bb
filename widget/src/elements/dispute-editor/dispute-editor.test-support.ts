/** What the tests of <ar-dispute-editor> share: rendering it, its fields, picking files, opening the dispute. */
import { fixture, html, waitUntil } from '../../../test/testing.js';
import { accountList, API, invoiceDetail, northwind, sessionCreated } from '../../../test/fixtures.js';
import { type } from '../../../test/dom.js';
import { mock, sent, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import type { DisputeRequestBody } from '../../internal/types.js';
import type { ArDisputeEditor } from './dispute-editor.js';

export function renderEditor(invoice = 'INV-1042', locale = 'en-US'): Promise<ArDisputeEditor> {
  return fixture<ArDisputeEditor>(
    html`<ar-dispute-editor api=${API} invoice=${invoice} locale=${locale}></ar-dispute-editor>`,
  );
}

export const $ = <T extends HTMLElement = HTMLElement>(el: ArDisputeEditor, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends HTMLElement = HTMLElement>(el: ArDisputeEditor, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

type LineField = 'ticked' | 'reason' | 'quantity' | 'amount' | 'note';
export const lineField = <T extends HTMLElement = HTMLInputElement>(
  el: ArDisputeEditor,
  line: number,
  field: LineField,
) => $<T>(el, `#line-${line}-${field}`)!;
export const errorOf = (el: ArDisputeEditor, id: string) => text($(el, `#${id}-error`));
export const message = (el: ArDisputeEditor) => $<HTMLTextAreaElement>(el, '#dispute-message')!;
export const submitButton = (el: ArDisputeEditor) => $<HTMLButtonElement>(el, '[part~="submit-button"]')!;
export const totals = (el: ArDisputeEditor) => text($(el, '[part="totals"]'));

export async function loaded(el: ArDisputeEditor): Promise<void> {
  await waitUntil(() => $(el, 'form, [part~="error"], [part~="empty"], [part~="disputed"]'), 'the dispute form loads');
}

/** Ticks or unticks "Dispute this line" as a click would. */
export async function tick(el: ArDisputeEditor, line: number): Promise<void> {
  lineField(el, line, 'ticked').click();
  await el.updateComplete;
}

export async function chooseReason(el: ArDisputeEditor, line: number, reason: string): Promise<void> {
  const select = lineField<HTMLSelectElement>(el, line, 'reason');
  select.value = reason;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Leaves a field, so its error shows. */
export async function leave(el: ArDisputeEditor, field: HTMLElement): Promise<void> {
  field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Picks files in the file input, as the browser's picker would. */
export async function pick(el: ArDisputeEditor, ...files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, '#dispute-files')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A file of `size` bytes (zeros) with the type the browser would give its name. */
export function fileOf(name: string, type: string, size = 2048): File {
  return new File([new Uint8Array(size)], name, { type });
}

export const photo = () => fileOf('wet-boxes.jpg', 'image/jpeg', 245_760);

/** Presses "Open a dispute…" and waits until the server has answered and the form is free again (or gone). */
export async function submit(el: ArDisputeEditor): Promise<void> {
  const before = sent('POST', '/disputes').length;
  submitButton(el).click();
  await waitUntil(() => sent('POST', '/disputes').length > before, 'sends the dispute');
  await waitUntil(() => !submitButton(el) || !submitButton(el).disabled, 'the answer arrives');
}

export const bodyOf = (index = 0) => sent('POST', '/disputes')[index]?.body as DisputeRequestBody;

/**
 * The dispute of the fixtures' `disputeView()`: line 1, 4 damaged boxes ($100.00 of $1,000.00), line 2,
 * the delivery priced wrong ($200.00 of $500.00), of INV-1042's $420.00 balance.
 */
export async function fillTwoLines(el: ArDisputeEditor): Promise<void> {
  await tick(el, 1);
  await chooseReason(el, 1, 'damaged');
  type(lineField(el, 1, 'quantity'), '4');
  type(lineField(el, 1, 'amount'), '100');
  type(lineField(el, 1, 'note'), ' Four boxes arrived wet. ');
  await tick(el, 2);
  await chooseReason(el, 2, 'pricing');
  type(lineField(el, 2, 'amount'), '200.00');
  // A textarea takes typing as an input does.
  type(
    message(el) as unknown as HTMLInputElement,
    'Four boxes were damaged and the delivery was quoted at $120.00 a pallet.',
  );
  await el.updateComplete;
}

/** Each test starts signed in, with INV-1042 ($420.00 left, two lines) on the server (`useMockApi` too). */
export function useSignedInCustomer(): void {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(mock.getInvoice(invoiceDetail()), mock.listAccounts(accountList(northwind)));
  });
}
