/** The statement PDF, and the money and text formatting every PDF uses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Statement } from '../src/contract';
import { minorToDecimal, pdfFormatters, pdfText } from '../src/pdf/format';
import { renderStatementPdf } from './pdf-support';
import { assertIncludes, disputedStatement, parse, statement, statementLine } from './pdf-fixtures-support';

// ---- Statement ----------------------------------------------------------------------------------

describe('statement PDF', () => {
  it('heads the statement with the company, the account and the period', async () => {
    const { buffer, text, info } = await parse(renderStatementPdf({ statement }));
    assert.equal(buffer.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(info.Author, 'Acme Supplies');
    assertIncludes(
      text,
      'Acme Supplies',
      'STATEMENT OF ACCOUNT',
      'Period Oct 1, 2026 – Oct 31, 2026',
      'Northwind Traders',
      '908 W. Capital Way',
    );
  });

  it('summarises opening balance, invoiced, paid, credited, closing balance and unapplied credit', async () => {
    const { text } = await parse(renderStatementPdf({ statement }));
    assertIncludes(
      text,
      'Opening balance $12,843.50',
      'Invoiced $3,026.73',
      'Payments -$1,700.00',
      'Credits -$15.00',
      'Closing balance $14,155.23',
      'Unapplied credit $25.00',
    );
  });

  it('lists the activity between opening and closing balances with a running balance', async () => {
    const { text } = await parse(renderStatementPdf({ statement }));
    assertIncludes(
      text,
      'Oct 1, 2026 Opening balance $12,843.50',
      'Oct 2, 2026 Invoice INV-1019 Invoice, due Nov 1, 2026 $706.83 $13,550.33',
      'Oct 5, 2026 Payment ACH-88213 Payment received -$1,200.00 $12,350.33',
      'Oct 9, 2026 Credit note CN-0007 Damaged toner box -$15.00 $12,335.33',
      'Oct 28, 2026 Payment Card •••• 4242 Card payment -$500.00 $14,155.23',
      'Oct 31, 2026 Closing balance $14,155.23',
    );
  });

  it('ages the open balance into current, 1–30, 31–60, 61–90 and 90+ days past due', async () => {
    const { text } = await parse(renderStatementPdf({ statement }));
    assertIncludes(
      text,
      'DAYS PAST DUE CURRENT 1–30 DAYS 31–60 DAYS 61–90 DAYS 90+ DAYS TOTAL OPEN',
      'Open balance $3,026.73 $4,100.00 $2,500.00 $1,208.50 $3,320.00 $14,155.23',
    );
  });

  it('shows what open disputes put in question apart from the balance, by days past due and one by one', async () => {
    const { text } = await parse(renderStatementPdf({ statement: disputedStatement }));
    assertIncludes(
      text,
      'Closing balance $14,155.23',
      'Of which disputed $470.00',
      'Open balance $3,026.73 $4,100.00 $2,500.00 $1,208.50 $3,320.00 $14,155.23',
      'Disputed $350.00 $120.00 $0.00 $0.00 $0.00 $470.00',
      'Open disputes',
      'INVOICE OPENED ON STATUS DISPUTED AMOUNT',
      'INV-1020 Oct 20, 2026 Open $350.00',
      'INV-1017 Oct 12, 2026 Under review $120.00',
    );
    const french = await parse(renderStatementPdf({ statement: disputedStatement, locale: 'fr-FR' }));
    assertIncludes(french.text, 'Dont contesté', 'Contestations en cours', 'En cours d’examen');
    const plain = await parse(renderStatementPdf({ statement }));
    for (const word of ['disputed', 'Disputed', 'Open disputes'])
      assert.ok(!plain.text.includes(word), `no ${word} without a dispute`);
  });

  it('carries a long statement over pages with page numbers', async () => {
    let balance = statement.openingBalance;
    const many = Array.from({ length: 120 }, (_, i) => {
      balance += 10_000;
      return statementLine('2026-10-15', 'invoice', `INV-${3000 + i}`, 'Invoice', 10_000, balance);
    });
    const long: Statement = {
      ...statement,
      lines: many,
      totals: { invoiced: 1_200_000, paid: 0, credited: 0 },
      closingBalance: balance,
    };
    const { text, pages } = await parse(renderStatementPdf({ statement: long }));
    assert.ok(pages.length >= 3);
    assertIncludes(text, `Page 2 of ${pages.length}`, 'INV-3119', 'Closing balance $24,843.50');
    assertIncludes(pages[1]!, 'DATE TYPE REFERENCE DESCRIPTION AMOUNT BALANCE');
  });
});

// ---- Formatting ---------------------------------------------------------------------------------

describe('PDF money and text', () => {
  it('turns minor units into exact decimals without floating point', () => {
    assert.equal(minorToDecimal(123_456, 2), '1234.56');
    assert.equal(minorToDecimal(-5, 2), '-0.05');
    assert.equal(minorToDecimal(9_007_199_254_740_991, 2), '90071992547409.91');
    assert.equal(minorToDecimal(12_345, 0), '12345');
    assert.throws(() => minorToDecimal(1.5, 2), RangeError);
  });

  it("uses each currency's own minor unit and names currencies Helvetica has no symbol for", () => {
    assert.equal(pdfFormatters('en-US', 'JPY').money(12_345), '¥12,345');
    assert.match(pdfFormatters('en-US', 'BHD').money(12_345), /^BHD\s12\.345$/);
    assert.match(pdfFormatters('en-IN', 'INR').money(123_456), /^INR\s1,234\.56$/);
  });

  it('falls back to en-US for an unusable locale', () => {
    assert.equal(pdfFormatters('not a locale!', 'USD').money(100), '$1.00');
  });

  it('keeps Latin-1 and WinAnsi punctuation and replaces the rest', () => {
    assert.equal(pdfText('Lumière – “€” • 1\u202f234'), 'Lumière – “€” • 1\u00a0234');
    assert.equal(pdfText('Łódź 😀'), 'Lódz ?');
  });
});
