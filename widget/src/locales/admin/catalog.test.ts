import { expect } from '../../../test/testing.js';
import { adminCatalogFor, adminCatalogLoading } from './catalog.js';
import { adminDe } from './de.js';
import { adminEn } from './en.js';
import { adminEs } from './es.js';
import { adminFr } from './fr.js';

/** Every leaf of a catalog by its dotted path. */
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

/** Words a language writes as English does: abbreviations, product names, a dash. */
const same: Record<string, readonly string[]> = {
  fr: [
    'shell.nav',
    'shell.none',
    'worklist.score',
    'worklist.pages',
    'customer.actionsLabel',
    'customer.date',
    'customer.pages',
    'customer.noteAdded',
    'customer.note',
    'customer.contact',
    'queues.pages',
    'queues.date',
    'queues.noteLabel',
    'queues.disputes.actions',
    'queues.disputes.replyLabel',
    'settings.fields.logo.0',
    'settings.actions',
    'settings.url',
    'settings.description',
    'audit.type',
  ],
  es: ['shell.none', 'queues.promises.portal', 'queues.deliveries.endpoint', 'settings.url'],
  // German: Status, Name, Logo, Teams, Portal, System and Details are German words too.
  de: [
    'shell.none',
    'customer.status',
    'customer.contactName',
    'queues.status',
    'queues.promises.portal',
    'settings.fields.logo.0',
    'settings.teams',
    'settings.teamName',
    'settings.name',
    'settings.status',
    'settings.url',
    'audit.summary',
    'audit.system',
  ],
};

describe('the staff console’s catalogs', () => {
  const english = leaves(adminEn);
  const others = [
    ['fr', leaves(adminFr)],
    ['es', leaves(adminEs)],
    ['de', leaves(adminDe)],
  ] as const;

  it('has every English key in every language, and no other', () => {
    for (const [, catalog] of others) expect([...catalog.keys()].sort()).to.deep.equal([...english.keys()].sort());
  });

  it('has a non-empty string, or a function where English has one, at every leaf', () => {
    for (const [locale, catalog] of others) {
      for (const [path, leaf] of catalog) {
        const ok = typeof leaf === 'function' || (typeof leaf === 'string' && leaf.trim() !== '');
        expect(ok, `${locale}: ${path}`).to.equal(true);
        expect(typeof leaf, `${locale}: ${path}`).to.equal(typeof english.get(path));
      }
    }
  });

  it('translates every string, but for the words a language shares with English', () => {
    for (const [locale, catalog] of others) {
      const untranslated = [...catalog]
        .filter(([path, leaf]) => typeof leaf === 'string' && leaf === english.get(path))
        .map(([path]) => path)
        .filter((path) => !same[locale]!.includes(path));
      expect(untranslated, locale).to.deep.equal([]);
    }
  });

  it('loads each language for its tags, English for the rest', async () => {
    await Promise.all(['fr-CA', 'es-MX', 'de-AT'].map((tag) => adminCatalogLoading(tag)));
    expect(adminCatalogFor('fr-FR')).to.equal(adminFr);
    expect(adminCatalogFor('es')).to.equal(adminEs);
    expect(adminCatalogFor('de-DE')).to.equal(adminDe);
    expect(adminCatalogFor('it')).to.equal(adminEn);
    expect(adminCatalogLoading('it')).to.equal(undefined);
    expect(adminDe.shell.role('collector')).to.not.equal(adminEn.shell.role('collector'));
  });
});
