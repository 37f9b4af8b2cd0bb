/**
 * `@open-wc/testing`, with one change: `waitUntil` waits up to 5 s by default instead of 1 s.
 * Its 1 s default is about rendering speed, and a loaded 2-core CI machine overran it (an Easy Pay
 * form that needed two requests did not render within the second). A hang still fails, only later.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

export * from '@open-wc/testing';

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}
