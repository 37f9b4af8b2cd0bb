import { expect } from '../../test/testing.js';
import { catalogFor, catalogLoading } from './catalog.js';
import { en } from './en.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** Every leaf of a catalog by its dotted path: `invoices.tab`, `pay.errors.cvcInvalid`… */
function leaves(catalog: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix + key;
    if (value && typeof value === 'object')
      for (const [inner, leaf] of leaves(value, `${path}.`)) found.set(inner, leaf);
    else found.set(path, value);
  }
  return found;
}

/** Words French writes as English does: column headings, brand names. */
const sameInFrench = new Set([
  'invoices.total',
  'invoice.date',
  'invoice.total',
  'pay.date',
  'statement.date',
  'payments.date',
]);

/** Words Spanish and German write as English does. */
const sameInSpanish = new Set(['invoices.total', 'invoice.total', 'invoice.subtotal']);
const sameInGerman = new Set(['invoices.status']);

describe('locale catalogs', () => {
  const english = leaves(en);
  const french = leaves(fr);
  const others = [
    ['fr', french, sameInFrench],
    ['es', leaves(es), sameInSpanish],
    ['de', leaves(de), sameInGerman],
  ] as const;

  it('has every English key in French, Spanish and German, and no other', () => {
    for (const [, catalog] of others) expect([...catalog.keys()].sort()).to.deep.equal([...english.keys()].sort());
  });

  it('has a non-empty string or a function at every leaf', () => {
    for (const [locale, catalog] of [['en', english] as const, ...others]) {
      for (const [path, leaf] of catalog) {
        const ok = typeof leaf === 'function' || (typeof leaf === 'string' && leaf.trim() !== '');
        expect(ok, `${locale}: ${path}`).to.equal(true);
        if (typeof leaf === 'function') expect(typeof english.get(path), `en: ${path}`).to.equal('function');
      }
    }
  });

  it('translates every string, but for the words a language shares with English', () => {
    for (const [locale, catalog, same] of others) {
      const untranslated = [...catalog].filter(
        ([path, leaf]) => typeof leaf === 'string' && leaf === english.get(path),
      );
      expect(
        untranslated.map(([path]) => path).filter((path) => !same.has(path)),
        locale,
      ).to.deep.equal([]);
    }
  });

  it('translates what the functions say', () => {
    expect(fr.invoices.tab('past_due')).to.equal('En retard');
    expect(fr.invoices.badge('open')).to.equal('Ouverte');
    expect(fr.pay.method('paypal')).to.equal('PayPal');
    expect(fr.invoices.daysPastDue(1)).to.equal('1 jour');
    expect(fr.invoices.daysPastDue(12)).to.equal('12 jours');
    expect(fr.portal.scopeFor(['INV-1', 'INV-2', 'INV-3'])).to.equal('Ce lien ne concerne que INV-1, INV-2 et INV-3.');
    expect(fr.login.rateLimited(120)).to.equal('Trop de demandes de connexion. Réessayez dans 2 minutes.');
  });

  it('loads French for fr and every fr-* tag once, and picks English for anything else', async () => {
    const loading = catalogLoading('fr-FR');
    expect(loading).to.be.instanceOf(Promise);
    expect(catalogLoading('fr-CA')).to.equal(loading);
    await loading;
    expect(catalogLoading('fr-FR')).to.equal(undefined);
    expect(catalogLoading('en-US')).to.equal(undefined);
    expect(catalogLoading('it-IT')).to.equal(undefined);
    expect(catalogFor('fr')).to.equal(fr);
    expect(catalogFor('fr-FR')).to.equal(fr);
    expect(catalogFor('fr-CA')).to.equal(fr);
    expect(catalogFor('FR_be')).to.equal(fr);
    expect(catalogFor('en-US')).to.equal(en);
    expect(catalogFor('it-IT')).to.equal(en);
    expect(catalogFor('')).to.equal(en);
    expect(catalogFor(undefined)).to.equal(en);
  });

  it('loads Spanish and German for es-* and de-*', async () => {
    await catalogLoading('es-MX');
    await catalogLoading('de-AT');
    expect(catalogFor('es')).to.equal(es);
    expect(catalogFor('es-ES')).to.equal(es);
    expect(catalogFor('de-DE')).to.equal(de);
    expect(catalogFor('de-CH')).to.equal(de);
    expect(es.invoices.daysPastDue(1)).to.not.equal(en.invoices.daysPastDue(1));
    expect(de.invoices.daysPastDue(12)).to.not.equal(en.invoices.daysPastDue(12));
  });
});
