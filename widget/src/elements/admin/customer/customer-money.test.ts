import { expect, waitUntil } from '../../../../test/testing.js';
import { staffSession } from '../../../../test/fixtures.js';
import { buttonNamed, type } from '../../../../test/dom.js';
import { fail, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import type { ArAdminCustomer } from './customer.js';
import { dayFromToday } from './actions/money.js';
import { $, customerDetail, mockCustomer, openInvoices, renderCustomer, sees, text } from './customer.test-support.js';

const base = '/admin/customers/cus_northwind';
const input = (el: Element, name: string) => $<HTMLInputElement>(el, `#f-${name}`)!;

async function openAction(label: string, credit = 0): Promise<ArAdminCustomer> {
  worker.use(mockCustomer.detail(customerDetail({ credit })), mockCustomer.invoices(openInvoices));
  const el = await renderCustomer();
  await sees(el, 'INV-1001');
  buttonNamed(el, label)!.click();
  await waitUntil(() => $(el, '.panel'), 'the form opens');
  return el;
}

const submit = (el: Element) => $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();

describe('<ar-admin-customer> money actions', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  it('records an offline payment oldest first, once, with an Idempotency-Key', async () => {
    const el = await openAction('Record payment');
    expect(el.shadowRoot!.activeElement?.id).to.equal('panel-heading');
    worker.use(mockCustomer.action('payments', 201)({ id: 'pay_1' }));

    submit(el);
    await waitUntil(() => $(el, '#f-amount-error'));
    expect(text($(el, '#f-amount-error'))).to.equal('Enter an amount.');
    expect(input(el, 'amount').getAttribute('aria-describedby')).to.equal('f-amount-error');
    expect(input(el, 'amount').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    type(input(el, 'amount'), '1,500.00');
    type(input(el, 'reference'), 'CHQ 1042');
    submit(el);
    submit(el);
    await sees(el, 'Payment recorded.');
    const requests = sent('POST', `${base}/payments`);
    expect(requests).to.have.length(1);
    expect(requests[0]!.body).to.deep.equal({
      method: 'cheque',
      amount: 150_000,
      currency: 'USD',
      receivedOn: dayFromToday(0),
      reference: 'CHQ 1042',
    });
    expect(requests[0]!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect($(el, '.panel')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('notice');
    await waitUntil(() => sent('GET', base).length === 2, 'reloads the header');
    await expect(el).to.be.accessible();
  });

  it('allocates a payment by hand with a running total and what becomes credit', async () => {
    const el = await openAction('Record payment');
    worker.use(mockCustomer.action('payments', 201)({ id: 'pay_1' }));
    $<HTMLSelectElement>(el, '#f-method')!.value = 'wire';
    type(input(el, 'amount'), '1000');
    const manual = $<HTMLInputElement>(el, 'input[value="manual"]')!;
    manual.checked = true;
    manual.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => $(el, '#f-a-inv_INV-1001'), 'the open invoices load');
    expect(text($(el, '#f-a-inv_INV-1001-hint'))).to.equal('Due Oct 1, 2026 · $750.00 payable');

    type(input(el, 'a-inv_INV-1001'), '800');
    type(input(el, 'a-inv_INV-1002'), '100');
    await sees(el, 'Allocated: $900.00');
    await sees(el, 'Becomes credit: $100.00');
    submit(el);
    await waitUntil(() => $(el, '#f-a-inv_INV-1001-error'));
    expect(text($(el, '#f-a-inv_INV-1001-error'))).to.equal('At most $750.00.');
    expect(sent('POST', `${base}/payments`)).to.have.length(0);
    await expect(el).to.be.accessible();

    type(input(el, 'a-inv_INV-1001'), '750');
    type(input(el, 'a-inv_INV-1002'), '300');
    submit(el);
    await sees(el, 'The allocations add up to more than the payment.');
    expect(sent('POST', `${base}/payments`)).to.have.length(0);
    type(input(el, 'a-inv_INV-1002'), '100');
    submit(el);
    await sees(el, 'Payment recorded.');
    expect(sent('POST', `${base}/payments`)[0]!.body).to.deep.include({
      method: 'wire',
      amount: 100_000,
      allocations: [
        { invoiceId: 'inv_INV-1001', amount: 75_000 },
        { invoiceId: 'inv_INV-1002', amount: 10_000 },
      ],
    });
  });

  it('shows the server’s message when a payment is refused, keeping the form and its key', async () => {
    const el = await openAction('Record payment');
    worker.use(mockCustomer.action('payments')(fail(422, 'allocation_exceeds_balance')));
    type(input(el, 'amount'), '10');
    submit(el);
    await sees(el, 'Mock allocation_exceeds_balance.');
    expect($(el, '.panel [role="alert"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    submit(el);
    await waitUntil(() => sent('POST', `${base}/payments`).length === 2);
    const [first, second] = sent('POST', `${base}/payments`);
    expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
  });

  it('applies credit to invoices, within the credit', async () => {
    const el = await openAction('Apply credit', 20_000);
    worker.use(mockCustomer.action('credit/apply')({ applied: [], creditLeft: 0, currency: 'USD' }));
    await sees(el, 'Credit available: $200.00');
    await waitUntil(() => $(el, '#f-a-inv_INV-1001'));
    submit(el);
    await sees(el, 'Enter an amount for at least one invoice.');
    type(input(el, 'a-inv_INV-1001'), '250');
    submit(el);
    await sees(el, 'That is more than the credit available.');
    type(input(el, 'a-inv_INV-1001'), '200');
    submit(el);
    await sees(el, 'Credit applied.');
    expect(sent('POST', `${base}/credit/apply`)[0]!.body).to.deep.equal({
      currency: 'USD',
      allocations: [{ invoiceId: 'inv_INV-1001', amount: 20_000 }],
    });
  });

  it('shows credit_insufficient from the server', async () => {
    const el = await openAction('Apply credit', 20_000);
    worker.use(mockCustomer.action('credit/apply')(fail(409, 'credit_insufficient')));
    await waitUntil(() => $(el, '#f-a-inv_INV-1002'));
    type(input(el, 'a-inv_INV-1002'), '50');
    submit(el);
    await sees(el, 'Mock credit_insufficient.');
    await expect(el).to.be.accessible();
  });

  it('offers Apply credit only when there is credit', async () => {
    worker.use(mockCustomer.detail(customerDetail()), mockCustomer.invoices(openInvoices));
    const el = await renderCustomer();
    await sees(el, 'INV-1001');
    expect(buttonNamed(el, 'Apply credit')).to.equal(null);
  });

  it('issues a credit note on the account or an invoice', async () => {
    const el = await openAction('Issue credit note');
    worker.use(mockCustomer.action('credit-notes', 201)({ id: 'cn_1' }));
    await waitUntil(() => $(el, '#f-invoiceId option[value="inv_INV-1002"]'));
    type(input(el, 'amount'), '25');
    submit(el);
    await sees(el, 'Required.');
    ($(el, '#f-reason') as HTMLTextAreaElement).value = 'Goodwill';
    $<HTMLSelectElement>(el, '#f-invoiceId')!.value = 'inv_INV-1002';
    submit(el);
    await sees(el, 'Credit note issued.');
    expect(sent('POST', `${base}/credit-notes`)[0]!.body).to.deep.equal({
      invoiceId: 'inv_INV-1002',
      amount: 2_500,
      currency: 'USD',
      reason: 'Goodwill',
    });
  });

  it('records a phone promise, and shows the server’s date refusal', async () => {
    const el = await openAction('Record promise');
    let calls = 0;
    worker.use(
      mockCustomer.action(
        'promises',
        201,
      )(() => (++calls === 1 ? fail(422, 'promise_date_out_of_range') : { id: 'ptp_1' })),
    );
    await waitUntil(() => $(el, 'input[name="inv"]'));
    const date = input(el, 'promisedDate');
    expect([date.min, date.max]).to.deep.equal([dayFromToday(1), dayFromToday(90)]);
    submit(el);
    await sees(el, 'Choose at least one invoice.');
    expect(text($(el, '#f-promisedDate-error'))).to.equal('Enter a date.');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[name="inv"][value="inv_INV-1002"]')!.checked = true;
    date.value = dayFromToday(7);
    $<HTMLSelectElement>(el, '#f-contactId')!.value = 'cnt_ap';
    submit(el);
    await sees(el, 'Mock promise_date_out_of_range.');
    submit(el);
    await sees(el, 'Promise recorded.');
    expect(sent('POST', `${base}/promises`)[1]!.body).to.deep.equal({
      invoices: [{ invoiceId: 'inv_INV-1002' }],
      promisedDate: dayFromToday(7),
      contactId: 'cnt_ap',
    });
  });
});
