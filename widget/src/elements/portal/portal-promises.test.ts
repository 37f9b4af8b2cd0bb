import '../../../test/resize-observer.js';
import { expect } from '../../../test/testing.js';
import {
  accountList,
  invoice,
  invoiceDetail,
  northwind,
  promiseConfig,
  promiseView,
  sessionCreated,
} from '../../../test/fixtures.js';
import { buttonNamed, inShadow, shadowText, type } from '../../../test/dom.js';
import { mock, sent, useMockApi, worker } from '../../../test/mock-api.js';
import './define.js';
import {
  waitUntil,
  renderPortal,
  list,
  detail,
  listRows,
  navButton,
  customerServer,
  signedIn,
  promiseForm,
  promiseList,
} from './portal.test-support.js';

const owed = [
  invoice({ number: 'INV-1001', balance: 75_000, status: 'past_due', daysPastDue: 12 }),
  invoice({ number: 'INV-1002', balance: 50_000 }),
  invoice({ number: 'INV-1003', balance: 20_000, promise: { id: 'ptp_old', promisedDate: '2026-12-20' } }),
];

function promiseServer(created = sessionCreated()): void {
  customerServer(created);
  worker.use(
    mock.listInvoices({ items: owed, nextCursor: null }),
    mock.promiseConfig(promiseConfig()),
    mock.listPromises({ items: [promiseView()] }),
  );
}

const tickRow = (row: HTMLElement) => row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();

describe('<ar-portal> promises', () => {
  useMockApi();

  it('opens the promise form for the invoices ticked in the list, leaving out those already promised', async () => {
    promiseServer();
    const el = await renderPortal();
    await signedIn(el);
    await waitUntil(() => listRows(el).length === 3, 'shows the invoices');
    expect(shadowText(list(el))).to.contain('Promised · Dec 20');
    for (const row of listRows(el)) tickRow(row);
    await list(el)!.updateComplete;
    buttonNamed(list(el), 'Promise to pay')!.click();

    await waitUntil(() => promiseForm(el), 'shows the promise form');
    expect(promiseForm(el)!.invoices).to.deep.equal(['INV-1001', 'INV-1002']);
    expect(list(el)!.hidden).to.equal(true);
    expect(inShadow(el, '#view')).to.have.attribute('aria-label', 'Promise to pay');
    expect(navButton(el, 'Invoices')).to.have.attribute('aria-current', 'page');
    expect(history.state['portico:route']).to.equal('promise?invoices=INV-1001,INV-1002&account=acc_northwind');
    await waitUntil(() => inShadow(el, 'ar-promise-to-pay', 'form'), 'loads the form');
    expect(shadowText(promiseForm(el))).to.contain('Promise to pay 2 invoices');
    await expect(el).to.be.accessible();

    buttonNamed(promiseForm(el), 'Back to invoices')!.click();
    await waitUntil(() => !promiseForm(el) && !list(el)!.hidden, 'back to the list');
  });

  it('promises, refreshes the list, and goes on to the customer’s promises', async () => {
    promiseServer();
    worker.use(mock.createPromise(promiseView()));
    const el = await renderPortal({ target: 'promise?invoices=INV-1001,INV-1002' });
    await waitUntil(() => inShadow(el, 'ar-promise-to-pay', 'form'), 'shows the promise form');
    const listsBefore = sent('GET', '/invoices').length;
    type(inShadow<HTMLInputElement>(promiseForm(el)!, '#promise-date'), '2026-12-14');
    buttonNamed(promiseForm(el), 'Promise to pay $1,250.00')!.click();
    await waitUntil(() => inShadow(el, 'ar-promise-to-pay', '[part="created"]'), 'shows the promise');
    // The list (kept in the page) loads again, so its badges say what is now promised.
    await waitUntil(() => sent('GET', '/invoices').length > listsBefore, 'refreshes the list');

    buttonNamed(promiseForm(el), 'See your promises')!.click();
    await waitUntil(() => promiseList(el), 'shows the promises');
    expect(navButton(el, 'Promises')).to.have.attribute('aria-current', 'page');
    expect(history.state['portico:route']).to.equal('promises?account=acc_northwind');
    await waitUntil(() => promiseList(el)!.shadowRoot!.querySelector('[part="promise"]'), 'loads the promises');
    expect(sent('GET', '/promises')[0]?.query.get('account')).to.equal('acc_northwind');
    await expect(el).to.be.accessible();
  });

  it('shows the promises from the navigation, and lands there from a sign-in link', async () => {
    promiseServer(sessionCreated({ target: 'promises' }));
    const el = await renderPortal();
    await waitUntil(() => promiseList(el), 'lands on the promises');
    expect([...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent?.trim())).to.deep.equal([
      'Invoices',
      'Payments',
      'Promises',
      'Disputes',
      'Statement',
    ]);
    expect(inShadow(el, '#view')).to.have.attribute('aria-label', 'Promises');
    navButton(el, 'Invoices').click();
    await waitUntil(() => !promiseList(el) && !list(el)!.hidden, 'shows the invoices');
    navButton(el, 'Promises').click();
    await waitUntil(() => promiseList(el), 'shows the promises again');
  });

  it('opens the promise form from an invoice’s detail', async () => {
    promiseServer(sessionCreated({ target: 'invoices/INV-1042' }));
    worker.use(mock.getInvoice(invoiceDetail()));
    const el = await renderPortal();
    await waitUntil(() => detail(el)?.shadowRoot?.querySelector('article'), 'shows the invoice');
    buttonNamed(detail(el), 'Promise to pay')!.click();
    await waitUntil(() => promiseForm(el), 'shows the promise form');
    expect(promiseForm(el)!.invoices).to.deep.equal(['INV-1042']);
    await waitUntil(() => inShadow(el, 'ar-promise-to-pay', 'form'), 'loads the form');
    expect(shadowText(promiseForm(el))).to.contain('Promise to pay invoice INV-1042');
  });

  it('offers no promises to an Easy Pay session', async () => {
    customerServer(
      sessionCreated({ target: 'invoices', scope: { invoiceIds: ['inv_01HX1042'] } }),
      accountList({ ...northwind, counts: { open: 1, past_due: 1, paid: 0, disputed: 0, all: 1 } }),
    );
    worker.use(mock.getInvoice(invoiceDetail()));
    const el = await renderPortal();
    await signedIn(el);
    expect([...el.shadowRoot!.querySelectorAll('nav button')].map((b) => b.textContent?.trim())).to.deep.equal([
      'Invoices',
    ]);
  });
});
