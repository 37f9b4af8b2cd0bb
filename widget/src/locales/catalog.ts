/**
 * The words for an element's `locale`: French for `fr` and every `fr-*` tag, Spanish for `es-*`, German
 * for `de-*`, English for anything else (including no locale at all, where money and dates still follow the browser).
 *
 * English is in `portico.js` for what it shows itself (`en-shell.ts`); the lazy elements' English
 * words come with their chunks (their `define.ts` imports `en.ts`, which completes the same object).
 * Every other catalog is a chunk of its own, fetched the first time an element needs it. Elements
 * wait for it before they render (`catalogLoading` in their `scheduleUpdate`), so a French page never
 * paints English first.
 */
import { enShell } from './en-shell.js';
import type { Catalog } from './en.js';

export type { Catalog };

/** English: the shell's words, and every lazy element's once its chunk (which imports `en.ts`) has run. */
const en = enShell as unknown as Catalog;

/** The catalogs beside English, by primary language subtag. */
const loaders: Readonly<Record<string, () => Promise<Catalog>>> = {
  fr: () => import('./fr.js').then((module) => module.fr),
  es: () => import('./es.js').then((module) => module.es),
  de: () => import('./de.js').then((module) => module.de),
};

const loaded = new Map<string, Catalog>([['en', en]]);
const loading = new Map<string, Promise<void>>();

function languageOf(locale: string | undefined): string {
  return (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The words for `locale` once its catalog is here (see `catalogLoading`); English otherwise. */
export function catalogFor(locale: string | undefined): Catalog {
  return loaded.get(languageOf(locale)) ?? en;
}

/**
 * While `locale`'s catalog is on its way, the promise of its arrival (the first call starts the
 * fetch); `undefined` once it is here, or when the locale has no catalog of its own. A catalog that
 * failed to load (offline, a deploy in between) leaves the words English and is tried again next time.
 */
export function catalogLoading(locale: string | undefined): Promise<void> | undefined {
  const language = languageOf(locale);
  if (loaded.has(language) || !Object.hasOwn(loaders, language)) return undefined;
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]!().then(
      (catalog) => void loaded.set(language, catalog),
      (error: unknown) => {
        loading.delete(language);
        console.error(`Portico: could not load the "${language}" words; showing English.`, error);
      },
    );
    loading.set(language, pending);
  }
  return pending;
}
