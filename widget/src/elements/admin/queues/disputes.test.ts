import { html } from 'lit';
import { expect, fixture, waitUntil } from '../../../../test/testing.js';
import { fail, file, never, sent, signIn, useMockApi, worker } from '../../../../test/mock-api.js';
import { API, staffSession } from '../../../../test/fixtures.js';
import { buttonNamed } from '../../../../test/dom.js';
import { overflowsPage, usePhoneViewport } from '../../../../test/viewport.js';
import {
  $,
  $$,
  api,
  choose,
  collectorSession,
  disputeSummary,
  disputeView,
  staffList,
  text,
  viewerSession,
} from './queues.test-support.js';
import './define.js';
import type { ArAdminDisputes } from './disputes.js';

const queue = () =>
  api.disputes({
    items: [
      disputeSummary({ id: 'dsp_a', assignee: null, createdAt: new Date(Date.now() - 3 * 864e5).toISOString() }),
      disputeSummary({
        id: 'dsp_b',
        status: 'under_review',
        invoice: { ...disputeView().invoice, number: 'INV-2001' },
        assignee: { id: 'stf_casey', name: 'Casey Lee' },
      }),
    ],
  });

function render(path = '', locale = 'en-US'): Promise<ArAdminDisputes> {
  return fixture<ArAdminDisputes>(
    html`<ar-admin-disputes api=${API} path=${path} locale=${locale}></ar-admin-disputes>`,
  );
}

const rows = (el: Element) => $$(el, 'tbody tr');
const shown = (el: Element, words: string) => waitUntil(() => text(el).includes(words), `shows "${words}"`);

describe('<ar-admin-disputes>', () => {
  useMockApi();
  beforeEach(() => signIn(staffSession));

  describe('the queue', () => {
    it('lists every dispute with its customer, invoice, amount, reasons, status, age and assignee', async () => {
      worker.use(queue());
      const el = await render();
      await waitUntil(() => rows(el).length === 2, 'shows the disputes');
      expect(text(rows(el)[0])).to.equal(
        'INV-1042 Northwind Traders $300.00 Damaged, Pricing ◔ Open 3 days Unassigned',
      );
      expect(text(rows(el)[1])).to.contain('Under review');
      expect(text(rows(el)[1])).to.contain('Casey Lee');
      const link = $<HTMLAnchorElement>(el, 'tbody a')!;
      expect(link.getAttribute('href')).to.equal('#admin/disputes/dsp_a');
      expect(link.getAttribute('aria-label')).to.equal('Open the dispute of INV-1042');
      const asked = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('ar-admin-navigate', (e) => resolve(e as CustomEvent), { once: true }),
      );
      link.click();
      expect((await asked).detail.route).to.equal('disputes/dsp_a');
      expect([...sent('GET', '/admin/disputes')[0]!.query.keys()]).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('sends the filters as the query', async () => {
      worker.use(queue());
      const el = await render();
      await waitUntil(() => rows(el).length === 2);
      choose($(el, 'select#status'), 'under_review');
      await waitUntil(() => sent('GET', '/admin/disputes').length === 2);
      expect(sent('GET', '/admin/disputes')[1]!.query.get('status')).to.equal('under_review');
      choose($(el, 'select#assignee'), 'me');
      await waitUntil(() => sent('GET', '/admin/disputes').length === 3);
      const last = sent('GET', '/admin/disputes')[2]!.query;
      expect([last.get('status'), last.get('assignee')]).to.deep.equal(['under_review', 'me']);
    });

    it('says when there are none', async () => {
      worker.use(api.disputes({ items: [] }));
      const el = await render();
      await waitUntil(() => $(el, '[part="empty"]'));
      expect(text($(el, '[part="empty"]'))).to.equal('No disputes here.');
      await expect(el).to.be.accessible();
    });

    it('says it is loading', async () => {
      worker.use(api.disputes(never));
      const loading = await render();
      expect(text($(loading, '[part="loading"]'))).to.equal('Loading disputes…');
      await expect(loading).to.be.accessible();
    });

    it('offers to retry a failed load', async () => {
      let calls = 0;
      worker.use(api.disputes(() => (++calls === 1 ? fail(503, 'unavailable') : { items: [] })));
      const el = await render();
      await waitUntil(() => $(el, '[part~="error"]'));
      expect(text($(el, '[part~="error"]'))).to.contain('We could not load the disputes.');
      await expect(el).to.be.accessible();
      buttonNamed(el, 'Retry')!.click();
      await waitUntil(() => $(el, '[part="empty"]'), 'loads on retry');
    });

    it('speaks French', async () => {
      worker.use(queue());
      const el = await render('', 'fr-FR');
      await waitUntil(() => rows(el).length === 2);
      expect(text(rows(el)[0])).to.contain('300,00');
      expect(text(rows(el)[0])).to.contain('Endommagé, Prix');
      expect(text(rows(el)[0])).to.contain('3 jours');
      expect(text(rows(el)[1])).to.contain('En cours d’examen');
      expect(text($(el, 'thead'))).to.contain('Ancienneté');
    });

    describe('on a phone', () => {
      usePhoneViewport();
      it('scrolls the table inside its box, not the page', async () => {
        worker.use(queue());
        const el = await render();
        await waitUntil(() => rows(el).length === 2);
        expect(overflowsPage()).to.equal(false);
        await expect(el).to.be.accessible();
      });
    });
  });

  describe('one dispute', () => {
    const open = async (view = disputeView()) => {
      worker.use(api.dispute(view), api.staff(staffList));
      const el = await render(view.id);
      await shown(el, 'Dispute of INV-1042');
      return el;
    };

    it('shows the figures, the lines, the files and the thread', async () => {
      worker.use(api.attachment(file('application/pdf', 'delivery-quote.pdf')));
      const el = await open(
        disputeView({
          messages: [
            ...disputeView().messages,
            {
              id: 'dmsg_3',
              author: { type: 'staff', name: 'Casey Lee' },
              body: 'Carrier called.',
              internal: true,
              createdAt: '2026-12-02T11:00:00.000Z',
            },
            {
              id: 'dmsg_4',
              author: { type: 'system', name: null },
              body: 'under_review',
              internal: false,
              createdAt: '2026-12-02T12:00:00.000Z',
            },
          ],
        }),
      );
      const all = text(el);
      expect(all).to.contain('Disputed $300.00');
      expect(all).to.contain('Undisputed $120.00');
      expect(all).to.contain('Copy paper, A4, 80 gsm (box of 5 reams) · Damaged · $100.00 of $1,000.00');
      expect(all).to.contain('Four boxes arrived wet.');
      expect(all).to.contain('Thank you, we are checking with the carrier.');
      expect(text($(el, 'li.internal'))).to.contain('Internal note');
      expect(text($(el, 'li.system'))).to.contain('Review started');
      expect($<HTMLAnchorElement>(el, 'a')!.getAttribute('href')).to.equal('#admin/disputes');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'button[aria-label="Download delivery-quote.pdf"]')!.click();
      await waitUntil(() => sent('GET', '/admin/disputes/dsp_01HXDISPUTE/attachments/datt_2').length === 1);
    });

    it('says when a file cannot be downloaded', async () => {
      worker.use(api.attachment(fail(404, 'not_found')));
      const el = await open();
      $<HTMLButtonElement>(el, 'button[aria-label="Download wet-boxes.jpg"]')!.click();
      await waitUntil(() => text(el).includes('wet-boxes.jpg could not be downloaded.'));
      await expect(el).to.be.accessible();
    });

    it('says when the dispute cannot be loaded', async () => {
      worker.use(api.dispute(fail(404, 'not_found')), api.staff(staffList));
      const el = await render('dsp_nope');
      await waitUntil(() => $(el, '[part~="error"]'));
      expect(text($(el, '[part~="error"]'))).to.contain('We could not load this dispute.');
      await expect(el).to.be.accessible();
    });

    it('replies, or writes an internal note, then loads the dispute again', async () => {
      worker.use(api.step('messages')({}));
      const el = await open();
      $<HTMLTextAreaElement>(el, '#body')!.value = 'We will credit the boxes.';
      $<HTMLInputElement>(el, 'input[name="internal"]')!.checked = true;
      buttonNamed(el, 'Send')!.click();
      await waitUntil(() => $(el, '[part="done"]'), 'says it is done');
      expect(sent('POST', '/admin/disputes/dsp_01HXDISPUTE/messages')[0]!.body).to.deep.equal({
        body: 'We will credit the boxes.',
        internal: true,
      });
      await waitUntil(() => sent('GET', '/admin/disputes/dsp_01HXDISPUTE').length === 2, 'loads it again');
      // The dispute stays on screen meanwhile, and the reply box is empty again.
      expect($(el, '[part="loading"]')).to.equal(null);
      expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('asks for words before sending an empty reply', async () => {
      const el = await open();
      buttonNamed(el, 'Send')!.click();
      await waitUntil(() => $(el, '[part="error"]'));
      expect(text($(el, '[part="error"]'))).to.equal('Write something first.');
      expect(sent('POST', '/admin/disputes/dsp_01HXDISPUTE/messages')).to.have.length(0);
    });

    it('starts the review and assigns: to oneself, or (admins) to anyone active', async () => {
      worker.use(api.step('review')({}), api.step('assign')({}));
      const el = await open(disputeView({ assignee: null }));
      buttonNamed(el, 'Start review')!.click();
      await waitUntil(() => sent('POST', '/admin/disputes/dsp_01HXDISPUTE/review').length === 1);
      await shown(el, 'Done.');
      buttonNamed(el, 'Assign to me')!.click();
      await waitUntil(() => sent('POST', '/admin/disputes/dsp_01HXDISPUTE/assign').length === 1);
      expect(sent('POST', '/admin/disputes/dsp_01HXDISPUTE/assign')[0]!.body).to.deep.equal({
        staffUserId: 'stf_alex',
      });
      await shown(el, 'Done.');
      expect(buttonNamed(el, 'Assign to me')).to.not.equal(null);
      $$<HTMLButtonElement>(el, 'button')
        .find((b) => b.textContent!.trim() === 'Assign to')!
        .click();
      await waitUntil(() => $(el, 'select#staff'));
      expect($$<HTMLOptionElement>(el, 'select#staff option').map((o) => o.textContent!.trim())).to.deep.equal([
        'Unassigned',
        'Alex Rivera',
        'Casey Lee',
      ]);
      await expect(el).to.be.accessible();
      $<HTMLSelectElement>(el, 'select#staff')!.value = 'stf_casey';
      $(el, 'select#staff')!.closest('form')!.requestSubmit();
      await waitUntil(() => sent('POST', '/admin/disputes/dsp_01HXDISPUTE/assign').length === 2);
      expect(sent('POST', '/admin/disputes/dsp_01HXDISPUTE/assign')[1]!.body).to.deep.equal({
        staffUserId: 'stf_casey',
      });
    });

    it('resolves with a credit note of the disputed amount by default, or less', async () => {
      worker.use(api.step('resolve')({}));
      const el = await open();
      buttonNamed(el, 'Resolve with a credit note')!.click();
      await waitUntil(() => $(el, '#amount'));
      expect($<HTMLInputElement>(el, '#amount')!.value).to.equal('300.00');
      expect(text(el)).to.contain('A credit note of this amount will be issued');
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, '#amount')!.value = '400';
      $<HTMLTextAreaElement>(el, '#note')!.value = 'Boxes and delivery credited.';
      buttonNamed(el, 'Confirm')!.click();
      await shown(el, 'Enter an amount above zero, at most the disputed amount.');
      $<HTMLInputElement>(el, '#amount')!.value = '250.50';
      buttonNamed(el, 'Confirm')!.click();
      await waitUntil(() => sent('POST', '/admin/disputes/dsp_01HXDISPUTE/resolve').length === 1);
      expect(sent('POST', '/admin/disputes/dsp_01HXDISPUTE/resolve')[0]!.body).to.deep.equal({
        creditAmount: 25_050,
        note: 'Boxes and delivery credited.',
      });
      await shown(el, 'Done. The dispute is up to date.');
    });

    it('rejects with a reason, and shows the server refusing', async () => {
      worker.use(api.step('reject')(fail(409, 'dispute_not_open')));
      const el = await open();
      buttonNamed(el, 'Reject')!.click();
      await waitUntil(() => $(el, '#reason'));
      $<HTMLTextAreaElement>(el, '#reason')!.value = 'Delivered as ordered.';
      buttonNamed(el, 'Confirm')!.click();
      await waitUntil(() => $(el, '[part="error"]'));
      expect(sent('POST', '/admin/disputes/dsp_01HXDISPUTE/reject')[0]!.body).to.deep.equal({
        reason: 'Delivered as ordered.',
      });
      expect(text($(el, '[part="error"]'))).to.equal('Mock dispute_not_open.');
      expect(buttonNamed(el, 'Confirm')!.disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('lets a collector assign only to themself, without the staff list', async () => {
      signIn(collectorSession);
      worker.use(api.dispute(disputeView()), api.step('assign')({}));
      const el = await render('dsp_01HXDISPUTE');
      await shown(el, 'Dispute of INV-1042');
      expect($$(el, 'button').filter((b) => b.textContent!.trim() === 'Assign to')).to.have.length(0);
      buttonNamed(el, 'Assign to me')!.click();
      await waitUntil(() => sent('POST', '/admin/disputes/dsp_01HXDISPUTE/assign').length === 1);
      expect(sent('POST', '/admin/disputes/dsp_01HXDISPUTE/assign')[0]!.body).to.deep.equal({ staffUserId: 'me' });
      expect(sent('GET', '/admin/staff')).to.have.length(0);
    });

    it('shows a viewer no actions', async () => {
      signIn(viewerSession);
      worker.use(api.dispute(disputeView()));
      const el = await render('dsp_01HXDISPUTE');
      await shown(el, 'Dispute of INV-1042');
      expect($(el, '[part="actions"]')).to.equal(null);
      expect(buttonNamed(el, 'Reject')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows no actions once the dispute is decided', async () => {
      const el = await open(
        disputeView({
          status: 'resolved',
          resolution: {
            creditNoteId: 'crn_1',
            creditNoteNumber: 'CN-1',
            creditAmount: 30_000,
            accountCredit: 0,
            note: 'Credited.',
          },
        }),
      );
      expect(text(el)).to.contain('Credit note of $300.00: Credited.');
      expect($(el, '[part="actions"]')).to.equal(null);
    });

    it('speaks French', async () => {
      worker.use(api.dispute(disputeView()), api.staff(staffList));
      const el = await render('dsp_01HXDISPUTE', 'fr');
      await shown(el, 'Litige sur la facture INV-1042');
      expect(text(el)).to.contain('Lignes contestées');
      expect(buttonNamed(el, 'Commencer l’examen')).to.not.equal(null);
    });

    describe('on a phone', () => {
      usePhoneViewport();
      it('fits the page', async () => {
        const el = await open();
        buttonNamed(el, 'Resolve with a credit note')!.click();
        await waitUntil(() => $(el, '#amount'));
        expect(overflowsPage()).to.equal(false);
      });
    });
  });
});
