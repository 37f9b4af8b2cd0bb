/**
 * Every user-visible word of the widget in English: the reference catalog. Other locales
 * (`fr.ts`) are checked against its shape (`Catalog`), so a key missing in one fails the typecheck.
 * Values are plain strings, or functions where a word depends on a count or a value.
 *
 * Two parts, so `portico.js` carries only its own words: `en-shell.ts` (sign-in, the portal, the
 * invoice list, the shared words) and `en-views.ts` (the lazy elements'). `en` is the shell's object
 * completed with the views' words: importing this module (each lazy element's `define.ts` does) gives
 * `catalogFor` every English word.
 */
import { enShell } from './en-shell.js';
import { enViews } from './en-views.js';

export const en = Object.assign(enShell, enViews);

/**
 * The shape every locale's catalog has: the same keys, every leaf a string or a function with the
 * same parameters returning a string (English's literal return types widened, so French can differ).
 */
export type Catalog = Words<typeof en>;

export type Words<T> = T extends (...args: infer A) => unknown
  ? (...args: A) => string
  : T extends string
    ? string
    : { readonly [K in keyof T]: Words<T[K]> };
