/**
 * What every end-to-end suite starts: a loopback SMTP capture, the real server with the demo company
 * sending to it (no resend cooldown, so a test may ask twice), and headless Chromium.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startPortico, type PorticoProcess } from './portico-process';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';

export interface DemoStack {
  portico: PorticoProcess;
  mail: SmtpCapture;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startDemoStack(): Promise<DemoStack> {
  const mail = await startSmtpCapture();
  const portico = await startPortico({ SMTP_URL: mail.url, RESEND_COOLDOWN_SECONDS: '0' });
  const browser = await launchChromium();
  return {
    portico,
    mail,
    browser,
    async stop() {
      await browser.close();
      await portico.stop();
      await mail.close();
    },
  };
}
