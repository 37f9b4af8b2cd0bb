/**
 * `@lit-labs/virtualizer`, fetched as a chunk of its own instead of riding in `portico.js`. The fetch
 * starts when `portico.js` runs, beside the portal's first requests, and the list's first page waits
 * for it (`loadFirstPage`), so rows never render without it.
 */
import type { VirtualizeDirectiveConfig, VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type * as VirtualizerChunk from './virtualizer-chunk.js';

type VirtualizeModule = typeof VirtualizerChunk;
type Virtualizer = NonNullable<VirtualizerHostElement[VirtualizeModule['virtualizerRef']]>;

let loaded: VirtualizeModule | undefined;
let loading: Promise<void> | undefined;

/** Resolves once the virtualizer is here; a failed fetch (offline, a deploy in between) is tried again on the next call. */
export function virtualizerReady(): Promise<void> {
  if (loaded) return Promise.resolve();
  loading ??= import('./virtualizer-chunk.js').then(
    (module) => void (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The `virtualize` directive; only called once `virtualizerReady()` has resolved. */
export function virtualize<T>(config: VirtualizeDirectiveConfig<T>): ReturnType<VirtualizeModule['virtualize']> {
  if (!loaded) throw new Error('The virtualizer is not loaded yet.');
  return loaded.virtualize(config);
}

/** The virtualizer rendering into `host`, once it has rendered. */
export function virtualizerOf(host: (HTMLElement & VirtualizerHostElement) | null): Virtualizer | undefined {
  return loaded && host ? host[loaded.virtualizerRef] : undefined;
}
