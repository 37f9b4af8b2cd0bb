import { expect } from '../../../test/testing.js';
import { checkBank, checkCard, emptyBank } from '../../internal/payment-fields.js';
import { cardSurcharge, formatRate, paymentTotals } from './payment-totals.js';
import {
  bankToken,
  cardToken,
  checkExpiry,
  cvcValid,
  formatCardNumber,
  formatExpiry,
  luhnValid,
  testCards,
} from '../../internal/sandbox-tokens.js';

describe('sandbox tokens', () => {
  it('turns each documented test card into its token', () => {
    const tokens = Object.fromEntries(testCards.map((card) => [card.number, cardToken(card.number, 'card')]));
    expect(tokens).to.deep.equal({
      '4242 4242 4242 4242': { ok: true, token: 'tok_visa' },
      '5555 5555 5555 4444': { ok: true, token: 'tok_mastercard' },
      '4000 0566 5566 5556': { ok: true, token: 'tok_visa_debit' },
      '4000 0027 6000 3184': { ok: true, token: 'tok_authentication_required' },
      '4000 0000 0000 9995': { ok: true, token: 'tok_insufficient_funds' },
      '4000 0000 0000 0069': { ok: true, token: 'tok_expired_card' },
      '4000 0000 0000 9979': { ok: true, token: 'tok_stolen_card' },
    });
  });

  it('reads the number however it is spaced or dashed', () => {
    expect(cardToken('4242-4242-4242-4242', 'card')).to.deep.equal({ ok: true, token: 'tok_visa' });
    expect(cardToken(' 4242424242424242 ', 'card')).to.deep.equal({ ok: true, token: 'tok_visa' });
  });

  it('takes only the test debit card for the debit method', () => {
    expect(cardToken('4000 0566 5566 5556', 'debit')).to.deep.equal({ ok: true, token: 'tok_visa_debit' });
    expect(cardToken('4242 4242 4242 4242', 'debit')).to.deep.equal({ ok: false, problem: 'not_debit' });
  });

  it('says why a number gives no token: empty, failing its checksum, or a real card', () => {
    expect(cardToken('', 'card')).to.deep.equal({ ok: false, problem: 'empty' });
    expect(cardToken('4242 4242 4242 4241', 'card')).to.deep.equal({ ok: false, problem: 'invalid' });
    expect(cardToken('4111 1111 1111 1111', 'card')).to.deep.equal({ ok: false, problem: 'not_test_card' });
  });

  it('checks the Luhn digit', () => {
    expect(testCards.every((card) => luhnValid(card.number.replace(/ /g, '')))).to.equal(true);
    expect(luhnValid('79927398713')).to.equal(false); // too short for a card, though its checksum holds
    expect(luhnValid('4012888888881881')).to.equal(true);
    expect(luhnValid('4012888888881882')).to.equal(false);
  });

  it('formats the number in fours and the expiry as MM/YY while typing', () => {
    expect(formatCardNumber('42424')).to.equal('4242 4');
    expect(formatCardNumber('4242 4242 4242 4242 999 9')).to.equal('4242 4242 4242 4242 999');
    expect(formatExpiry('1')).to.equal('1');
    expect(formatExpiry('12')).to.equal('12');
    expect(formatExpiry('123')).to.equal('12/3');
    expect(formatExpiry('12/345')).to.equal('12/34');
  });

  it('takes an expiry from this month on, and a CVC of 3 or 4 digits', () => {
    const now = new Date(2026, 10, 20); // November 2026
    expect(checkExpiry('11/26', now)).to.equal(null);
    expect(checkExpiry('12/30', now)).to.equal(null);
    expect(checkExpiry('10/26', now)).to.equal('past');
    expect(checkExpiry('13/27', now)).to.equal('invalid');
    expect(checkExpiry('1/27', now)).to.equal('invalid');
    expect(cvcValid('123')).to.equal(true);
    expect(cvcValid('1234')).to.equal(true);
    expect(cvcValid('12')).to.equal(false);
    expect(cvcValid('12a')).to.equal(false);
  });

  it('turns the test bank accounts into tokens, with the test routing numbers only', () => {
    expect(bankToken('ach', { routing: '110000000', account: '000123456789' })).to.deep.equal({
      token: 'btok_settles',
      problems: [],
    });
    expect(bankToken('ach', { routing: '110000000', account: '000111111113' }).token).to.equal('btok_returns');
    expect(bankToken('eft', { institution: '000', transit: '11000', account: '000111111116' }).token).to.equal(
      'btok_fails',
    );
    expect(bankToken('ach', { routing: '021000021', account: '12345' })).to.deep.equal({
      token: null,
      problems: ['routing', 'not_test_account'],
    });
    expect(bankToken('eft', { institution: '001', transit: '', account: '' }).problems).to.deep.equal([
      'institution',
      'transit',
      'account_empty',
    ]);
  });

  it('gives a token only when every field of the form is right', () => {
    const card = { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123', name: 'Nancy Davolio' };
    expect(checkCard(card, 'card').token).to.equal('tok_visa');
    const noName = checkCard({ ...card, name: ' ' }, 'card');
    expect(noName.token).to.equal(null);
    expect([...noName.errors.keys()]).to.deep.equal(['card-name']);
    const bank = { ...emptyBank, routing: '110000000', account: '000123456789', holder: 'Northwind' };
    expect(checkBank(bank, 'ach')).to.deep.include({ token: 'btok_settles' });
    expect([...checkBank({ ...bank, holder: '' }, 'ach').errors.keys()]).to.deep.equal(['bank-holder']);
  });
});

describe('payment totals', () => {
  const policy = { rateBp: 300, cap: 5_000 };

  it('adds the card surcharge, rounded half up, and capped', () => {
    expect(cardSurcharge('card', 42_000, policy)).to.equal(1_260);
    // 3 % of $0.50 is 1.5 cents: half up is 2.
    expect(cardSurcharge('card', 50, policy)).to.equal(2);
    expect(cardSurcharge('card', 49, policy)).to.equal(1);
    expect(cardSurcharge('card', 1_000_000, policy)).to.equal(5_000);
    expect(cardSurcharge('card', 1_000_000, { rateBp: 300, cap: null })).to.equal(30_000);
  });

  it('charges no surcharge for debit cards, bank transfers or PayPal, nor when the company has none', () => {
    for (const method of ['debit', 'ach', 'eft', 'paypal'] as const) {
      expect(cardSurcharge(method, 42_000, policy), method).to.equal(0);
    }
    expect(cardSurcharge('card', 42_000, null)).to.equal(0);
  });

  it('takes credit off the invoices, adds the overpayment, and surcharges that amount, never the surcharge', () => {
    expect(
      paymentTotals({
        allocated: 42_000,
        creditAvailable: 15_000,
        useCredit: true,
        overpayment: 1_000,
        method: 'card',
        surcharge: policy,
      }),
    ).to.deep.equal({
      allocated: 42_000,
      credit: 15_000,
      overpayment: 1_000,
      amount: 28_000,
      surcharge: 840,
      total: 28_840,
    });
  });

  it('uses no more credit than the invoices take', () => {
    const totals = paymentTotals({
      allocated: 10_000,
      creditAvailable: 15_000,
      useCredit: true,
      overpayment: 0,
      method: 'ach',
      surcharge: policy,
    });
    expect(totals).to.include({ credit: 10_000, amount: 0, total: 0 });
  });

  it('shows a rate for people', () => {
    expect(formatRate(300, 'en-US')).to.equal('3%');
    expect(formatRate(275, 'en-US')).to.equal('2.75%');
    expect(formatRate(300, 'fr-FR').replace(/\s/g, ' ')).to.equal('3 %');
  });
});
