/**
 * What `<ar-portal>` hands down to the elements inside it, so they use its API client (and so its
 * session) instead of building their own from an `api` attribute.
 */
import { createContext } from '@lit/context';
import type { PorticoApi } from './api.js';

export const porticoApiContext = createContext<PorticoApi | undefined>(Symbol('portico-api'));
