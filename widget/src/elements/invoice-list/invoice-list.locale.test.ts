import '../../../test/resize-observer.js';
import { expect, fixture, html, waitUntil } from '../../../test/testing.js';
import { API, accountList, invoice, northwind, sessionCreated } from '../../../test/fixtures.js';
import { mock, signIn, useMockApi, worker } from '../../../test/mock-api.js';
import './define.js';
import type { ArInvoiceList } from './invoice-list.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<ar-invoice-list> in a locale', () => {
  useMockApi();
  beforeEach(() => {
    signIn(sessionCreated());
    worker.use(
      mock.listAccounts(accountList(northwind)),
      mock.listInvoices({
        items: [
          invoice({
            number: 'F-2026-07',
            currency: 'EUR',
            total: 123_456,
            balance: 123_456,
            dueDate: '2026-10-01',
            status: 'past_due',
            daysPastDue: 12,
          }),
        ],
        nextCursor: null,
      }),
    );
  });

  it('speaks French for fr-FR, and English again once locale is set to en-US', async () => {
    const el = await fixture<ArInvoiceList>(
      html`<ar-invoice-list api=${API} account="acc_northwind" status="all" locale="fr-FR"></ar-invoice-list>`,
    );
    const row = () => el.shadowRoot!.querySelector('tbody.rows tr');
    await waitUntil(() => row(), 'the list loads', { timeout: 5000 });
    const $ = (selector: string) => el.shadowRoot!.querySelector(selector);

    expect(text($('#tab-past_due'))).to.match(/^En retard/);
    expect(text($('#tab-all'))).to.match(/^Toutes/);
    expect(text($('label[for="search"]'))).to.equal('Rechercher des factures');
    expect(text($('thead')))
      .to.contain('Facture')
      .and.contain('Solde')
      .and.contain('Échéance');
    expect(text(row())).to.contain('1 234,56 €').and.contain('En retard').and.contain('12 jours');
    expect(text(row())).to.contain('1 oct. 2026');
    expect(row()!.getAttribute('aria-label')!.replace(/\s/g, ' ')).to.equal(
      'Facture F-2026-07, solde 1 234,56 €, En retard · 12 jours',
    );
    const totals = () => text($('[part="totals"]'));
    await waitUntil(() => totals().includes('Solde dû'), 'the totals load');
    expect(totals().replace(/\s/g, ' ')).to.contain('Solde dû 18 450,00 $US').and.contain('En retard');
    await expect(el).to.be.accessible();

    el.locale = 'en-US';
    await el.updateComplete;
    await waitUntil(() => text(row()).includes('€1,234.56'), 'the row shows English money');
    expect(text($('#tab-past_due'))).to.match(/^Past due/);
    expect(text($('#tab-all'))).to.match(/^All/);
    expect(text($('label[for="search"]'))).to.equal('Search invoices');
    expect(text($('thead')))
      .to.contain('Invoice')
      .and.contain('Balance')
      .and.contain('Due');
    expect(text(row())).to.contain('Past due').and.contain('12 days').and.contain('Oct 1, 2026');
    expect(row()!.getAttribute('aria-label')).to.equal('Invoice F-2026-07, balance €1,234.56, Past due · 12 days');
    expect(totals()).to.contain('Balance due $18,450.00');
  });
});
