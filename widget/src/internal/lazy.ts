/**
 * The elements that are not in `portico.js` itself. Each is a chunk the build puts beside
 * `portico.js` (`chunks/…`), fetched the first time a page or the portal uses the element, so the
 * script tag carries only what the first view needs: Lit, the portal, sign-in and the invoice list.
 *
 * The `import()` specifiers are relative, so the browser resolves them against `portico.js`'s own
 * URL: a company page that loads the script from the Portico server gets the chunks from there too.
 */
/** The dispute form, a dispute's page and the list of disputes: one chunk (see `dispute-elements.ts`). */
const disputes = () => withWords(import('../elements/dispute-editor/dispute-elements.js'));

const chunks = {
  // The staff console: its shell; each of its views is a further chunk (elements/admin/views.ts).
  'ar-admin': () => withWords(import('../elements/admin/define.js')),
  'ar-dispute': disputes,
  'ar-dispute-editor': disputes,
  'ar-dispute-list': disputes,
  'ar-easy-pay': () => withWords(import('../elements/easy-pay/define.js')),
  'ar-invoice-detail': () => withWords(import('../elements/invoice-detail/define.js')),
  'ar-payment-list': () => withWords(import('../elements/payment-list/define.js')),
  'ar-promise-list': () => withWords(import('../elements/promise-list/define.js')),
  'ar-promise-to-pay': () => withWords(import('../elements/promise-to-pay/define.js')),
  'ar-statement': () => withWords(import('../elements/statement/define.js')),
} satisfies Record<string, () => Promise<unknown>>;

/**
 * An element's chunk and, fetched at the same time rather than after it, the chunk of the lazy
 * elements' English words that it imports (`locales/en.ts`).
 */
function withWords(element: Promise<unknown>): Promise<unknown> {
  return Promise.all([element, import('../locales/en.js')]);
}

/** The tag of an element that `portico.js` loads on first use. */
export type LazyTag = keyof typeof chunks;

const loading = new Map<LazyTag, Promise<void>>();

/** An undefined lazy element, in a `querySelectorAll`. */
const undefinedLazy = Object.keys(chunks)
  .map((tag) => `${tag}:not(:defined)`)
  .join(',');

function isLazyTag(name: string): name is LazyTag {
  return Object.hasOwn(chunks, name);
}

/**
 * Defines the element `tag`, fetching its chunk the first time. A chunk that failed to load (the
 * network, a deploy in between) is tried again on the next call.
 */
export function loadElement(tag: LazyTag): Promise<void> {
  let loaded = loading.get(tag);
  if (!loaded) {
    loaded = chunks[tag]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        throw error;
      },
    );
    loading.set(tag, loaded);
  }
  return loaded;
}

/** Loads an element's chunk, reporting a failure on the console, where a page's developer looks. */
export function requestElement(tag: LazyTag): void {
  if (customElements.get(tag)) return;
  loadElement(tag).catch((error: unknown) => console.error(`Portico: could not load <${tag}>.`, error));
}

function loadUnder(node: Element | Document): void {
  if (node instanceof Element && isLazyTag(node.localName)) requestElement(node.localName);
  for (const element of node.querySelectorAll(undefinedLazy)) {
    if (isLazyTag(element.localName)) requestElement(element.localName);
  }
}

/**
 * Defines the lazy elements a page uses as they appear in `root` (the page's own markup, or elements
 * its scripts add later), the way Shoelace's autoloader does. Elements inside other shadow roots are
 * not seen: the portal loads its own, and a page can call `loadElement()`.
 */
export function autoloadElements(root: Document = document): MutationObserver {
  loadUnder(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof Element) loadUnder(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}
