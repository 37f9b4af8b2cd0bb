import { html } from 'lit';
import { expect, fixture, waitUntil } from '../../../../test/testing.js';
import { fail, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { API, staffSession } from '../../../../test/fixtures.js';
import { buttonNamed } from '../../../../test/dom.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import {
  $,
  $$,
  api,
  choose,
  collectorSession,
  delivery,
  paymentRow,
  text,
  viewerSession,
  webhookEndpoint,
} from './queues.test-support.js';
import './define.js';
import type { ArAdminPayments } from './payments.js';

const page = (nextCursor: string | null = null) =>
  api.payments({
    items: [
      paymentRow(),
      paymentRow({
        id: 'pay_cheque',
        method: 'cheque',
        provider: 'offline',
        surcharge: 0,
        total: 50_000,
        amount: 50_000,
        reference: 'CHQ 88812',
        recordedBy: 'Casey Lee',
        refundable: 0,
        receiptNumber: 'R-2026-000124',
        customer: { id: 'cus_globex', name: 'Globex' },
      }),
    ],
    nextCursor,
  });

const render = (path = '', locale = 'en-US') =>
  fixture<ArAdminPayments>(html`<ar-admin-payments api=${API} path=${path} locale=${locale}></ar-admin-payments>`);
const rows = (el: Element) => $$(el, 'tbody tr');
const details = (el: Element, receipt: string) =>
  $<HTMLButtonElement>(el, `button[aria-label="Details of ${receipt}"]`)!;

describe('<ar-admin-payments>', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  describe('payments', () => {
    it('lists payments with date, customer, receipt, method, amount, status, refund and reference', async () => {
      worker.use(page());
      const el = await render();
      await waitUntil(() => rows(el).length === 2, 'shows the payments');
      expect(text(rows(el)[0])).to.match(
        /^Nov 20, 2026, \d+:04 [AP]M Northwind Traders R-2026-000123 Card \$432\.60 ✓ Succeeded — —$/,
      );
      expect(text(rows(el)[1])).to.contain('Globex R-2026-000124 Cheque $500.00 ✓ Succeeded — CHQ 88812');
      expect($(el, 'tbody a')!.getAttribute('href')).to.equal('#admin/customers/cus_northwind');
      expect(text($(el, '[part="tabs"]'))).to.equal('Payments ERP deliveries');
      await expect(el).to.be.accessible();
    });

    it('sends the status filter and the search as the query, and pages by cursor', async () => {
      worker.use(page('c2'));
      const el = await render();
      await waitUntil(() => rows(el).length === 2);
      choose($(el, 'select#status'), 'refunded');
      await waitUntil(() => sent('GET', '/admin/payments').length === 2);
      $<HTMLInputElement>(el, '#q')!.value = ' R-2026 ';
      buttonNamed(el, 'Search')!.click();
      await waitUntil(() => sent('GET', '/admin/payments').length === 3);
      expect(sent('GET', '/admin/payments')[2]!.query.toString()).to.equal('status=refunded&q=R-2026');
      await waitUntil(() => buttonNamed(el, 'Next'));
      buttonNamed(el, 'Next')!.click();
      await waitUntil(() => sent('GET', '/admin/payments').length === 4);
      expect(sent('GET', '/admin/payments')[3]!.query.get('cursor')).to.equal('c2');
    });

    it('says when there are none, and while loading', async () => {
      worker.use(api.payments({ items: [], nextCursor: null }));
      const el = await render();
      await waitUntil(() => $(el, '[part="empty"]'));
      expect(text($(el, '[part="empty"]'))).to.equal('No payments here.');
      await expect(el).to.be.accessible();
      worker.use(api.payments(never));
      const loading = await render();
      expect(text($(loading, '[part="loading"]'))).to.equal('Loading payments…');
      await expect(loading).to.be.accessible();
    });

    it('offers to retry a failed load', async () => {
      let calls = 0;
      worker.use(api.payments(() => (++calls === 1 ? fail(500, 'internal_error') : { items: [], nextCursor: null })));
      const el = await render();
      await waitUntil(() => $(el, '[part~="error"]'));
      expect(text($(el, '[part~="error"]'))).to.contain('We could not load the payments.');
      await expect(el).to.be.accessible();
      buttonNamed(el, 'Retry')!.click();
      await waitUntil(() => $(el, '[part="empty"]'));
    });

    it('shows what a payment paid, and refunds all that is refundable by default', async () => {
      worker.use(page(), api.refund(paymentRow({ status: 'refunded' })));
      const el = await render();
      await waitUntil(() => rows(el).length === 2);
      details(el, 'R-2026-000123').click();
      await waitUntil(() => buttonNamed(el, 'Refund'));
      expect(details(el, 'R-2026-000123').getAttribute('aria-expanded')).to.equal('true');
      expect(text(el)).to.contain('Applied to INV-1042 · $420.00');
      expect(text(el)).to.contain('Up to $432.60 can be refunded.');
      buttonNamed(el, 'Refund')!.click();
      await waitUntil(() => $(el, '#amount'));
      expect($<HTMLInputElement>(el, '#amount')!.value).to.equal('432.60');
      expect(text(el)).to.contain('The invoices it paid will be due again.');
      await expect(el).to.be.accessible();
      $<HTMLTextAreaElement>(el, '#reason')!.value = 'Paid twice';
      buttonNamed(el, 'Confirm')!.click();
      await waitUntil(() => $(el, '[part="done"]'));
      expect(sent('POST', '/admin/payments/pay_01HXPAY/refund')[0]!.body).to.deep.equal({ reason: 'Paid twice' });
      expect(text($(el, '[part="done"]'))).to.equal('The refund is on its way.');
      await waitUntil(() => sent('GET', '/admin/payments').length === 2, 'loads the page again');
      await waitUntil(() => !$(el, '[part="loading"]'));
      expect(text($(el, '[part="done"]'))).to.equal('The refund is on its way.');
    });

    it('refunds part, and shows the server refusing', async () => {
      worker.use(page(), api.refund(fail(422, 'refund_too_large')));
      const el = await render();
      await waitUntil(() => rows(el).length === 2);
      details(el, 'R-2026-000123').click();
      await waitUntil(() => buttonNamed(el, 'Refund'));
      buttonNamed(el, 'Refund')!.click();
      await waitUntil(() => $(el, '#amount'));
      $<HTMLInputElement>(el, '#amount')!.value = '500';
      $<HTMLTextAreaElement>(el, '#reason')!.value = 'Goodwill';
      buttonNamed(el, 'Confirm')!.click();
      await waitUntil(() => $(el, '[part="error"]'));
      expect(text($(el, '[part="error"]'))).to.equal('Enter an amount above zero, at most what can be refunded.');
      $<HTMLInputElement>(el, '#amount')!.value = '100';
      buttonNamed(el, 'Confirm')!.click();
      await waitUntil(() => sent('POST', '/admin/payments/pay_01HXPAY/refund').length === 1);
      expect(sent('POST', '/admin/payments/pay_01HXPAY/refund')[0]!.body).to.deep.equal({
        reason: 'Goodwill',
        amount: 10_000,
      });
      await waitUntil(() => text($(el, '[part="error"]')) === 'Mock refund_too_large.');
      await expect(el).to.be.accessible();
    });

    it('offers no refund for an offline payment', async () => {
      worker.use(page());
      const el = await render();
      await waitUntil(() => rows(el).length === 2);
      details(el, 'R-2026-000124').click();
      await waitUntil(() => text(el).includes('Recorded by Casey Lee'));
      expect(buttonNamed(el, 'Refund')).to.equal(null);
    });

    it('offers a viewer no refund and no ERP deliveries', async () => {
      signIn(viewerSession);
      worker.use(page());
      const viewer = await render();
      await waitUntil(() => rows(viewer).length === 2);
      details(viewer, 'R-2026-000123').click();
      await waitUntil(() => text(viewer).includes('Applied to'));
      expect(buttonNamed(viewer, 'Refund')).to.equal(null);
      expect($(viewer, '[part="tabs"]')).to.equal(null);
      await expect(viewer).to.be.accessible();
    });

    it('speaks French', async () => {
      worker.use(page());
      const el = await render('', 'fr-FR');
      await waitUntil(() => rows(el).length === 2);
      expect(text(rows(el)[0])).to.contain('Réussi');
      expect(text(rows(el)[1])).to.contain('Chèque');
      expect(text(rows(el)[1])).to.contain('500,00');
      expect(text($(el, '[part="tabs"]'))).to.equal('Paiements Envois ERP');
    });

    describe('on a phone', () => {
      usePhoneViewport();
      it('scrolls the table inside its box, not the page', async () => {
        worker.use(page('c2'));
        const el = await render();
        await waitUntil(() => rows(el).length === 2);
        details(el, 'R-2026-000123').click();
        await waitUntil(() => buttonNamed(el, 'Refund'));
        expect(overflowsPage()).to.equal(false);
        await expect(el).to.be.accessible();
      });
    });
  });

  describe('ERP deliveries', () => {
    const deliveries = () => [
      api.webhooks({
        items: [
          webhookEndpoint(),
          webhookEndpoint({ id: 'whe_old', url: 'https://old.acme.test/h', disabledAt: '2026-11-02T00:00:00.000Z' }),
        ],
      }),
      api.deliveries(({ path }) =>
        path.includes('whe_old')
          ? { items: [] }
          : {
              items: [
                delivery(),
                delivery({
                  id: 'whd_2',
                  event: 'evt_42',
                  status: 'delivered',
                  attempts: 1,
                  lastStatus: 200,
                  lastError: null,
                }),
              ],
            },
      ),
    ];

    it('lists the first endpoint’s deliveries, and another’s when chosen', async () => {
      worker.use(...deliveries());
      const el = await render('deliveries');
      await waitUntil(() => rows(el).length === 2, 'shows the deliveries');
      expect(text(rows(el)[0])).to.match(/payment\.appliedevt_41 ✕ Failed 8 500 Internal Server Error Retry$/);
      expect(text(rows(el)[1])).to.contain('✓ Delivered 1 200');
      expect(buttonNamed(el, 'Retry')).to.not.equal(null);
      expect($$(el, 'tbody button')).to.have.length(1);
      expect($(el, '[aria-current="page"]')!.textContent).to.contain('ERP deliveries');
      await expect(el).to.be.accessible();
      choose($(el, 'select#endpoint'), 'whe_old');
      await waitUntil(() => $(el, '[part="empty"]'));
      expect(text($(el, '[part="empty"]'))).to.equal('No deliveries yet.');
      expect(sent('GET', '/admin/payments')).to.have.length(0);
    });

    it('retries a delivery and loads them again', async () => {
      worker.use(...deliveries(), api.retry(delivery({ status: 'pending' })));
      const el = await render('deliveries');
      await waitUntil(() => rows(el).length === 2);
      $<HTMLButtonElement>(el, 'button[aria-label="Retry delivery of evt_41"]')!.click();
      await waitUntil(() => $(el, '[part="done"]'));
      expect(sent('POST', '/admin/erp/webhooks/whe_erp/deliveries/whd_1/retry')).to.have.length(1);
      expect(text($(el, '[part="done"]'))).to.equal('The delivery is queued again.');
      await waitUntil(() => sent('GET', '/admin/erp/webhooks/whe_erp/deliveries').length === 2);
    });

    it('shows a failed retry beside its delivery', async () => {
      worker.use(...deliveries(), api.retry(fail(409, 'conflict')));
      const el = await render('deliveries');
      await waitUntil(() => rows(el).length === 2);
      buttonNamed(el, 'Retry')!.click();
      await waitUntil(() => $(el, '[part="error"]'));
      expect(text(rows(el)[0])).to.contain('Mock conflict.');
      await expect(el).to.be.accessible();
    });

    it('says when no endpoint is set up, and while loading', async () => {
      worker.use(api.webhooks({ items: [] }));
      const el = await render('deliveries');
      await waitUntil(() => $(el, '[part="empty"]'));
      expect(text($(el, '[part="empty"]'))).to.equal('No webhook endpoints are set up.');
      worker.use(api.webhooks(never));
      const loading = await render('deliveries');
      expect(text($(loading, '[part="loading"]'))).to.equal('Loading webhook endpoints…');
      await expect(loading).to.be.accessible();
    });

    it('tells a collector the endpoints are for admins when the server refuses', async () => {
      signIn(collectorSession);
      worker.use(api.webhooks(fail(403, 'forbidden')));
      const el = await render('deliveries');
      await waitUntil(() => $(el, '[part="error"]'));
      expect(text($(el, '[part="error"]'))).to.equal('Your role cannot open this page. Ask an admin if you need it.');
    });

    it('offers to retry a failed load, in French', async () => {
      let calls = 0;
      worker.use(api.webhooks(() => (++calls === 1 ? fail(500, 'internal_error') : { items: [] })));
      const el = await render('deliveries', 'fr');
      await waitUntil(() => $(el, '[part~="error"]'));
      expect(text($(el, '[part~="error"]'))).to.contain('Impossible de charger les points de réception.');
      buttonNamed(el, 'Réessayer')!.click();
      await waitUntil(() => $(el, '[part="empty"]'));
      expect(text($(el, '[part="empty"]'))).to.equal('Aucun point de réception de webhooks n’est configuré.');
    });
  });
});
