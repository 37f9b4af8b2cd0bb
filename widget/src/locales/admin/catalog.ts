/**
 * The staff console's words (`<ar-admin>` and its views), a catalog apart from the customer elements'
 * (`../catalog.ts`): a customer's page never downloads them, and the console's chunks carry English
 * (`en.ts`, imported by the console's shell) while French is a chunk of its own, fetched the first time
 * a console element needs it. Same rules as the customer catalog: French for `fr` and `fr-*`, Spanish for
 * `es-*`, German for `de-*`, English for anything else; elements hold their update until the catalog is here.
 */
import { adminEn, type AdminCatalog } from './en.js';

export type { AdminCatalog };

const loaders: Readonly<Record<string, () => Promise<AdminCatalog>>> = {
  fr: () => import('./fr.js').then((module) => module.adminFr),
  es: () => import('./es.js').then((module) => module.adminEs),
  de: () => import('./de.js').then((module) => module.adminDe),
};

const loaded = new Map<string, AdminCatalog>([['en', adminEn]]);
const loading = new Map<string, Promise<void>>();

function languageOf(locale: string | undefined): string {
  return (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The console's words for `locale` once its catalog is here (see `adminCatalogLoading`); English otherwise. */
export function adminCatalogFor(locale: string | undefined): AdminCatalog {
  return loaded.get(languageOf(locale)) ?? adminEn;
}

/** While `locale`'s console catalog is on its way, the promise of its arrival; `undefined` once here or when it has none. */
export function adminCatalogLoading(locale: string | undefined): Promise<void> | undefined {
  const language = languageOf(locale);
  if (loaded.has(language) || !Object.hasOwn(loaders, language)) return undefined;
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]!().then(
      (catalog) => void loaded.set(language, catalog),
      (error: unknown) => {
        loading.delete(language);
        console.error(`Portico: could not load the console's "${language}" words; showing English.`, error);
      },
    );
    loading.set(language, pending);
  }
  return pending;
}
