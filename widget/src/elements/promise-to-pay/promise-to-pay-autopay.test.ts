import { expect, fixture, html, waitUntil } from '../../../test/testing.js';
import { LitElement } from 'lit';
import { http, HttpResponse } from 'msw';
import { API, paymentConfig, promiseConfig, promiseView } from '../../../test/fixtures.js';
import { type } from '../../../test/dom.js';
import { mock, sent, worker } from '../../../test/mock-api.js';
import { apiFor } from '../../internal/api.js';
import { PromiseActionController, stopAutopay } from '../../internal/promise-action.js';
import { PromiseCancelController } from '../../internal/promise-cancel.js';
import { renderPromiseCard } from '../../internal/promise-card.js';
import { en } from '../../locales/en.js';
import { styles } from '../promise-list/promise-list.styles.js';
import type { PromiseView } from '../../internal/types.js';
import './define.js';
import type { ArPromiseToPay } from './promise-to-pay.js';
import {
  $,
  bodyOf,
  field,
  loaded,
  promise,
  renderPromise,
  submitButton,
  text,
  useSignedInCustomer,
} from './promise-to-pay.test-support.js';

const scheduled: NonNullable<PromiseView['autopay']> = { method: 'card', status: 'scheduled', paymentId: null };

/** `POST /promises/:id/autopay/cancel`, answering `reply`; the ids asked for are kept in `stops`. */
const stops: string[] = [];
function mockStopAutopay(reply: () => Response) {
  return http.post(`${API}/api/v1/promises/:id/autopay/cancel`, ({ params }) => {
    stops.push(String(params['id']));
    return reply();
  });
}

/** Cards of promises as `<ar-promise-list>` shows them, with both of the card's actions. */
class TestPromiseCards extends LitElement {
  static override styles = styles;
  promises: PromiseView[] = [];
  private readonly client = apiFor(API);
  private readonly cancel = new PromiseCancelController(this, { client: () => this.client, t: () => en });
  private readonly stop = new PromiseActionController(this, {
    client: () => this.client,
    t: () => en,
    action: stopAutopay,
  });

  override render() {
    const options = { locale: 'en-US', t: en, level: 3 as const, cancel: this.cancel, autopay: this.stop };
    return this.promises.map((item) => renderPromiseCard(item, options));
  }
}
customElements.define('test-promise-cards', TestPromiseCards);

/** Fills in a promise for Dec 14 with the sandbox's Visa, paying automatically. */
async function fillAutopay(el: ArPromiseToPay): Promise<void> {
  const root = el.shadowRoot!;
  const box = root.querySelector<HTMLInputElement>('#promise-autopay')!;
  box.click();
  await waitUntil(() => root.querySelector('#card-number'), 'shows the card fields');
  type(field(el, 'date'), '2026-12-14');
  type(root.querySelector<HTMLInputElement>('#card-number'), '4242424242424242');
  type(root.querySelector<HTMLInputElement>('#card-expiry'), '1234');
  type(root.querySelector<HTMLInputElement>('#card-cvc'), '123');
  type(root.querySelector<HTMLInputElement>('#card-name'), 'Ada Lovelace');
  await el.updateComplete;
}

describe('<ar-promise-to-pay> paying automatically', () => {
  useSignedInCustomer();
  beforeEach(() => {
    stops.length = 0;
  });

  it('offers nothing to pay automatically when the account has no method for it', async () => {
    const el = await renderPromise();
    await loaded(el);
    expect($(el, '#promise-autopay')).to.equal(null);
    expect($(el, '[part="autopay-choice"]')).to.equal(null);
  });

  it('takes a sandbox test card once ticked and sends its token, never its number, with the promise', async () => {
    worker.use(
      mock.promiseConfig(promiseConfig({ autopayMethods: ['card', 'ach'] })),
      mock.paymentConfig(paymentConfig()),
      mock.createPromise(promiseView({ autopay: scheduled })),
    );
    const el = await renderPromise();
    await loaded(el);
    const box = $<HTMLInputElement>(el, '#promise-autopay')!;
    expect(box.checked).to.equal(false);
    expect(text($(el, '#promise-autopay-label'))).to.equal('Pay automatically on that date');
    expect(sent('GET', '/payments/config')).to.have.length(0);

    await fillAutopay(el);
    expect(sent('GET', '/payments/config')[0]?.query.get('account')).to.equal('acc_northwind');
    expect(text($(el, '.autopay-methods')))
      .to.contain('Card')
      .and.contain('Bank transfer (ACH)');
    expect(text($(el, '[part="autopay-note"]'))).to.equal(
      'On Dec 14, 2026, we will charge your card what is still left to pay of this promise. You can stop the automatic payment before then, in your promises.',
    );
    await expect(el).to.be.accessible();

    await promise(el);
    expect(bodyOf().autopay).to.deep.equal({ method: 'card', paymentMethod: 'tok_visa' });
    expect(JSON.stringify(bodyOf())).not.to.contain('4242');
    await waitUntil(() => $(el, '[part="created"]'), 'shows the promise');
    expect(text($(el, '[part="autopay"]'))).to.contain('Will be paid automatically from your card on Dec 14, 2026.');
  });

  it('asks for the card before sending, and for a bank account when that is the method', async () => {
    worker.use(
      mock.promiseConfig(promiseConfig({ autopayMethods: ['card', 'ach'] })),
      mock.paymentConfig(paymentConfig()),
    );
    const el = await renderPromise();
    await loaded(el);
    $<HTMLInputElement>(el, '#promise-autopay')!.click();
    await waitUntil(() => $(el, '#card-number'), 'shows the card fields');
    type(field(el, 'date'), '2026-12-14');
    submitButton(el).click();
    await el.updateComplete;
    expect(sent('POST', '/promises')).to.have.length(0);
    expect(text($(el, '#card-number-error'))).to.equal('Enter the card number.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('card-number');

    $<HTMLInputElement>(el, 'input[value="ach"]')!.click();
    await el.updateComplete;
    expect($(el, '#bank-routing')).not.to.equal(null);
    expect(text($(el, '[part="autopay-note"]'))).to.contain('we will charge your bank account');
  });

  it('with Stripe, sends the PaymentMethod its own form makes, and takes the form down once done', async () => {
    const form = { mount: (node: HTMLElement) => (node.textContent = 'Stripe card form'), destroy: () => undefined };
    const elements = { create: () => form, update: () => undefined, submit: async () => ({}) };
    window.Stripe = () =>
      ({
        elements: () => elements,
        createPaymentMethod: async () => ({ paymentMethod: { id: 'pm_test_visa' } }),
      }) as never;
    worker.use(
      mock.promiseConfig(promiseConfig({ autopayMethods: ['card'] })),
      mock.paymentConfig(
        paymentConfig({ methods: [{ method: 'card', provider: 'stripe' }], stripe: { publishableKey: 'pk_test_1' } }),
      ),
      mock.createPromise(promiseView({ autopay: scheduled })),
    );
    try {
      const el = await renderPromise();
      await loaded(el);
      $<HTMLInputElement>(el, '#promise-autopay')!.click();
      await waitUntil(() => el.querySelector('[slot="stripe-payment"]')?.textContent === 'Stripe card form', 'mounts');
      // One method: nothing to choose.
      expect($(el, '.autopay-methods')).to.equal(null);
      type(field(el, 'date'), '2026-12-14');
      await promise(el);
      expect(bodyOf().autopay).to.deep.equal({ method: 'card', paymentMethod: 'pm_test_visa' });
      await waitUntil(() => $(el, '[part="created"]'), 'shows the promise');
      expect(el.querySelector('[slot]')).to.equal(null);
    } finally {
      delete window.Stripe;
    }
  });

  describe('on its card', () => {
    async function renderCards(promises: PromiseView[]) {
      return fixture<TestPromiseCards>(html`<test-promise-cards .promises=${promises}></test-promise-cards>`);
    }

    it('says how the automatic payment stands, in words', async () => {
      const cases: [PromiseView, string][] = [
        [promiseView({ autopay: scheduled }), 'Will be paid automatically from your card on Dec 14, 2026.'],
        [
          promiseView({ status: 'kept', autopay: { ...scheduled, status: 'charged', paymentId: 'pay_1' } }),
          'Paid automatically from your card.',
        ],
        [
          promiseView({ autopay: { ...scheduled, status: 'failed' } }),
          'The automatic payment (Card) was declined: please pay another way.',
        ],
        [promiseView({ autopay: { ...scheduled, status: 'cancelled' } }), 'Automatic payment stopped.'],
        [
          promiseView({ status: 'kept', autopay: { method: 'ach', status: 'skipped', paymentId: null } }),
          'No automatic payment was needed: nothing was left to pay.',
        ],
      ];
      const el = await renderCards(cases.map(([item], index) => ({ ...item, id: `ptp_${index}` })));
      const lines = [...el.shadowRoot!.querySelectorAll('[part="autopay"]')].map((node) => text(node));
      expect(lines).to.have.length(cases.length);
      cases.forEach(([, words], index) => expect(lines[index]).to.contain(words));
      // Only a scheduled payment of an open promise can be stopped.
      expect(el.shadowRoot!.querySelectorAll('[part~="stop-autopay-button"]')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('stops a scheduled payment after a confirm step, and shows the promise as the server answers', async () => {
      worker.use(
        mockStopAutopay(() => HttpResponse.json(promiseView({ autopay: { ...scheduled, status: 'cancelled' } }))),
      );
      const el = await renderCards([promiseView({ autopay: scheduled })]);
      const root = el.shadowRoot!;
      const stop = root.querySelector<HTMLButtonElement>('[part~="stop-autopay-button"]')!;
      expect(stop.getAttribute('aria-label')).to.equal('Stop automatic payment: $1,250.00 by Dec 14, 2026');
      stop.click();
      await waitUntil(() => root.activeElement?.id === 'keep-autopay-ptp_01HXPROMISE', 'focus on Keep it');
      expect(text(root.querySelector('[part="confirm"]'))).to.contain(
        'Stop the automatic payment? The promise stays open: pay by Dec 14, 2026 another way.',
      );
      await expect(el).to.be.accessible();
      root.querySelector<HTMLButtonElement>('[part~="confirm-stop-autopay-button"]')!.click();
      await waitUntil(
        () => text(root.querySelector('[part="autopay"]')).endsWith('Automatic payment stopped.'),
        'updates',
      );
      expect(stops).to.deep.equal(['ptp_01HXPROMISE']);
      expect(root.querySelector('[part~="stop-autopay-button"]')).to.equal(null);
      // The promise stays open and can still be cancelled.
      expect(root.querySelector('[part~="cancel-button"]')).not.to.equal(null);
      expect(root.activeElement?.id).to.equal('promise-ptp_01HXPROMISE');
    });

    it('says when there is nothing left to stop (409), with the promise loaded again', async () => {
      worker.use(
        mockStopAutopay(() =>
          HttpResponse.json({ error: { code: 'promise_not_open', message: 'Nothing scheduled.' } }, { status: 409 }),
        ),
        mock.getPromise(
          promiseView({ status: 'kept', autopay: { ...scheduled, status: 'charged', paymentId: 'pay_9' } }),
        ),
      );
      const el = await renderCards([promiseView({ autopay: scheduled })]);
      const root = el.shadowRoot!;
      root.querySelector<HTMLButtonElement>('[part~="stop-autopay-button"]')!.click();
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('[part~="confirm-stop-autopay-button"]')!.click();
      await waitUntil(() => root.querySelector('[role="alert"]'), 'says why');
      expect(stops).to.have.length(1);
      expect(text(root.querySelector('[role="alert"]'))).to.equal(
        'No automatic payment is scheduled any more, so there is nothing to stop. It is updated below.',
      );
      expect(text(root.querySelector('[part="autopay"]'))).to.contain('Paid automatically from your card.');
      expect(root.querySelector('[part~="stop-autopay-button"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
});
