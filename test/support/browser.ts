/** Headless Chromium for end-to-end tests and screenshots, driven by playwright-core. */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromePath } from './chromium.mjs';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: CHROMIUM_ARGS });
}
