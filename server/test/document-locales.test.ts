/**
 * Emails and PDFs in their reader's words: the catalogs (server/src/locales) agree key for key, and
 * the demo's French contact (Camille Martin of Lumière SARL, fr-FR) gets French emails, French PDF
 * attachments and French downloads, through the real server, SMTP capture and PDF text extraction.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import type { ErpCustomersUpsertResult } from '../src/contract/erp';
import type { PaymentView } from '../src/contract';
import { systemActor } from '../src/domain/events';
import { SettingsError, updateSettings, validateSettings } from '../src/domain/settings';
import { en } from '../src/locales/en';
import { de } from '../src/locales/de';
import { es } from '../src/locales/es';
import { fr } from '../src/locales/fr';
import { canonicalLocale } from '../src/contract/locale';
import { catalogFor } from '../src/locales/catalog';
import { paymentReceiptEmail } from '../src/mail/payment-templates';
import { ORIGIN, startTestServer, type TestServer } from './helpers';
import { customerRow, erpCall, erpKey, rowErrors, type ValidationFailed } from './erp-helpers';

/** Every leaf of a catalog by its dotted path (`email.invoice.subject`, `pdf.page`…), depth first. */
const leaves = (node: object, path: readonly string[] = []): [string, unknown][] =>
  Object.entries(node).flatMap(([key, value]): [string, unknown][] =>
    value && typeof value === 'object' ? leaves(value, [...path, key]) : [[[...path, key].join('.'), value]],
  );

/** Words each language writes as English does. */
const sameAsEnglish: Record<string, ReadonlySet<string>> = {
  fr: new Set(['pdf.date', 'pdf.invoice.total', 'statement.date']),
  es: new Set(['pdf.invoice.subtotal', 'pdf.invoice.total']),
  de: new Set(['pdf.invoice.status', 'pdf.receipt.status', 'dispute.statement.status']),
};

/** A PDF's text, no-break spaces made plain so "1 234,56 €" can be matched as typed. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/[\u00a0\u202f]/g, ' ');
  } finally {
    await parser.destroy();
  }
}

function assertIncludes(text: string, ...expected: string[]) {
  for (const e of expected) assert.ok(text.includes(e), `expected ${JSON.stringify(e)} in:\n${text}`);
}

describe('document catalogs', () => {
  const english = new Map(leaves(en));
  const others = { fr: new Map(leaves(fr)), es: new Map(leaves(es)), de: new Map(leaves(de)) };

  it('has every English key in French, Spanish and German, and no other', () => {
    for (const [locale, catalog] of Object.entries(others))
      assert.deepEqual([...catalog.keys()].sort(), [...english.keys()].sort(), locale);
  });

  /** Every leaf of every catalog, named `fr: pdf.page` in a failure. */
  const everyLeaf = Object.entries({ en: english, ...others }).flatMap(([locale, catalog]) =>
    [...catalog].map(([path, leaf]) => ({ where: `${locale}: ${path}`, path, leaf })),
  );

  it('has a non-empty string or a function at every leaf, a function where English has one', () => {
    for (const { where, path, leaf } of everyLeaf) {
      assert.ok(typeof leaf === 'function' || (typeof leaf === 'string' && leaf.trim() !== ''), where);
      assert.equal(typeof leaf, typeof english.get(path), where);
    }
  });

  it('translates every string, but for the words a language shares with English', () => {
    for (const [locale, catalog] of Object.entries(others)) {
      const untranslated = [...catalog].filter(
        ([path, leaf]) => typeof leaf === 'string' && leaf === english.get(path),
      );
      assert.deepEqual(
        untranslated.map(([path]) => path).filter((path) => !sameAsEnglish[locale]!.has(path)),
        [],
        locale,
      );
    }
  });

  it('writes Spanish and German only in characters the PDFs’ Helvetica draws (Latin-1, ’ – …)', () => {
    for (const { where, leaf } of everyLeaf.filter((l) => /^(es|de):/.test(l.where))) {
      const text = typeof leaf === 'function' ? (leaf as (...values: string[]) => unknown)('x', 'x', 'x', 'x') : leaf;
      assert.match(String(text), /^[\u0020-\u00ff\n’–…]*$/, where);
    }
  });

  it('holds nothing HTML would read as markup, since emails put the words into HTML as they are', () => {
    for (const { where, leaf } of everyLeaf) {
      const text = typeof leaf === 'function' ? (leaf as (...values: string[]) => unknown)('x', 'x', 'x', 'x') : leaf;
      assert.doesNotMatch(String(text), /[<&]/, where);
    }
  });

  it('translates what the functions say', () => {
    assert.equal(fr.pdf.invoice.statusFact('past_due', 1), 'En retard de 1 jour');
    assert.equal(fr.pdf.invoice.statusFact('past_due', 29), 'En retard de 29 jours');
    assert.equal(fr.method('ach'), 'Virement bancaire (ACH)');
    assert.equal(fr.method('check'), 'Chèque');
    assert.equal(fr.method('barter'), 'barter');
    assert.equal(fr.labelled('Montant dû', '12,00 €'), 'Montant dû\u00a0: 12,00 €');
    assert.equal(fr.statement.invoiceLine('14 janv. 2027', 'PO-7'), 'Facture, commande PO-7, échéance 14 janv. 2027');
    assert.equal(fr.email.sentBy('Acme Supplies'), 'Envoyé par l’espace client d’Acme Supplies.');
    assert.equal(fr.pdf.statement.subject('Lumière SARL'), 'Relevé de compte de Lumière SARL');
    assert.equal(en.dateInText('2027-01-14', 'Jan 14, 2027'), '2027-01-14');
    assert.equal(fr.dateInText('2027-01-14', '14 janv. 2027'), '14 janv. 2027');
  });

  it('picks French, Spanish or German by the tag’s language, and English for anything else', () => {
    for (const tag of ['fr', 'fr-FR', 'fr-CA', 'FR_be']) assert.equal(catalogFor(tag), fr, tag);
    for (const tag of ['es', 'es-MX', 'es-ES']) assert.equal(catalogFor(tag), es, tag);
    for (const tag of ['de', 'de-DE', 'de-AT']) assert.equal(catalogFor(tag), de, tag);
    for (const tag of ['en', 'en-GB', 'it-IT', '', null, undefined]) assert.equal(catalogFor(tag), en, String(tag));
  });

  it('takes a locale as a BCP 47 tag in its canonical form, and refuses what is not one', () => {
    assert.equal(canonicalLocale('fr_ca'), 'fr-CA');
    assert.equal(canonicalLocale(' EN-gb '), 'en-GB');
    assert.equal(canonicalLocale('de'), 'de');
    for (const bad of ['', 'not a locale!', 'fr--FR', 'x'.repeat(65)]) assert.equal(canonicalLocale(bad), null, bad);
  });

  it('writes a French receipt with French money', () => {
    const payment = {
      id: 'pay_1',
      receiptNumber: 'R-1',
      accountId: 'cus_lumiere',
      method: 'card',
      status: 'succeeded',
      currency: 'EUR',
      amount: 123_456,
      surcharge: 0,
      total: 123_456,
      unapplied: 0,
      refunded: 0,
      allocations: [{ invoiceId: 'inv_1', number: 'INV-1', amount: 123_456, source: 'payment' }],
    } as unknown as PaymentView;
    const email = paymentReceiptEmail({ company: 'Acme Supplies', to: 'a@b.test', payment, locale: 'fr-FR' });
    assert.equal(email.subject, 'Reçu R-1 d’Acme Supplies\u00a0: paiement de 1\u202f234,56\u00a0€ reçu');
    assert.match(email.text, /^Merci\. Nous avons bien reçu votre paiement de 1\u202f234,56\u00a0€ par Carte\./);
    assert.match(email.text, /Total débité\u00a0: 1\u202f234,56\u00a0€/);
    assert.match(email.html, /<html lang="fr-FR">/);
  });
});

describe('the French contact', () => {
  let t: TestServer;
  let key: string;
  const CAMILLE = 'compta@lumiere.test';

  before(async () => {
    t = await startTestServer();
    ({ key } = await erpKey(t));
  });
  after(() => t.close());

  /** The first column of the first row `query` finds (undefined for none), on either engine. */
  const scalar = async (query: SQL): Promise<unknown> => (await t.db.get<unknown[] | undefined>(query))?.[0];

  it('gets the sign-in email in French, and staff in the company default', async () => {
    const { code } = await t.signInLink(CAMILLE);
    const mail = t.mail.to(CAMILLE).at(-1)!;
    assert.equal(mail.subject, 'Votre lien de connexion à l’espace client d’Acme Supplies');
    assertIncludes(mail.text, 'Connectez-vous à l’espace client d’Acme Supplies\u00a0:', `navigateur`, code);
    assertIncludes(mail.html, 'lang="fr-FR"', 'Se connecter', 'Envoyé par l’espace client d’Acme Supplies.');

    t.clock.advance(60_000);
    await t.signInLink('ar@acme.test', { audience: 'staff' });
    assert.equal(t.mail.to('ar@acme.test').at(-1)!.subject, 'Your sign-in link for Acme Supplies staff console');
  });

  it('gets the invoice email in French, with French money and dates and the PDF attached in French', async () => {
    const invoice = (await scalar(
      sql`SELECT id FROM invoices WHERE customer_id = 'cus_lumiere' AND balance > 0 ORDER BY issue_date DESC, id DESC LIMIT 1`,
    )) as string;
    const before = t.mail.to(CAMILLE).length;
    const res = await erpCall(t, key, 'POST', `/invoices/${invoice}/send`);
    assert.equal(res.status, 202, await res.text());
    await t.worker.runDue();
    await t.worker.runDue();
    const mail = await t.mail.waitFor(CAMILLE, { after: before, subject: /^Facture / });

    assert.match(
      mail.subject,
      /^Facture INV-\d+ d’Acme Supplies — [\d\u202f]+,\d\d\u00a0€ à payer avant le \d{1,2} [a-zéû.]+ \d{4}$/,
    );
    assertIncludes(mail.text, 'pour Lumière SARL.', 'Montant dû\u00a0:', 'Échéance\u00a0:', 'Payer maintenant\u00a0: ');
    assertIncludes(mail.text, 'La facture est jointe en PDF.', 'Merci de ne pas transférer cet e-mail.');
    assert.doesNotMatch(mail.text, /Amount due|Pay now|\$/);
    assertIncludes(mail.html, 'lang="fr-FR"', '>Payer maintenant</a>', 'Montant dû');

    const [pdf] = mail.attachments;
    assert.ok(pdf, 'the invoice PDF is attached');
    const text = await pdfText(pdf.content);
    assertIncludes(text, 'FACTURE', 'N° de facture', 'Échéance', 'Facturé à'.toUpperCase(), 'Solde dû', 'Page 1 sur 1');
    assert.doesNotMatch(text, /Balance due|Bill to|INVOICE/);
  });

  /** A session of Camille's, signed in once for the download tests. */
  let session: Promise<string> | null = null;
  const camille = () => {
    t.clock.advance(60_000);
    return (session ??= t.signIn(CAMILLE));
  };

  it('downloads invoice PDFs in her locale, or in the one the element asks for', async () => {
    const token = await camille();
    const number = (await scalar(
      sql`SELECT number FROM invoices WHERE customer_id = 'cus_lumiere' ORDER BY issue_date DESC, id DESC LIMIT 1`,
    )) as string;
    const download = async (query = '') => {
      const res = await t.call('GET', `/invoices/${encodeURIComponent(number)}/pdf${query}`, { token });
      assert.equal(res.status, 200, query);
      return pdfText(new Uint8Array(await res.arrayBuffer()));
    };
    assertIncludes(await download(), 'FACTURE', 'Solde dû', ' €');
    assertIncludes(await download('?locale=fr-CA'), 'FACTURE', 'Solde dû');
    const english = await download('?locale=en');
    assertIncludes(english, 'INVOICE', 'Balance due', '€');
    assertIncludes(await download('?locale=de-DE'), 'RECHNUNG', 'Offener Betrag', ' €');
    // Italian numbers in English words: the words fall back to English, money keeps the tag.
    assertIncludes(await download('?locale=it-IT'), 'INVOICE', 'Balance due', ' €');

    const bad = await t.call(
      'GET',
      `/invoices/${encodeURIComponent(number)}/pdf?locale=${encodeURIComponent('not a locale!')}`,
      {
        token,
      },
    );
    assert.equal(bad.status, 400);
  });

  it('downloads the statement, CSV and PDF, and a receipt in French', async () => {
    const token = await camille();
    const csv = await (await t.call('GET', '/statement?format=csv', { token })).text();
    assert.match(csv, /^Date,Nature,Référence,Libellé,Montant \(EUR\),Solde \(EUR\)\n/);
    assertIncludes(csv, ',opening,,Solde d’ouverture,', ',closing,,Solde de clôture,');
    const json = (await (await t.call('GET', '/statement', { token })).json()) as { lines: { description: string }[] };
    assert.ok(
      json.lines.some((l) => /^Facture, (commande .+, )?échéance \d{1,2} /.test(l.description)),
      JSON.stringify(json.lines),
    );
    const englishCsv = await (await t.call('GET', '/statement?format=csv&locale=en-GB', { token })).text();
    assert.match(englishCsv, /^Date,Type,Reference,Description,Amount \(EUR\),Balance \(EUR\)\n/);

    const statement = await t.call('GET', '/statement?format=pdf', { token });
    assert.equal(statement.status, 200);
    assertIncludes(
      await pdfText(new Uint8Array(await statement.arrayBuffer())),
      'RELEVÉ DE COMPTE',
      'SYNTHÈSE DU COMPTE',
      'Mouvements',
      'Solde de clôture',
      'Balance âgée au',
    );

    const payment = (await scalar(
      sql`SELECT id FROM payments WHERE customer_id = 'cus_lumiere' ORDER BY id LIMIT 1`,
    )) as string;
    const receipt = await t.call('GET', `/payments/${payment}/receipt.pdf`, { token });
    assert.equal(receipt.status, 200);
    assertIncludes(await pdfText(new Uint8Array(await receipt.arrayBuffer())), 'REÇU', 'N° de reçu', 'Total débité');
  });

  it('takes a contact locale from the ERP, canonical, and refuses one that is not BCP 47', async () => {
    const contacts = [
      { email: 'ap@quebec.test', name: 'Payables', locale: 'fr_ca' },
      { email: 'ar@quebec.test', name: 'Receivables' },
    ];
    const put = (body: unknown) => erpCall(t, key, 'PUT', '/customers', { body: { customers: [body] } });
    let res = await put(customerRow(50, { currency: 'CAD', contacts }));
    assert.equal(res.status, 200, await res.clone().text());
    const localeOf = (email: string) => scalar(sql`SELECT locale FROM contacts WHERE email = ${email}`);
    assert.equal(await localeOf('ap@quebec.test'), 'fr-CA');
    assert.equal(await localeOf('ar@quebec.test'), null);

    // Changing only a locale is a change to the customer's contacts.
    res = await put(
      customerRow(50, { currency: 'CAD', contacts: [contacts[0]!, { ...contacts[1]!, locale: 'en-CA' }] }),
    );
    assert.deepEqual((await res.json()) as ErpCustomersUpsertResult, { created: 0, updated: 1, unchanged: 0 });
    assert.equal(await localeOf('ar@quebec.test'), 'en-CA');

    res = await put(customerRow(51, { contacts: [{ email: 'x@quebec.test', locale: 'not a locale!' }] }));
    assert.equal(res.status, 422);
    assert.deepEqual(rowErrors((await res.json()) as ValidationFailed), [[0, 'contacts.0.locale', 'invalid_locale']]);

    await t.signInLink('ap@quebec.test', { returnTo: `${ORIGIN}/` });
    assert.match(t.mail.to('ap@quebec.test').at(-1)!.subject, /^Votre lien de connexion/);
  });

  it('writes to contacts without a locale in the company default, a checked setting', async () => {
    assert.throws(() => validateSettings({ locale: 'not a locale!' }), SettingsError);
    assert.deepEqual(validateSettings({ locale: 'fr_fr' }), { locale: 'fr-FR' });
    await updateSettings(t.db, { values: { locale: 'fr-FR' } }, systemActor, t.clock.now());
    try {
      t.clock.advance(60_000);
      await t.signInLink('ap@northwind.test');
      assert.match(t.mail.to('ap@northwind.test').at(-1)!.subject, /^Votre lien de connexion/);
    } finally {
      await updateSettings(t.db, { reset: ['locale'] }, systemActor, t.clock.now());
    }
    t.clock.advance(60_000);
    await t.signInLink('ap@northwind.test');
    assert.match(t.mail.to('ap@northwind.test').at(-1)!.subject, /^Your sign-in link/);
  });
});
