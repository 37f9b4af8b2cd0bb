/**
 * The virtualizer measures rows in a ResizeObserver callback and resizes its host from there, which
 * makes Chromium report "ResizeObserver loop completed with undelivered notifications" on window.
 * It is harmless (the notifications come in the next frame), but Mocha's window.onerror would fail
 * whichever test happened to be running. Tests that render virtualized lists import this first: it
 * wraps any onerror handler so that one message is ignored and everything else still fails tests.
 */
const isLoopError = (message: unknown) => String(message).includes('ResizeObserver loop');

const owner = Object.getOwnPropertyDescriptor(window, 'onerror') ? window : Window.prototype;
const { get, set } = Object.getOwnPropertyDescriptor(owner, 'onerror')!;

Object.defineProperty(window, 'onerror', {
  configurable: true,
  get() {
    return get!.call(window);
  },
  set(handler: OnErrorEventHandler) {
    const wrapped: OnErrorEventHandler =
      typeof handler === 'function'
        ? function (this: unknown, message, ...rest) {
            return isLoopError(message) ? true : handler.call(this as WindowEventHandlers, message, ...rest);
          }
        : handler;
    set!.call(window, wrapped);
  },
});

// A handler set before this module ran gets wrapped too.
window.onerror = get!.call(window) as OnErrorEventHandler;
