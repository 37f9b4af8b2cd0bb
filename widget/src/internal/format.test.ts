import { expect } from '@open-wc/testing';
import { formatDate, formatMoney, maskEmail, minorToDecimal } from './format.js';
import { formatRoute, parseRoute } from './routes.js';

describe('formatMoney', () => {
  it('formats integer minor units in the currency of the amount, for the locale', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).to.equal('$1,234.56');
    expect(formatMoney(123456, 'EUR', 'fr-FR').replace(/\s/g, ' ')).to.equal('1 234,56 €');
  });

  it('uses the currency’s own number of fraction digits', () => {
    expect(formatMoney(1500, 'JPY', 'en-US')).to.equal('¥1,500');
    expect(formatMoney(1234, 'KWD', 'en-US')).to.match(/1\.234/);
  });

  it('is exact for amounts a float would round', () => {
    expect(minorToDecimal(900719925474099, 2)).to.equal('9007199254740.99');
    expect(minorToDecimal(-5, 2)).to.equal('-0.05');
  });

  it('still shows an amount in an unknown currency', () => {
    expect(formatMoney(1000, 'XYZ1', 'en-US')).to.equal('10.00 XYZ1');
  });
});

describe('formatDate', () => {
  it('formats a calendar date as that same day, whatever the time zone', () => {
    expect(formatDate('2026-03-01', 'en-US')).to.equal('Mar 1, 2026');
    expect(formatDate('2026-12-31', 'fr-FR')).to.equal('31 déc. 2026');
  });

  it('leaves what is not a calendar date as it is', () => {
    expect(formatDate('2026-02-30', 'en-US')).to.equal('2026-02-30');
    expect(formatDate('soon', 'en-US')).to.equal('soon');
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskEmail('jane@acme.com')).to.equal('j•••@acme.com');
  });
});

describe('portal routes', () => {
  it('reads every route a link can land on', () => {
    expect(parseRoute('invoices')).to.deep.equal({ view: 'invoices' });
    expect(parseRoute('invoices?status=past_due')).to.deep.equal({ view: 'invoices', status: 'past_due' });
    expect(parseRoute('invoices/INV-1042')).to.deep.equal({ view: 'invoices', invoice: 'INV-1042' });
    expect(parseRoute('pay/INV-1042')).to.deep.equal({ view: 'pay', invoice: 'INV-1042' });
    expect(parseRoute('statement')).to.deep.equal({ view: 'statement' });
    expect(parseRoute('invoices?status=open&account=acc_globex')).to.deep.equal({
      view: 'invoices',
      status: 'open',
      account: 'acc_globex',
    });
  });

  it('rejects what is not a route', () => {
    for (const target of ['', 'https://evil.test/', 'invoices?status=unpaid', 'pay/', 'statement/2026', 'admin']) {
      expect(parseRoute(target), target).to.equal(null);
    }
  });

  it('writes back what it reads', () => {
    for (const target of ['invoices', 'invoices?status=paid', 'invoices/INV-7', 'pay/INV-7', 'statement']) {
      expect(formatRoute(parseRoute(target)!)).to.equal(target);
    }
  });
});
