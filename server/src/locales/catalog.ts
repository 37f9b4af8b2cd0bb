/**
 * The words of a document (an email, a PDF, a statement download) for its reader's locale: French for
 * `fr` and every `fr-*` tag, Spanish for `es-*`, German for `de-*`, English for anything else, as the elements choose theirs
 * (widget/src/locales/catalog.ts). Money and dates follow the whole tag (`format.ts`), so an `it-IT`
 * reader gets English words with Italian numbers, as the elements show them.
 *
 * Whose locale a document takes is decided by the caller: an email's recipient contact, else the
 * company's `locale` setting; a portal download the `locale` the element asks for, else the
 * signed-in contact's, else the company's (`domain/notifications/reader-locale.ts`).
 */
import { en, type DocumentCatalog } from './en';
import { de } from './de';
import { es } from './es';
import { fr } from './fr';

export type { DocumentCatalog };

/** Every catalog, by primary language subtag. */
const catalogs: Readonly<Record<string, DocumentCatalog>> = { en, fr, es, de };

/** The languages documents are written in. */
export const documentLanguages: readonly string[] = Object.keys(catalogs);

function languageOf(locale: string | null | undefined): string {
  return (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The words for `locale`: its language's catalog, English when there is none. */
export function catalogFor(locale: string | null | undefined): DocumentCatalog {
  const language = languageOf(locale);
  return Object.hasOwn(catalogs, language) ? catalogs[language]! : en;
}
