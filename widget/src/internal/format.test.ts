import { expect } from '../../test/testing.js';
import { formatAmountInput, parseAmountInput } from './amount-input.js';
import { formatDate, formatMoney, maskEmail, minorToDecimal } from './format.js';
import { formatRoute, linkTarget, parseRoute } from './routes.js';

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

describe('amounts typed by people', () => {
  const minor = (text: string, currency = 'USD', locale = 'en-US') => {
    const parsed = parseAmountInput(text, currency, locale);
    return parsed.ok ? parsed.minor : parsed.error;
  };

  it('reads the digits to integer minor units, never through a float', () => {
    expect(minor('1,234.56')).to.equal(123456);
    expect(minor('1234.5')).to.equal(123450);
    expect(minor('0.29')).to.equal(29);
    expect(minor('.5')).to.equal(50);
    expect(minor('$1,234.56')).to.equal(123456);
    expect(minor('1,234.56 USD')).to.equal(123456);
    expect(minor('12.500')).to.equal(1250);
    expect(minor('90071992547409.91')).to.equal(9007199254740991);
  });

  it('reads each locale’s own separators', () => {
    expect(minor('1 234,56', 'EUR', 'fr-FR')).to.equal(123456);
    expect(minor('1\u202f234,56 €', 'EUR', 'fr-FR')).to.equal(123456);
    expect(minor('1234.56', 'EUR', 'fr-FR')).to.equal(123456);
    expect(minor('1.234,56', 'EUR', 'de-DE')).to.equal(123456);
    expect(minor('1’234.56', 'CHF', 'de-CH')).to.equal(123456);
    expect(minor('12,34,567.00', 'INR', 'en-IN')).to.equal(123456700);
  });

  it('uses the currency’s minor unit', () => {
    expect(minor('1,500', 'JPY')).to.equal(1500);
    expect(minor('1,500.5', 'JPY')).to.equal('precision');
    expect(minor('1.234', 'KWD')).to.equal(1234);
    expect(minor('1.2345', 'USD')).to.equal('precision');
  });

  it('refuses what is not an amount', () => {
    for (const text of ['abc', '-5', '12,5', '1.2.3', '1,23,4', '1e3', '.', '5 apples 3']) {
      expect(minor(text), text).to.equal('invalid');
    }
    expect(minor('  ')).to.equal('empty');
    expect(minor('12.50', 'EUR', 'de-DE')).to.equal('invalid');
  });

  it('writes an amount back for a field, without the currency sign', () => {
    expect(formatAmountInput(123456, 'USD', 'en-US')).to.equal('1,234.56');
    expect(formatAmountInput(123456, 'EUR', 'fr-FR').replace(/\s/g, ' ')).to.equal('1 234,56');
    expect(formatAmountInput(1500, 'JPY', 'en-US')).to.equal('1,500');
    for (const [amount, currency, locale] of [
      [123456, 'USD', 'en-US'],
      [123456, 'EUR', 'fr-FR'],
      [123456, 'EUR', 'de-DE'],
      [99, 'USD', 'en-US'],
    ] as const) {
      expect(minor(formatAmountInput(amount, currency, locale), currency, locale)).to.equal(amount);
    }
  });
});

describe('formatDate', () => {
  it('formats a calendar date as that same day, whatever the time zone', () => {
    expect(formatDate('2026-03-01', 'en-US')).to.equal('Mar 1, 2026');
    expect(formatDate('2026-12-31', 'fr-FR')).to.equal('31 déc. 2026');
  });

  it('leaves the year out for a badge', () => {
    expect(formatDate('2027-01-14', 'en-US', 'dayMonth')).to.equal('Jan 14');
    expect(formatDate('2027-01-14', 'fr-FR', 'dayMonth')).to.equal('14 janv.');
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
    expect(parseRoute('pay/INV-1042')).to.deep.equal({ view: 'pay', invoices: ['INV-1042'] });
    expect(parseRoute('pay?invoices=INV-1,INV-2')).to.deep.equal({ view: 'pay', invoices: ['INV-1', 'INV-2'] });
    expect(parseRoute('statement')).to.deep.equal({ view: 'statement' });
    expect(parseRoute('promise?invoices=INV-1,INV-2')).to.deep.equal({ view: 'promise', invoices: ['INV-1', 'INV-2'] });
    expect(parseRoute('promise/INV-1042')).to.deep.equal({ view: 'promise', invoices: ['INV-1042'] });
    expect(parseRoute('promises')).to.deep.equal({ view: 'promises' });
    expect(parseRoute('invoices?status=open&account=acc_globex')).to.deep.equal({
      view: 'invoices',
      status: 'open',
      account: 'acc_globex',
    });
  });

  it('rejects what is not a route', () => {
    for (const target of [
      '',
      'https://evil.test/',
      'invoices?status=unpaid',
      'pay/',
      'pay',
      'pay?invoices=INV-1,,INV-2',
      'statement/2026',
      'promise',
      'promises/ptp_1',
      'admin',
    ]) {
      expect(parseRoute(target), target).to.equal(null);
    }
  });

  it('writes back what it reads', () => {
    for (const target of [
      'invoices',
      'invoices?status=paid',
      'invoices/INV-7',
      'pay/INV-7',
      'pay?invoices=INV-7,INV-8&account=acc_globex',
      'statement',
      'promise?invoices=INV-7',
      'promise?invoices=INV-7,INV-8&account=acc_globex',
      'promises',
    ]) {
      expect(formatRoute(parseRoute(target)!)).to.equal(target);
    }
  });

  it('sends the server only targets its links can carry: paying several becomes their list', () => {
    expect(linkTarget({ view: 'pay', invoices: ['INV-7'], account: 'acc_globex' })).to.equal(
      'pay/INV-7?account=acc_globex',
    );
    expect(linkTarget({ view: 'pay', invoices: ['INV-7', 'INV-8'], account: 'acc_globex' })).to.equal(
      'invoices?account=acc_globex',
    );
  });

  it('sends the promise form as the list, and the promises as they are', () => {
    expect(linkTarget({ view: 'promise', invoices: ['INV-7'], account: 'acc_globex' })).to.equal(
      'invoices?account=acc_globex',
    );
    expect(linkTarget({ view: 'promises' })).to.equal('promises');
  });
});
