/**
 * What the payer has typed into `<ar-easy-pay>`: an amount per invoice, credit, overpayment, the
 * method and its card or bank fields, and which fields show their errors. A reload of the same
 * invoices keeps what was typed; new invoices start a new form.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatAmountInput } from '../../internal/amount-input.js';
import type { PaymentMethod } from '../../internal/types.js';
import { checkForm, type FormCheck, type PayData } from './pay-form.js';
import { emptyBank, emptyCard, type BankFields, type CardFields } from '../../internal/payment-fields.js';

/** The fields a person sets directly. */
export interface PayFormFields {
  useCredit: boolean;
  overpayment: string;
  method: PaymentMethod | null;
  card: CardFields;
  bank: BankFields;
}

export class PayFormController implements ReactiveController {
  data: PayData | null = null;
  /** Typed amounts by invoice id, as text: read to minor units when checked. */
  amounts = new Map<string, string>();
  fields: PayFormFields = { useCredit: false, overpayment: '', method: null, card: emptyCard, bank: emptyBank };
  /** Fields the payer has left: their errors show from then on, all of them once Pay is pressed. */
  private touched = new Set<string>();
  private showAllErrors = false;
  /** Invoices whose amount the payer changed: a reload keeps those and follows the balance for the rest. */
  private edited = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Nothing to set up: the form outlives a move in the page (a controller needs one hook). */
  hostConnected(): void {}

  set(fields: Partial<PayFormFields>): void {
    this.fields = { ...this.fields, ...fields };
    this.host.requestUpdate();
  }

  /** Merges into the card fields as they are now (several inputs may change before a render). */
  setCard(card: Partial<CardFields>): void {
    this.set({ card: { ...this.fields.card, ...card } });
  }

  setBank(bank: Partial<BankFields>): void {
    this.set({ bank: { ...this.fields.bank, ...bank } });
  }

  /** New data; returns whether it starts a new form (other invoices), which forgets what was typed. */
  apply(data: PayData, locale: string | undefined): boolean {
    const same = this.data?.key === data.key;
    const amounts = new Map<string, string>();
    for (const invoice of data.invoices) {
      const typed = same && this.edited.has(invoice.id) ? this.amounts.get(invoice.id) : undefined;
      // What is left to pay: the balance less what payments in flight hold, and less what an open
      // dispute puts in question (the person may still pay it all).
      const amount = Math.max(0, invoice.payable - (invoice.dispute?.amount ?? 0));
      amounts.set(invoice.id, typed ?? formatAmountInput(amount, invoice.currency, locale));
    }
    if (!same) {
      this.edited = new Set();
      this.fields = { ...this.fields, useCredit: false, overpayment: '', card: emptyCard, bank: emptyBank };
      this.touched = new Set();
      this.showAllErrors = false;
    }
    const methods = data.config?.methods.map((item) => item.method) ?? [];
    const method = this.fields.method;
    if (!method || !methods.includes(method)) this.fields = { ...this.fields, method: methods[0] ?? null };
    this.amounts = amounts;
    this.data = data;
    this.host.requestUpdate();
    return !same;
  }

  /** The next load follows the balance of these invoices again, whatever was typed. */
  forget(invoiceIds: Iterable<string>): void {
    for (const id of invoiceIds) this.edited.delete(id);
  }

  editAmount(invoiceId: string, text: string): void {
    this.edited.add(invoiceId);
    this.amounts = new Map(this.amounts).set(invoiceId, text);
    this.host.requestUpdate();
  }

  /** The form's `focusout`: the field left shows its error from now on. */
  touch(event: FocusEvent): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.id || this.touched.has(target.id)) return;
    this.touched = new Set(this.touched).add(target.id);
    this.host.requestUpdate();
  }

  /** Pay was pressed: every error shows. */
  revealErrors(): void {
    this.showAllErrors = true;
    this.host.requestUpdate();
  }

  /** Whether the field `id` shows its error yet. */
  showsError(id: string): boolean {
    return this.showAllErrors || this.touched.has(id);
  }

  check(stripeReady: boolean, locale: string | undefined): FormCheck | null {
    if (!this.data?.config) return null;
    return checkForm({ data: this.data, amounts: this.amounts, ...this.fields, stripeReady, locale });
  }
}
